import uuid
from pathlib import PurePosixPath

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
