"""What the report says about the machine and the campus it measured."""

import os
import platform
import subprocess
import sys

import django
import gunicorn
import redis
from django.contrib.auth.hashers import get_hasher
from django.db import connection

from catalogue.models import Service, ServiceItem, VendorProfile
from orders.models import Order, OrderItem
from reviews.models import Review
from users.models import User


def row_counts() -> dict[str, int]:
    return {
        "vendors (with a profile)": VendorProfile.objects.count(),
        "users": User.objects.count(),
        "services": Service.objects.count(),
        "service items": ServiceItem.objects.count(),
        "orders": Order.objects.count(),
        "order lines": OrderItem.objects.count(),
        "reviews": Review.objects.count(),
    }


def _first_line(command: list[str]) -> str:
    try:
        out = subprocess.run(command, capture_output=True, text=True, timeout=10)  # noqa: S603
    except OSError:
        return "?"
    return (out.stdout or out.stderr).strip().splitlines()[0]


def cpu_model() -> str:
    with open("/proc/cpuinfo") as info:
        for line in info:
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return "?"


def machine() -> list[tuple[str, str]]:
    cpu = cpu_model()
    with open("/proc/meminfo") as info:
        memory = f"{int(info.readline().split()[1]) / 1024**2:.1f} GiB"
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        postgres = cursor.fetchone()[0]
    redis_version = redis.Redis.from_url(os.environ["REDIS_URL"]).info("server")["redis_version"]
    return [
        ("CPU", f"{os.cpu_count()} cores (nproc), {cpu}"),
        ("Memory", memory),
        ("OS", f"{platform.system()} {platform.release()}"),
        ("PostgreSQL", postgres),
        ("Redis", redis_version),
        ("Python", sys.version.split()[0]),
        ("Django", django.get_version()),
        ("gunicorn", gunicorn.__version__),
        ("wrk", _first_line(["wrk", "--version"]).split(" [")[0]),
    ]


def hasher_parameters() -> str:
    """The password hasher the logins were measured with, and its cost."""
    hasher = get_hasher()
    if hasattr(hasher, "memory_cost"):
        return (
            f"`{hasher.algorithm}` (Argon2id, m = {hasher.memory_cost // 1024} MiB, "
            f"t = {hasher.time_cost}, p = {hasher.parallelism})"
        )
    iterations = getattr(hasher, "iterations", None)
    return f"`{hasher.algorithm}`" + (f" with {iterations:,} iterations" if iterations else "")
