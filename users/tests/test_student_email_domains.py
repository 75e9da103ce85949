"""STUDENT_EMAIL_DOMAINS: students register with a university address when
it is set; anyone registers with any address when it is empty."""

import pytest

from users.tests.helpers import REGISTER

pytestmark = pytest.mark.django_db


def register(api, email, user_type="student"):
    body = {"email": email, "password": "a-Long-unusual-pass-9", "user_type": user_type}
    return api.post(REGISTER, body)


def test_without_the_setting_any_domain_registers(api, settings):
    settings.STUDENT_EMAIL_DOMAINS = []

    assert register(api, "someone@gmail.com").status_code == 201


@pytest.mark.parametrize("email", ["kofi@ug.edu.gh", "AMA@UG.EDU.GH", "yaw@st.ug.edu.gh"])
def test_a_student_with_a_listed_domain_registers(api, settings, email):
    settings.STUDENT_EMAIL_DOMAINS = ["ug.edu.gh", "st.ug.edu.gh"]

    assert register(api, email).status_code == 201


@pytest.mark.parametrize(
    "email",
    ["someone@gmail.com", "yaw@staff.ug.edu.gh", "x@evil-ug.edu.gh", "x@ug.edu.gh.evil.com"],
)
def test_a_student_outside_the_domains_is_a_400_on_email(api, settings, email):
    settings.STUDENT_EMAIL_DOMAINS = ["ug.edu.gh", "st.ug.edu.gh"]

    response = register(api, email)

    assert response.status_code == 400
    assert "email" in response.json()


def test_vendors_register_with_any_domain(api, settings):
    settings.STUDENT_EMAIL_DOMAINS = ["ug.edu.gh"]

    assert register(api, "shop@gmail.com", user_type="vendor").status_code == 201


def test_the_setting_is_read_from_the_environment_as_a_list(monkeypatch):
    import importlib

    import config.settings.accounts as accounts

    monkeypatch.setenv("STUDENT_EMAIL_DOMAINS", " UG.edu.gh , @st.ug.edu.gh,")
    try:
        assert importlib.reload(accounts).STUDENT_EMAIL_DOMAINS == ["ug.edu.gh", "st.ug.edu.gh"]
    finally:
        monkeypatch.delenv("STUDENT_EMAIL_DOMAINS")
        importlib.reload(accounts)
