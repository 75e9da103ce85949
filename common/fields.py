from collections.abc import Mapping

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
        return super().to_internal_value(self.checked_pk(data))

    def checked_pk(self, data) -> int:
        """``data`` as a sane id, or this field's ValidationError."""
        if isinstance(data, bool) or not isinstance(data, int | str):
            self.fail("incorrect_type", data_type=type(data).__name__)
        if isinstance(data, str):
            if not (data.isascii() and data.isdigit()) or len(data) > 19:
                self.fail("incorrect_type", data_type="str")
            data = int(data)
        if not 0 < data <= MAX_PK:
            self.fail("does_not_exist", pk_value=data)
        return data


class LockedLaterField(SafePrimaryKeyRelatedField):
    """A primary-key field for a row the writing service reads again under
    its lock anyway: validation makes no query of its own.

    The value is an unsaved instance holding only the primary key (all a
    service needs to lock the row). The service refuses a missing row with
    ``missing_row(pk)``, the message an eager lookup gives, so the client
    sees the same answer. When another field of the request fails, the
    serializer (``LockedLaterMixin``) does the lookup after all, so a 400
    names every field at fault, as before.
    """

    def to_internal_value(self, data):
        return self.get_queryset().model(pk=self.checked_pk(data))

    def look_up(self, data) -> None:
        """The eager field's lookup: raises its ValidationError for a missing row."""
        SafePrimaryKeyRelatedField.to_internal_value(self, data)


def missing_row(pk) -> str:
    """What a primary-key field says of an id with no row."""
    return serializers.PrimaryKeyRelatedField.default_error_messages["does_not_exist"].format(
        pk_value=pk
    )


# For a serializer with ``LockedLaterField``s: when validation fails on
# another field, look those rows up too, so the errors are the ones eager
# lookups would give. Put before ``serializers.Serializer`` in the bases. A
# comment, not a docstring: the schema would show it for every serializer
# without a docstring of its own.
class LockedLaterMixin:
    def to_internal_value(self, data):
        try:
            return super().to_internal_value(data)
        except serializers.ValidationError as exc:
            errors = exc.detail
            if not isinstance(errors, dict) or not isinstance(data, Mapping):
                raise
            for name, field in self.fields.items():
                if isinstance(field, LockedLaterField) and name not in errors and name in data:
                    try:
                        field.look_up(data[name])
                    except serializers.ValidationError as missing:
                        errors[name] = missing.detail
            order = list(self.fields)
            ordered = dict(sorted(errors.items(), key=lambda e: _position(order, e[0])))
            raise serializers.ValidationError(ordered) from None


def _position(order: list[str], name: str) -> int:
    return order.index(name) if name in order else len(order)
