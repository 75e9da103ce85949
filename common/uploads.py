import os
import uuid
from pathlib import PurePosixPath

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils.deconstruct import deconstructible


@deconstructible
class RandomFileName:
    """``upload_to`` that stores a file under a random name in ``folder``.

    Client file names are never used: they leak information and collide.
    The extension is the one the image validator settled on.
    """

    def __init__(self, folder: str):
        self.folder = folder

    def __call__(self, instance, filename: str) -> str:
        suffix = PurePosixPath(filename).suffix.lower()[:6]
        return f"{self.folder}/{uuid.uuid4().hex}{suffix}"

    def __eq__(self, other):
        return isinstance(other, RandomFileName) and other.folder == self.folder


class PrivateStorage(FileSystemStorage):
    """Files that must never be public: under ``PRIVATE_MEDIA_ROOT``, outside
    ``MEDIA_ROOT``, with no URL of their own; only views that check who asks
    read them. The folder is read from the settings on each use (tests move it)."""

    @property
    def base_location(self):
        return settings.PRIVATE_MEDIA_ROOT

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def url(self, name):
        raise ValueError("Private files have no public URL.")


_private = PrivateStorage()


def private_storage():
    """The private storage (a callable, so migrations record no path)."""
    return _private
