import factory

from users.models import User, UserType

PASSWORD = "correct-horse-battery-staple"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"user{n}@campus.test")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    user_type = UserType.STUDENT
    password = factory.django.Password(PASSWORD)


class StudentFactory(UserFactory):
    email = factory.Sequence(lambda n: f"student{n}@campus.test")
    user_type = UserType.STUDENT


class VendorFactory(UserFactory):
    email = factory.Sequence(lambda n: f"vendor{n}@campus.test")
    user_type = UserType.VENDOR


class AdminFactory(UserFactory):
    email = factory.Sequence(lambda n: f"admin{n}@campus.test")
    user_type = UserType.ADMIN
    is_staff = True
