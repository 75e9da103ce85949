"""Argon2id with OWASP's minimum parameters spelled out (19 MiB, t=2, p=1),
rather than whatever a library release picks as its defaults."""

from django.contrib.auth.hashers import Argon2PasswordHasher


class Argon2idPasswordHasher(Argon2PasswordHasher):
    # The algorithm name stays "argon2", so hashes are Django's own format and
    # a change of parameters is picked up by must_update() at the next login.
    time_cost = 2
    memory_cost = 19 * 1024  # KiB
    parallelism = 1
