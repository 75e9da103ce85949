"""Account recovery and email verification endpoints (``users/recovery.py``)."""

from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from users import recovery
from users.throttles import (
    PasswordResetClientThrottle,
    PasswordResetEmailThrottle,
    VerifyEmailResendThrottle,
)

from .serializers import (
    DetailSerializer,
    LinkSerializer,
    PasswordResetConfirmSerializer,
    PasswordResetRequestSerializer,
    UserSerializer,
)
from .views import PublicAPIView

RESET_SENT = "If an active account uses this email, a link to reset its password is on its way."
FIELD_ERRORS = OpenApiResponse(description="Field errors (an invalid or expired link: `token`)")
THROTTLED = OpenApiResponse(description="Too many requests; see Retry-After")


class PasswordResetRequestView(PublicAPIView):
    throttle_classes = [PasswordResetClientThrottle, PasswordResetEmailThrottle]

    @extend_schema(
        summary="Ask for a password reset link",
        description=(
            "Emails a link ending in `/reset-password/<uid>/<token>/` to an active account "
            "with this email. The answer is the same whether or not such an account exists."
        ),
        request=PasswordResetRequestSerializer,
        responses={202: DetailSerializer, 400: FIELD_ERRORS, 429: THROTTLED},
        tags=["accounts"],
    )
    def post(self, request):
        serializer = PasswordResetRequestSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        recovery.password_reset_request(email=serializer.validated_data["email"])
        return Response({"detail": RESET_SENT}, status=status.HTTP_202_ACCEPTED)


class PasswordResetConfirmView(PublicAPIView):
    throttle_classes = [PasswordResetClientThrottle]

    @extend_schema(
        summary="Set a new password from a reset link",
        description=(
            "The link works once, for `PASSWORD_RESET_MINUTES`, and never after the password "
            "changed. Every earlier session (refresh and access tokens, event streams) ends."
        ),
        request=PasswordResetConfirmSerializer,
        responses={200: DetailSerializer, 400: FIELD_ERRORS, 429: THROTTLED},
        tags=["accounts"],
    )
    def post(self, request):
        serializer = PasswordResetConfirmSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        recovery.password_reset_confirm(**serializer.validated_data)
        return Response({"detail": "Your password has been reset. Log in with the new one."})


class VerifyEmailView(PublicAPIView):
    @extend_schema(
        summary="Verify an email address from its link",
        description="`{uid, token}` from the link ending in `/verify-email/<uid>/<token>/`.",
        request=LinkSerializer,
        responses={200: UserSerializer, 400: FIELD_ERRORS},
        tags=["accounts"],
    )
    def post(self, request):
        serializer = LinkSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        user = recovery.email_verify(**serializer.validated_data)
        return Response(UserSerializer(user).data)


class VerifyEmailResendView(APIView):
    permission_classes = [IsAuthenticated]
    throttle_classes = [VerifyEmailResendThrottle]

    @extend_schema(
        summary="Send the verification email again",
        request=None,
        responses={
            202: DetailSerializer,
            401: OpenApiResponse(description="Missing or invalid token"),
            429: THROTTLED,
        },
        tags=["accounts"],
    )
    def post(self, request):
        sent = recovery.email_verification_send(user=request.user)
        detail = "A new verification link is on its way." if sent else "Your email is verified."
        return Response({"detail": detail}, status=status.HTTP_202_ACCEPTED)
