from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.db.models.functions import Lower


class UserType(models.TextChoices):
    STUDENT = "student", "Student"
    VENDOR = "vendor", "Vendor"
    ADMIN = "admin", "Admin"


def normalize_email(email: str) -> str:
    """Emails are compared case-insensitively, so they are stored lower-cased."""
    return (email or "").strip().lower()


class UserManager(BaseUserManager):
    use_in_migrations = True

    def get_by_natural_key(self, email):
        return self.get(email=normalize_email(email))

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=normalize_email(email), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("user_type", UserType.ADMIN)
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    """A person using the marketplace; logs in with their email."""

    username = None
    email = models.EmailField("email address", unique=True)
    user_type = models.CharField(
        max_length=10, choices=UserType.choices, default=UserType.STUDENT, db_index=True
    )
    phone_number = models.CharField(max_length=20, blank=True)
    # Proven by a link emailed at registration (users/accounts.py).
    email_verified = models.BooleanField(default=False)

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = []

    objects = UserManager()

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(Lower("email"), name="users_user_email_ci_unique"),
        ]
        indexes = [
            # Deactivated accounts, few: the public catalogue leaves out
            # their services (catalogue.selectors.public_vendor_q) after reading them.
            models.Index(fields=["id"], condition=models.Q(is_active=False), name="user_inactive"),
        ]

    def __str__(self):
        return self.email

    def save(self, *args, **kwargs):
        self.email = normalize_email(self.email)
        super().save(*args, **kwargs)

    @property
    def is_student(self) -> bool:
        return self.user_type == UserType.STUDENT

    @property
    def is_vendor(self) -> bool:
        return self.user_type == UserType.VENDOR

    @property
    def is_admin_type(self) -> bool:
        return self.user_type == UserType.ADMIN
