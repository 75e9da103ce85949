"""Where a payer goes back to after the checkout: the web app's page of what
the payment is for, as a real provider's checkout returns to the merchant's
callback URL. Payments never imports orders or bookings: the finder
registered here (``payments.purchases``) looks through the purchase kinds
they declare."""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class ReturnPage:
    kind: str  # "order" or "booking": how the page names it
    path: str  # the web app's page, on this origin


Finder = Callable[[int], ReturnPage | None]
_finders: list[Finder] = []


def register(finder: Finder) -> Finder:
    _finders.append(finder)
    return finder


def return_page(payment_id: int) -> ReturnPage | None:
    for finder in _finders:
        page = finder(payment_id)
        if page is not None:
            return page
    return None
