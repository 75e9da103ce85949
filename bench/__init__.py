"""`make bench`: seed PostgreSQL with a campus, serve it with gunicorn, load it with wrk."""
