"""The project's settings plus one bench-only URL: the stack's ceiling.

Never used outside the benchmark, so the ceiling endpoint is not part of the
public API.
"""

from config.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
WSGI_APPLICATION = "bench.wsgi.application"
