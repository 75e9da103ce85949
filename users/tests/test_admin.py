import pytest
from django.core.management import call_command

from conftest import client_for
from users.models import User
from users.tests.factories import AdminFactory, StudentFactory, VendorFactory

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/users/user/"


@pytest.fixture
def staff_client(client):
    """A browser session of a staff admin in the Django admin."""
    client.force_login(AdminFactory(is_superuser=True))
    return client


def test_createsuperuser_makes_an_admin_type_user(monkeypatch):
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "root-password-for-tests-77")

    call_command("createsuperuser", interactive=False, email="Root@Campus.test", verbosity=0)

    user = User.objects.get(email="root@campus.test")
    assert user.user_type == "admin"
    assert user.is_admin_type
    assert user.is_staff
    assert user.is_superuser
    assert user.check_password("root-password-for-tests-77")


def test_createsuperuser_admin_can_open_the_admin(client):
    call_command("createsuperuser", interactive=False, email="root@campus.test", verbosity=0)
    client.force_login(User.objects.get(email="root@campus.test"))

    assert client.get(CHANGELIST).status_code == 200


def test_changelist_lists_users(staff_client):
    student = StudentFactory()

    response = staff_client.get(CHANGELIST)

    assert response.status_code == 200
    assert student.email in response.content.decode()


def test_changelist_search_finds_by_email_name_and_phone(staff_client):
    wanted = StudentFactory(email="findme@campus.test", last_name="Zanzibar", phone_number="0711")
    other = VendorFactory()

    for term in ("findme", "zanzibar", "0711"):
        page = staff_client.get(CHANGELIST, {"q": term}).content.decode()
        assert wanted.email in page
        assert other.email not in page


def test_changelist_filters_by_user_type(staff_client):
    student, vendor = StudentFactory(), VendorFactory()

    page = staff_client.get(CHANGELIST, {"user_type__exact": "vendor"}).content.decode()

    assert vendor.email in page
    assert student.email not in page


def test_admin_deactivates_a_user_who_is_then_refused_by_the_api(staff_client):
    student = StudentFactory(phone_number="0700")
    api = client_for(student)
    url = f"{CHANGELIST}{student.pk}/change/"
    assert staff_client.get(url).status_code == 200

    response = staff_client.post(
        url,
        {
            "email": student.email,
            "first_name": student.first_name,
            "last_name": student.last_name,
            "phone_number": "0700",
            "user_type": "student",
        },
    )

    assert response.status_code == 302
    student.refresh_from_db()
    assert not student.is_active
    assert api.get("/api/users/me/").status_code == 401


def test_admin_adds_a_user_with_a_hashed_password(staff_client):
    response = staff_client.post(
        f"{CHANGELIST}add/",
        {
            "email": "Added@Campus.test",
            "user_type": "vendor",
            "password1": "a-long-admin-set-password",
            "password2": "a-long-admin-set-password",
        },
    )

    assert response.status_code == 302
    user = User.objects.get(email="added@campus.test")
    assert user.user_type == "vendor"
    assert user.check_password("a-long-admin-set-password")


def test_admin_cannot_add_an_email_that_differs_only_in_case(staff_client):
    StudentFactory(email="taken@campus.test")

    response = staff_client.post(
        f"{CHANGELIST}add/",
        {
            "email": "TAKEN@campus.test",
            "user_type": "student",
            "password1": "a-long-admin-set-password",
            "password2": "a-long-admin-set-password",
        },
    )

    assert response.status_code == 200
    assert User.objects.filter(email__iexact="taken@campus.test").count() == 1


def test_non_staff_users_are_kept_out_of_the_admin(client):
    client.force_login(StudentFactory())

    response = client.get(CHANGELIST)

    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
