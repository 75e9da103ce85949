"""The project's settings plus one bench-only URL, the stack's ceiling, and
the dummy payment provider offered with DEBUG off (for the lunch rush).

Never used outside the benchmark, so the ceiling endpoint is not part of the
public API.
"""

from config.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
WSGI_APPLICATION = "bench.wsgi.application"

# The lunch rush (bench/rush.py) pays online through the dummy provider, whose
# webhooks it signs itself. Production settings offer that provider only with
# DEBUG on; the rush runs with DEBUG off and a generated webhook secret.
if PAYMENT_PROVIDER == "dummy" and PAYMENT_WEBHOOK_SECRET:  # noqa: F405
    PAYMENT_ONLINE_OFFERED = True
