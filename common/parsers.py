from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser, MultiPartParser


class SafeJSONParser(JSONParser):
    """DRF's JSON parser, with deeply nested documents refused as 400.

    ``json.loads`` raises ``RecursionError`` (not ``ValueError``) on a document
    nested thousands of levels deep, which stock DRF lets through as a 500.
    """

    def parse(self, stream, media_type=None, parser_context=None):
        try:
            return super().parse(stream, media_type, parser_context)
        except RecursionError as exc:
            raise ParseError("JSON parse error - document is nested too deeply.") from exc


# The API takes JSON bodies (DEFAULT_PARSER_CLASSES); views that receive a file
# also take multipart. The schema advertises exactly these, so generated
# clients send JSON wherever a body holds lists of objects.
UPLOAD_PARSERS = [SafeJSONParser, MultiPartParser]
