"""The ``Idempotency-Key`` request header, read the same way wherever a create
may be retried (orders, bookings): its limits, its OpenAPI parameter, and the
answers a retry can get. What a key replays, and when it is a 409 or a 422:
``purchases/idempotency.py``."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse

from common.exceptions import DomainError

IDEMPOTENCY_KEY_MAX_LENGTH = 255

IDEMPOTENCY_KEY_PARAMETER = OpenApiParameter(
    "Idempotency-Key",
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    description=f"Any string of 1 to {IDEMPOTENCY_KEY_MAX_LENGTH} characters identifying "
    "this attempt.",
)

IDEMPOTENCY_REFUSALS = {
    409: OpenApiResponse(description="The first request with this key is unfinished"),
    422: OpenApiResponse(description="Idempotency-Key reused with a different body"),
}


def idempotency_key(request) -> str | None:
    """The request's key, None without the header; an empty or too long one is a 400."""
    key = request.headers.get("Idempotency-Key")
    if key is not None and not 0 < len(key.strip()) <= IDEMPOTENCY_KEY_MAX_LENGTH:
        raise DomainError(
            f"The Idempotency-Key header must be 1 to {IDEMPOTENCY_KEY_MAX_LENGTH} characters."
        )
    return key
