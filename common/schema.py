"""OpenAPI post-processing: document the error answers every view can give.

Some answers come from shared machinery rather than from a view, so no view
declares them: 401 for a bad token on any operation that reads one, 400 for a
NUL byte in a query string or an unreadable body, 404 for a page number out of
range. Adding them here keeps the schema accurate without repeating them on
every view.
"""

from drf_spectacular.openapi import AutoSchema as BaseAutoSchema

ERROR_SCHEMA_NAME = "Error"
ERROR_SCHEMA = {
    "type": "object",
    "description": ('Either {"detail": "message"} or field errors {"field": ["message", ...]}.'),
    "properties": {"detail": {"type": "string"}},
    "additionalProperties": True,
}
ERROR_REF = {"$ref": f"#/components/schemas/{ERROR_SCHEMA_NAME}"}

DESCRIPTIONS = {
    "400": "Invalid input: field errors, or a malformed body or query string.",
    "401": "Missing, invalid or expired access token.",
    "404": "Not found (also: a page number out of range).",
}


def _reads_token(operation: dict) -> bool:
    return any("jwtAuth" in requirement for requirement in operation.get("security", []))


def _query_params(operation: dict) -> set[str]:
    return {p["name"] for p in operation.get("parameters", []) if p.get("in") == "query"}


def document_shared_errors(result, generator, request, public):
    result.setdefault("components", {}).setdefault("schemas", {})[ERROR_SCHEMA_NAME] = ERROR_SCHEMA
    for operations in result.get("paths", {}).values():
        for operation in operations.values():
            params = _query_params(operation)
            needed = set()
            if _reads_token(operation):
                needed.add("401")
            if params or "requestBody" in operation:
                needed.add("400")
            if "page" in params:
                needed.add("404")
            responses = operation.setdefault("responses", {})
            for code in sorted(needed - responses.keys()):
                responses[code] = {
                    "description": DESCRIPTIONS[code],
                    "content": {"application/json": {"schema": ERROR_REF}},
                }
    return result


THROTTLED = {
    "description": "Too many writes of this kind by this user; retry after `Retry-After` seconds.",
    "headers": {"Retry-After": {"schema": {"type": "integer"}, "description": "Seconds to wait."}},
    "content": {"application/json": {"schema": ERROR_REF}},
}


class AutoSchema(BaseAutoSchema):
    """drf-spectacular's schema, plus the 429 of operations a write throttle
    (``common.throttles``) counts."""

    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        if direction == "response" and self._is_throttled():
            responses.setdefault("429", THROTTLED)
        return responses

    def _is_throttled(self) -> bool:
        from rest_framework.parsers import MultiPartParser

        from common.throttles import UploadThrottle, WriteThrottle

        if self.method.upper() in ("GET", "HEAD", "OPTIONS"):
            return False
        action = getattr(self.view, "action", None)
        # An upload throttle counts only bodies that can carry a file.
        takes_files = self.method.upper() != "DELETE" and any(
            issubclass(parser, MultiPartParser) for parser in self.view.parser_classes
        )
        return any(
            issubclass(throttle, WriteThrottle)
            and (throttle.actions is None or action in throttle.actions)
            and (takes_files or not issubclass(throttle, UploadThrottle))
            for throttle in getattr(self.view, "throttle_classes", [])
        )
