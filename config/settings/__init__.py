"""Django settings, read from the environment, one module per concern.

Every setting that differs between a laptop and a deployment comes from an
environment variable, read once, in the module of its concern (through
``config.settings.env``); the defaults are safe for local development only.
The README's configuration table lists every variable
(``tests/test_settings_env.py`` fails when one is missing there).
"""

from config.settings.accounts import *  # noqa: F403
from config.settings.api import *  # noqa: F403
from config.settings.cache import *  # noqa: F403
from config.settings.core import *  # noqa: F403
from config.settings.database import *  # noqa: F403
from config.settings.email import *  # noqa: F403
from config.settings.env import BASE_DIR, VAR_DIR  # noqa: F401
from config.settings.events import *  # noqa: F403
from config.settings.files import *  # noqa: F403
from config.settings.marketplace import *  # noqa: F403
from config.settings.payments import *  # noqa: F403
from config.settings.security import *  # noqa: F403
