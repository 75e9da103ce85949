"""The payments tests' shop, barber and online purchases, for the operator
cancel's tests (they drive orders, bookings and payments through the API)."""

from payments.tests.conftest import (  # noqa: F401
    barber,
    haircut,
    order_online,
    other_student,
    other_student_client,
    shop,
)
