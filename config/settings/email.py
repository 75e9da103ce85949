"""Background tasks and email: the task queue, SMTP, the outbox's retries and sweep."""

from config.settings.env import VAR_DIR, env_bool, env_int, env_str

# django-tasks with its database backend: a task is a row in the app's own
# database, run by `manage.py db_worker` (make run starts one).
TASKS = {
    "default": {
        "BACKEND": env_str("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 10)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Campus Market <no-reply@localhost>")
# A failed email is retried after EMAIL_RETRY_SECONDS, then twice as long each
# time, until EMAIL_MAX_ATTEMPTS attempts in all.
EMAIL_MAX_ATTEMPTS = env_int("EMAIL_MAX_ATTEMPTS", 5)
EMAIL_RETRY_SECONDS = env_int("EMAIL_RETRY_SECONDS", 30)
# The folder Django's file backend (EMAIL_BACKEND=...filebased.EmailBackend)
# writes each message to; test setups read what was sent from there.
EMAIL_FILE_PATH = env_str("EMAIL_FILE_PATH", str(VAR_DIR / "emails"))
# Where the links in account emails point (the web app serves these paths).
FRONTEND_URL = env_str("FRONTEND_URL", "http://127.0.0.1:8000").rstrip("/")
# An unsent email whose send task is this far past its due time lost its worker
# (killed mid-send); `manage.py sweep_email_outbox` re-queues it.
EMAIL_SWEEP_OVERDUE_SECONDS = env_int("EMAIL_SWEEP_OVERDUE_SECONDS", 300)
