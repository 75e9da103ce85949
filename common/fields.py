from rest_framework import serializers

# Primary keys are 64-bit; anything outside is "does not exist", not a crash.
MAX_PK = 2**63 - 1


class IdField(serializers.IntegerField):
    """An object id given as a number, resolved later in bulk by a service
    (one query for a whole list instead of one per entry)."""

    def __init__(self, **kwargs):
        super().__init__(min_value=1, max_value=MAX_PK, **kwargs)


class SafePrimaryKeyRelatedField(serializers.PrimaryKeyRelatedField):
    """A primary-key field that answers 400 to any value that is not a sane id.

    Stock DRF passes ``1e400`` (a float infinity once JSON-decoded), booleans
    or 30-digit numbers straight to the database lookup, which raises
    ``OverflowError`` or ``ValueError`` and surfaces as a 500.
    """

    def to_internal_value(self, data):
        if isinstance(data, bool) or not isinstance(data, int | str):
            self.fail("incorrect_type", data_type=type(data).__name__)
        if isinstance(data, str):
            if not (data.isascii() and data.isdigit()) or len(data) > 19:
                self.fail("incorrect_type", data_type="str")
            data = int(data)
        if not 0 < data <= MAX_PK:
            self.fail("does_not_exist", pk_value=data)
        return super().to_internal_value(data)
