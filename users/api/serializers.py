from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import serializers

from common.exceptions import DomainError
from users.models import User, UserType, normalize_email
from users.recovery import check_student_email
from users.services import check_registrable


class UserSerializer(serializers.ModelSerializer):
    """The ``user`` object; PATCH may change names and phone only."""

    class Meta:
        model = User
        fields = [
            "id",
            "email",
            "first_name",
            "last_name",
            "phone_number",
            "user_type",
            "date_joined",
            "email_verified",
        ]
        read_only_fields = ["id", "email", "user_type", "date_joined", "email_verified"]


class RegisterSerializer(serializers.Serializer):
    email = serializers.EmailField(max_length=254)
    password = serializers.CharField(
        write_only=True, max_length=128, style={"input_type": "password"}
    )
    user_type = serializers.ChoiceField(choices=[UserType.STUDENT, UserType.VENDOR])
    first_name = serializers.CharField(max_length=150, required=False, allow_blank=True, default="")
    last_name = serializers.CharField(max_length=150, required=False, allow_blank=True, default="")
    phone_number = serializers.CharField(
        max_length=20, required=False, allow_blank=True, default=""
    )

    def to_internal_value(self, data):
        # The rule is the service's; asked first so an admin request gets its
        # own message rather than "not a valid choice".
        if isinstance(data, dict) and data.get("user_type") == UserType.ADMIN:
            check_registrable(UserType.ADMIN)
        return super().to_internal_value(data)

    def validate_email(self, value):
        email = normalize_email(value)
        if User.objects.filter(email=email).exists():
            raise serializers.ValidationError("A user with this email already exists.")
        return email

    def validate(self, attrs):
        try:
            check_student_email(email=attrs["email"], user_type=attrs["user_type"])
        except DomainError as exc:
            raise serializers.ValidationError({"email": [exc.message]}) from exc
        return self._validate_password(attrs)

    def _validate_password(self, attrs):
        candidate = User(
            email=attrs["email"], first_name=attrs["first_name"], last_name=attrs["last_name"]
        )
        try:
            validate_password(attrs["password"], user=candidate)
        except DjangoValidationError as exc:
            raise serializers.ValidationError({"password": list(exc.messages)}) from exc
        return attrs


class LoginSerializer(serializers.Serializer):
    """``{email, password}``; a ``username`` key holding the email also works."""

    email = serializers.CharField(max_length=254, required=False)
    username = serializers.CharField(max_length=254, required=False, write_only=True)
    password = serializers.CharField(max_length=128, style={"input_type": "password"})

    def validate(self, attrs):
        email = attrs.get("email") or attrs.get("username")
        if not email:
            raise serializers.ValidationError({"email": ["This field is required."]})
        return {"email": normalize_email(email), "password": attrs["password"]}


class TokenPairSerializer(serializers.Serializer):
    access = serializers.CharField()
    refresh = serializers.CharField()


class LoginResponseSerializer(TokenPairSerializer):
    user = UserSerializer()


class RefreshSerializer(serializers.Serializer):
    refresh = serializers.CharField(max_length=4096)


class PasswordChangeSerializer(serializers.Serializer):
    old_password = serializers.CharField(max_length=128, style={"input_type": "password"})
    new_password = serializers.CharField(max_length=128, style={"input_type": "password"})

    def validate_new_password(self, value):
        validate_password(value, user=self.context["request"].user)
        return value


class PasswordConfirmSerializer(serializers.Serializer):
    password = serializers.CharField(max_length=128, style={"input_type": "password"})


class PasswordResetRequestSerializer(serializers.Serializer):
    email = serializers.EmailField(max_length=254)


class LinkSerializer(serializers.Serializer):
    """The ``<uid>/<token>`` of an emailed link."""

    uid = serializers.CharField(max_length=64)
    token = serializers.CharField(max_length=128)


class PasswordResetConfirmSerializer(LinkSerializer):
    new_password = serializers.CharField(max_length=128, style={"input_type": "password"})


class DetailSerializer(serializers.Serializer):
    detail = serializers.CharField()
