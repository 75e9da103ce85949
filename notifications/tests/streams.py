"""Reading a Server-Sent Events stream served in-process by Django's ASGI handler."""

import asyncio
import json

from django.test import AsyncClient
from rest_framework_simplejwt.tokens import RefreshToken

EVENTS_URL = "/api/events/"


def bearer(user) -> dict[str, str]:
    return {"Authorization": f"Bearer {RefreshToken.for_user(user).access_token}"}


async def open_stream(path: str = EVENTS_URL, headers: dict | None = None):
    return await AsyncClient().get(path, headers=headers or {})


def parse_events(text: str) -> list[dict]:
    """The notifications in ``text``, as ``{"id", "event", "data"}``."""
    events = []
    for block in text.split("\n\n"):
        fields = {}
        for line in block.splitlines():
            key, _, value = line.partition(": ")
            if key in {"id", "event", "data"}:
                fields[key] = value
        if "data" in fields:
            fields["data"] = json.loads(fields["data"])
            events.append(fields)
    return events


async def read_until(response, done, timeout: float = 5.0) -> str:
    """Read the stream until ``done(text so far)`` holds; fail after ``timeout``."""
    text = ""
    chunks = response.streaming_content
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not done(text):
        remaining = deadline - loop.time()
        if remaining <= 0:
            raise AssertionError(f"stream timed out; so far: {text!r}")
        try:
            chunk = await asyncio.wait_for(anext(chunks), remaining)
        except StopAsyncIteration:
            return text + "<closed>"
        text += chunk.decode() if isinstance(chunk, bytes) else chunk
    return text


async def read_for(response, seconds: float) -> str:
    """Everything the stream sends within ``seconds``."""
    text = ""
    chunks = response.streaming_content
    loop = asyncio.get_running_loop()
    deadline = loop.time() + seconds
    while (remaining := deadline - loop.time()) > 0:
        try:
            chunk = await asyncio.wait_for(anext(chunks), remaining)
        except (TimeoutError, StopAsyncIteration):
            break
        text += chunk.decode() if isinstance(chunk, bytes) else chunk
    return text


def run_scenario(coroutine):
    """``asyncio.run`` that also stops the hub the stream started on this loop,
    so no background task or connection outlives the test."""
    from notifications.live.hub import hub

    async def wrapper():
        try:
            return await coroutine
        finally:
            await hub.stop()

    return asyncio.run(wrapper())
