"""Who may call what, in the authorization table's words: a row per endpoint
(``Row``) and the status each role gets, named by who is allowed
(``owning_vendor(200)``: the owner gets 200, everyone else the usual refusal)."""

from collections.abc import Callable
from dataclasses import dataclass

from tests.world import ROLES, World

Body = Callable[[World, str], dict]


@dataclass(frozen=True)
class Row:
    method: str
    # Placeholders name World attributes: {service}, {item}, {order}, {review}, {profile},
    # {booking}, {closure}, {option_group}, {document}, {payment} (its reference).
    path: str
    expect: dict[str, int]
    body: Body | None = None
    query: str = ""
    # The schema and its docs page are not operations of the schema itself.
    in_schema: bool = True

    def url(self, world: World) -> str:
        ids = {
            "service": world.service.pk,
            "item": world.item.pk,
            "order": world.order.pk,
            "review": world.review.pk,
            "profile": world.profile.pk,
            "booking": world.booking.pk,
            "closure": world.closure.pk,
            "document": world.document.pk if world.document else 0,
            "payment": world.payment.reference if world.payment else "",
            "option_group": world.option_group.pk,
        }
        return self.path.format(**ids) + self.query


def codes(*, anon, student, other_student, vendor, other_vendor, admin) -> dict[str, int]:
    return {
        "anon": anon,
        "student": student,
        "other_student": other_student,
        "vendor": vendor,
        "other_vendor": other_vendor,
        "admin": admin,
    }


def everyone(status: int) -> dict[str, int]:
    return dict.fromkeys(ROLES, status)


def signed_in(status: int) -> dict[str, int]:
    return {**everyone(status), "anon": 401}


def owning_vendor(status: int, *, admin: int = 403) -> dict[str, int]:
    """Writes to a public catalogue object: only its vendor."""
    return codes(
        anon=401, student=403, other_student=403, vendor=status, other_vendor=403, admin=admin
    )


def any_vendor(status: int) -> dict[str, int]:
    return codes(
        anon=401, student=403, other_student=403, vendor=status, other_vendor=status, admin=403
    )


def any_student(status: int) -> dict[str, int]:
    return codes(
        anon=401, student=status, other_student=status, vendor=403, other_vendor=403, admin=403
    )


def review_author(status: int) -> dict[str, int]:
    return codes(
        anon=401, student=status, other_student=403, vendor=403, other_vendor=403, admin=403
    )


def admin_only(status: int) -> dict[str, int]:
    return codes(
        anon=401, student=403, other_student=403, vendor=403, other_vendor=403, admin=status
    )


def order_party(status: int) -> dict[str, int]:
    """Acting on a private order: strangers get 404; the admin sees it (403 to act)."""
    return codes(
        anon=401, student=status, other_student=404, vendor=status, other_vendor=404, admin=403
    )


def purchase_operator(status: int) -> dict[str, int]:
    """An admin acting on any order or booking: its parties get 403, strangers 404."""
    return codes(
        anon=401, student=403, other_student=404, vendor=403, other_vendor=404, admin=status
    )
