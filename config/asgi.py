"""The ASGI application: what uvicorn serves. In production it serves the live
event stream (/api/events/) beside gunicorn's WSGI workers; under `make run` it
serves everything."""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
application = get_asgi_application()
