"""The dummy provider's checkout page (``/pay/<reference>/``): styled by a
static file the pages' Content-Security-Policy allows (no inline style), and
one link back to the order or booking in the web app, whatever the outcome."""

import html
import re
from html.parser import HTMLParser

import pytest
from django.contrib.staticfiles import finders
from django.test import Client

from bookings.tests.helpers import BOOKINGS_URL, iso, tomorrow_at

pytestmark = pytest.mark.django_db


class Page(HTMLParser):
    """What the tests look at in the page: inline styles, stylesheets, links."""

    def __init__(self, html: str):
        super().__init__()
        self.style_blocks = 0
        self.style_attributes = 0
        self.stylesheets: list[str] = []
        self.links: list[tuple[str, str]] = []
        self._link: str | None = None
        self._text = ""
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "style":
            self.style_blocks += 1
        if "style" in attrs:
            self.style_attributes += 1
        if tag == "link" and attrs.get("rel") == "stylesheet":
            self.stylesheets.append(attrs["href"])
        if tag == "a":
            self._link, self._text = attrs.get("href"), ""

    def handle_data(self, data):
        if self._link is not None:
            self._text += data

    def handle_endtag(self, tag):
        if tag == "a" and self._link is not None:
            self.links.append((" ".join(self._text.split()), self._link))
            self._link = None


def checkout(client, url, outcome=None):
    response = client.get(url) if outcome is None else client.post(url, {"outcome": outcome})
    return response, Page(response.content.decode())


def test_page_has_no_inline_style_and_its_stylesheet_is_allowed(order_online):
    order = order_online()
    response, page = checkout(Client(), order["payment"]["checkout_url"])
    assert response.status_code == 200
    assert page.style_blocks == 0 and page.style_attributes == 0
    assert page.stylesheets == ["/static/payments/checkout.css"]
    # Its policy allows styles from this origin only, where the file is.
    policy = response["Content-Security-Policy"]
    assert re.search(r"style-src 'self'(;|$)", policy), policy
    stylesheet = finders.find("payments/checkout.css")
    assert stylesheet is not None
    with open(stylesheet) as css:
        assert ".pay" in css.read()


@pytest.mark.parametrize(
    ("outcome", "message", "link_text"),
    [
        (None, None, "Cancel and go back to your order"),
        ("success", "Paid. Your order's page shows it now.", "Back to your order"),
        ("failure", "The payment failed.", "Back to your order"),
        ("maybe", "Choose to pay or to fail.", "Cancel and go back to your order"),
    ],
)
def test_page_links_back_to_the_order(order_online, outcome, message, link_text):
    order = order_online()
    response, page = checkout(Client(), order["payment"]["checkout_url"], outcome)
    assert response.status_code == (400 if outcome == "maybe" else 200)
    if message:
        assert message in html.unescape(response.content.decode())
    assert page.links == [(link_text, f"/orders/{order['id']}")]
    assert page.style_blocks == 0 and page.style_attributes == 0


def test_paid_page_still_links_back_when_opened_again(order_online):
    order = order_online()
    url = order["payment"]["checkout_url"]
    checkout(Client(), url, "success")
    response, page = checkout(Client(), url)
    assert "Pay</button>" not in response.content.decode()
    assert page.links == [("Back to your order", f"/orders/{order['id']}")]


def test_booking_checkout_links_back_to_the_booking(student_client, barber, haircut):
    barber.payment_methods = ["online"]
    barber.save()
    body = {"service": barber.pk, "start": iso(tomorrow_at("10:00")), "service_item": haircut.pk}
    booking = student_client.post(BOOKINGS_URL, body, format="json").json()
    url = booking["payment"]["checkout_url"]
    assert checkout(Client(), url)[1].links == [
        ("Cancel and go back to your booking", f"/bookings/{booking['id']}")
    ]
    response, page = checkout(Client(), url, "success")
    assert "Paid. Your booking's page shows it now." in html.unescape(response.content.decode())
    assert page.links == [("Back to your booking", f"/bookings/{booking['id']}")]
