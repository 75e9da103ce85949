"""Rows every kind of purchase shares."""

from django.db import models  # noqa: F401
