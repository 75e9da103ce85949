"""The authorization table behind ``test_authorization_matrix``: one row per
endpoint of the contract, with the status code each role gets."""

from datetime import date, timedelta

from rest_framework_simplejwt.tokens import RefreshToken

from bookings.tests.helpers import iso, tomorrow_at
from tests.authorization_roles import (
    Row,
    admin_only,
    any_student,
    any_vendor,
    codes,
    everyone,
    order_party,
    owning_vendor,
    purchase_operator,
    review_author,
    signed_in,
)
from tests.world import World
from users.tests.factories import PASSWORD
from users.tokens import email_verification_tokens, password_reset_tokens, uid_of


def _reset_link(world: World, role: str) -> dict:
    student = world.user("student")
    token = password_reset_tokens.make_token(student)
    return {"uid": uid_of(student), "token": token, "new_password": "another-Long-pass-42"}


def _verification_link(world: World, role: str) -> dict:
    student = world.user("student")
    return {"uid": uid_of(student), "token": email_verification_tokens.make_token(student)}


def _caller_refresh(world: World, role: str) -> dict:
    owner = world.user(role) or world.user("student")
    return {"refresh": str(RefreshToken.for_user(owner))}


SERVICE_BODY = {
    "service_name": "Late-night printing",
    "description": "Posters and theses.",
    "category": "printing",
    "service_type": "ordering",
    "base_price": "4.00",
}

OPTION_GROUP_BODY = {
    "name": "Extras",
    "min_choices": 0,
    "max_choices": 2,
    "options": [{"name": "Oat milk", "price_delta": "0.40"}, {"name": "Extra shot"}],
}

MATRIX: list[Row] = [
    # --- operations --------------------------------------------------------------
    Row("GET", "/api/health/", everyone(200)),
    Row("GET", "/api/config/", everyone(200)),
    Row("GET", "/api/schema/", everyone(200), in_schema=False),
    Row("GET", "/api/docs/", everyone(200), in_schema=False),
    # --- accounts and tokens -------------------------------------------------------
    Row(
        "POST",
        "/api/users/register/",
        everyone(201),
        body=lambda w, role: {
            "email": f"new-{role}@campus.test",
            "password": "a-Long-unusual-pass-9",
            "user_type": "student",
        },
    ),
    Row(
        "POST",
        "/api/users/login/",
        everyone(200),
        body=lambda w, role: {"email": w.user("student").email, "password": PASSWORD},
    ),
    Row(
        "POST",
        "/api/token/refresh/",
        everyone(200),
        body=lambda w, role: {"refresh": str(RefreshToken.for_user(w.user("student")))},
    ),
    Row("POST", "/api/users/logout/", signed_in(204), body=_caller_refresh),
    Row("GET", "/api/users/me/", signed_in(200)),
    Row("PATCH", "/api/users/me/", signed_in(200), body=lambda w, role: {"first_name": "Proof"}),
    Row(
        "POST",
        "/api/users/me/password/",
        signed_in(200),
        body=lambda w, role: {"old_password": PASSWORD, "new_password": "another-Long-pass-42"},
    ),
    Row(
        "POST",
        "/api/users/me/logout-everywhere/",
        signed_in(200),
        body=lambda w, role: {"password": PASSWORD},
    ),
    # --- account recovery and email verification ---------------------------------
    Row(
        "POST",
        "/api/users/password-reset/",
        everyone(202),
        body=lambda w, role: {"email": w.user("student").email},
    ),
    Row("POST", "/api/users/password-reset/confirm/", everyone(200), body=_reset_link),
    Row("POST", "/api/users/verify-email/", everyone(200), body=_verification_link),
    Row("POST", "/api/users/me/verify-email/", signed_in(202)),
    # --- vendor profiles -----------------------------------------------------------
    Row("GET", "/api/vendor-profiles/", everyone(200)),
    Row(
        "POST",
        "/api/vendor-profiles/",
        # The owning vendor already has one: a second is a 400.
        {**any_vendor(201), "vendor": 400},
        body=lambda w, role: {"business_name": "Second Shop"},
    ),
    Row("GET", "/api/vendor-profiles/{profile}/", everyone(200)),
    Row(
        "PATCH",
        "/api/vendor-profiles/{profile}/",
        # An admin may change is_verified / is_active.
        owning_vendor(200, admin=200),
        body=lambda w, role: {"description": "Now open on Sundays."},
    ),
    Row("DELETE", "/api/vendor-profiles/{profile}/", owning_vendor(204)),
    # Answered while hidden too; other_vendor has no profile (404).
    Row(
        "GET",
        "/api/vendor-profiles/mine/",
        codes(anon=401, student=403, other_student=403, vendor=200, other_vendor=404, admin=403),
    ),
    Row("GET", "/api/vendor-profiles/{profile}/verification/", owning_vendor(200, admin=200)),
    Row(
        "POST",
        "/api/vendor-profiles/{profile}/verification/",
        # Documents travel as multipart; this JSON body reaches validation only for the
        # owner (400: documents required). The upload itself: test_vendor_verification.
        owning_vendor(400),
        body=lambda w, role: {"note": "Please verify."},
    ),
    Row(
        "POST",
        "/api/vendor-profiles/{profile}/verification/decision/",
        admin_only(200),
        body=lambda w, role: {"decision": "verify"},
    ),
    # Private: anyone but the owner and admins, anonymous callers included, gets 404.
    Row(
        "GET",
        "/api/vendor-profiles/{profile}/verification/documents/{document}/",
        codes(anon=404, student=404, other_student=404, vendor=200, other_vendor=404, admin=200),
    ),
    # --- services --------------------------------------------------------------------
    Row("GET", "/api/services/", everyone(200)),
    Row("POST", "/api/services/", any_vendor(201), body=lambda w, role: dict(SERVICE_BODY)),
    Row("GET", "/api/services/{service}/", everyone(200)),
    Row(
        "PUT",
        "/api/services/{service}/",
        owning_vendor(200),
        body=lambda w, role: dict(SERVICE_BODY),
    ),
    Row(
        "PATCH",
        "/api/services/{service}/",
        owning_vendor(200),
        body=lambda w, role: {"description": "Now with colour."},
    ),
    Row("DELETE", "/api/services/{service}/", owning_vendor(204)),
    Row(
        "POST",
        "/api/services/{service}/update_availability/",
        owning_vendor(200),
        body=lambda w, role: {"is_available": False, "availability_status": "busy"},
    ),
    Row("GET", "/api/services/by_type/", everyone(200), query="?type=ordering"),
    Row("GET", "/api/services/by_category/", everyone(200), query="?category=food"),
    Row("GET", "/api/services/{service}/reviews/", everyone(200)),
    # --- service items -------------------------------------------------------------
    # --- opening hours, closures, pauses, slots -------------------------------------------
    Row("GET", "/api/services/{service}/hours/", everyone(200)),
    Row(
        "PUT",
        "/api/services/{service}/hours/",
        owning_vendor(200),
        body=lambda w, role: {"weekly": []},
    ),
    Row("GET", "/api/services/{service}/closures/", everyone(200)),
    Row(
        "POST",
        "/api/services/{service}/closures/",
        owning_vendor(201),
        body=lambda w, role: {
            "starts_on": (date.today() + timedelta(days=90)).isoformat(),
            "ends_on": (date.today() + timedelta(days=91)).isoformat(),
        },
    ),
    Row("DELETE", "/api/services/{service}/closures/{closure}/", owning_vendor(204)),
    Row(
        "POST",
        "/api/services/{service}/pause/",
        owning_vendor(200),
        body=lambda w, r: {"minutes": 5},
    ),
    Row("DELETE", "/api/services/{service}/pause/", owning_vendor(204)),
    Row("GET", "/api/services/{service}/slots/", everyone(200)),
    Row("GET", "/api/services/{service}/items/", everyone(200)),
    Row(
        "POST",
        "/api/services/{service}/items/",
        owning_vendor(201),
        body=lambda w, role: {"name": "Poster A1", "price": "2.00"},
    ),
    Row("GET", "/api/services/{service}/items/{item}/", everyone(200)),
    Row(
        "PATCH",
        "/api/services/{service}/items/{item}/",
        owning_vendor(200),
        body=lambda w, role: {"price": "4.25"},
    ),
    Row("DELETE", "/api/services/{service}/items/{item}/", owning_vendor(204)),
    Row(
        "POST",
        "/api/services/{service}/items/{item}/option-groups/",
        owning_vendor(201),
        body=lambda w, role: OPTION_GROUP_BODY,
    ),
    Row(
        "PUT",
        "/api/services/{service}/items/{item}/option-groups/{option_group}/",
        owning_vendor(200),
        body=lambda w, role: OPTION_GROUP_BODY,
    ),
    Row(
        "DELETE",
        "/api/services/{service}/items/{item}/option-groups/{option_group}/",
        owning_vendor(204),
    ),
    # --- orders ------------------------------------------------------------------------
    Row("GET", "/api/orders/", signed_in(200)),
    Row(
        "POST",
        "/api/orders/",
        any_student(201),
        body=lambda w, role: {
            "service": w.service.pk,
            "items": [{"service_item": w.item.pk, "quantity": 2}],
        },
    ),
    # Beyond API.md: the vendor dashboard's counts (orders/api/views.py::summary).
    Row(
        "GET",
        "/api/orders/summary/",
        codes(anon=401, student=403, other_student=403, vendor=200, other_vendor=200, admin=200),
    ),
    # Vendor reports: the CSV export; admins export the whole marketplace (docs/API.md).
    Row(
        "GET",
        "/api/orders/export/",
        codes(anon=401, student=403, other_student=403, vendor=200, other_vendor=200, admin=200),
    ),
    Row("GET", "/api/orders/{order}/", {**order_party(200), "admin": 200}),
    Row(
        "PATCH",
        "/api/orders/{order}/",
        order_party(200),
        body=lambda w, role: {"order_status": "cancelled"},
    ),
    Row(
        "POST",
        "/api/orders/{order}/update_status/",
        order_party(200),
        body=lambda w, role: {"order_status": "cancelled"},
    ),
    # Beyond API.md's first version: the admins' operator cancel (purchases/api.py).
    Row(
        "POST",
        "/api/orders/{order}/operator_cancel/",
        purchase_operator(200),
        body=lambda w, role: {"reason": "Kitchen closed by the health inspector"},
    ),
    # --- bookings ----------------------------------------------------------------------
    Row("GET", "/api/bookings/", signed_in(200)),
    Row(
        "POST",
        "/api/bookings/",
        any_student(201),
        body=lambda w, role: {
            "service": w.booking_service.pk,
            "start": iso(tomorrow_at("11:00")),
        },
    ),
    Row("GET", "/api/bookings/{booking}/", {**order_party(200), "admin": 200}),
    Row(
        "POST",
        "/api/bookings/{booking}/update_status/",
        # Before the start and the cancel notice: the customer and the vendor may cancel.
        order_party(200),
        body=lambda w, role: {"booking_status": "cancelled", "reason": "Closed for training"},
    ),
    Row(
        "POST",
        "/api/bookings/{booking}/operator_cancel/",
        purchase_operator(200),
        body=lambda w, role: {"reason": "Room flooded"},
    ),
    # --- payments ----------------------------------------------------------------------
    # The provider's call: no token; without a valid signature everyone gets 401.
    Row("POST", "/api/payments/webhook/", everyone(401), body=lambda w, role: {"event": "x"}),
    # The payer only; anyone else's reference is not found.
    Row(
        "POST",
        "/api/payments/{payment}/verify/",
        codes(anon=401, student=200, other_student=404, vendor=404, other_vendor=404, admin=404),
    ),
    # --- reviews -----------------------------------------------------------------------
    Row("GET", "/api/reviews/", everyone(200)),
    Row(
        "POST",
        "/api/reviews/",
        any_student(201),
        body=lambda w, role: {"service": w.review_target.pk, "rating": 5, "comment": "Quick."},
    ),
    Row("GET", "/api/reviews/{review}/", everyone(200)),
    Row("PATCH", "/api/reviews/{review}/", review_author(200), body=lambda w, role: {"rating": 3}),
    Row("DELETE", "/api/reviews/{review}/", review_author(204)),
    Row(
        "POST",
        "/api/reviews/{review}/report/",
        # Anyone signed in but the author.
        {**signed_in(201), "student": 403},
        body=lambda w, role: {"reason": "Off-topic."},
    ),
    Row(
        "POST",
        "/api/reviews/{review}/moderate/",
        admin_only(200),
        body=lambda w, role: {"decision": "keep"},
    ),
    Row(
        "PUT",
        "/api/reviews/{review}/reply/",
        owning_vendor(200),
        body=lambda w, role: {"text": "Thanks for coming."},
    ),
    Row("DELETE", "/api/reviews/{review}/reply/", owning_vendor(204)),
    # --- notifications and live events: each caller's own, so every role alike -----------
    Row("GET", "/api/notifications/", signed_in(200)),
    Row("GET", "/api/notifications/unread_count/", signed_in(200)),
    Row("POST", "/api/notifications/mark_read/", signed_in(200), body=lambda w, role: {}),
    Row("POST", "/api/events/ticket/", signed_in(200)),
    # The stream answers 200 and stays open; the test client does not read it.
    Row("GET", "/api/events/", signed_in(200)),
]
