from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import generics, status
from rest_framework.exceptions import Throttled
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from common.exceptions import DomainError
from users import services
from users.authentication import JWTAuthentication
from users.throttles import AccountLoginThrottle, LoginClientThrottle, RegisterClientThrottle

from .serializers import (
    LoginResponseSerializer,
    LoginSerializer,
    PasswordChangeSerializer,
    PasswordConfirmSerializer,
    RefreshSerializer,
    RegisterSerializer,
    TokenPairSerializer,
    UserSerializer,
)


class PublicAPIView(APIView):
    """No authentication at all: a stale token sent along must not block
    registering, logging in or refreshing."""

    authentication_classes = []
    permission_classes = [AllowAny]

    def get_authenticate_header(self, request):
        # Without an authenticator to name in WWW-Authenticate, DRF turns every
        # 401 (wrong credentials, a dead refresh token) into a 403.
        return JWTAuthentication().authenticate_header(request)


class RegisterView(PublicAPIView):
    throttle_classes = [RegisterClientThrottle]

    @extend_schema(
        summary="Register a student or vendor account",
        request=RegisterSerializer,
        responses={
            201: UserSerializer,
            400: OpenApiResponse(description="Field errors"),
            429: OpenApiResponse(description="Too many registrations from this client"),
        },
        tags=["accounts"],
    )
    def post(self, request):
        serializer = RegisterSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        user = services.user_register(**serializer.validated_data)
        return Response(UserSerializer(user).data, status=status.HTTP_201_CREATED)


class LoginView(PublicAPIView):
    throttle_classes = [LoginClientThrottle]

    @extend_schema(
        summary="Log in with email and password",
        description=(
            "Returns an access/refresh pair and the user. Wrong credentials: 401 with one "
            "message whatever the cause. The right password of a deactivated account: 403 "
            "saying it is suspended. Repeated failures for one account: 429 with Retry-After."
        ),
        request=LoginSerializer,
        responses={
            200: LoginResponseSerializer,
            400: OpenApiResponse(description="Field errors"),
            401: OpenApiResponse(description="Wrong credentials"),
            403: OpenApiResponse(description="The right password of a suspended account"),
            429: OpenApiResponse(description="Too many attempts; see Retry-After"),
        },
        tags=["accounts"],
    )
    def post(self, request):
        serializer = LoginSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        email = serializer.validated_data["email"]
        account_throttle = AccountLoginThrottle()
        wait = account_throttle.attempt(email)
        if wait is not None:
            raise Throttled(wait=wait)
        try:
            user, tokens = services.session_login(
                request=request, email=email, password=serializer.validated_data["password"]
            )
        except DomainError:
            raise  # wrong credentials (or another refusal): the attempt counts
        except Exception:
            # A server failure (the database down) says nothing about the password.
            account_throttle.forgive(email)
            raise
        account_throttle.reset(email)
        return Response({**tokens, "user": UserSerializer(user).data})


class TokenRefreshView(PublicAPIView):
    @extend_schema(
        summary="Rotate a refresh token",
        description=(
            "The presented refresh token is blacklisted at once and a new pair returned. "
            "Presenting it again, or racing a second refresh with it: 401."
        ),
        request=RefreshSerializer,
        responses={200: TokenPairSerializer, 401: OpenApiResponse(description="Invalid token")},
        tags=["accounts"],
    )
    def post(self, request):
        serializer = RefreshSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        return Response(services.session_refresh(refresh=serializer.validated_data["refresh"]))


class LogoutView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        summary="Log out: blacklist a refresh token",
        request=RefreshSerializer,
        responses={
            204: OpenApiResponse(description="Logged out"),
            400: OpenApiResponse(description="Field errors"),
            401: OpenApiResponse(description="Invalid token"),
        },
        tags=["accounts"],
    )
    def post(self, request):
        serializer = RefreshSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        services.session_logout(user=request.user, refresh=serializer.validated_data["refresh"])
        return Response(status=status.HTTP_204_NO_CONTENT)


@extend_schema(tags=["accounts"])
class MeView(generics.RetrieveUpdateAPIView):
    serializer_class = UserSerializer
    permission_classes = [IsAuthenticated]
    http_method_names = ["get", "patch", "head", "options"]

    def get_object(self):
        return self.request.user


class PasswordChangeView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        summary="Change the password",
        description=(
            "Every refresh and access token issued before the change stops working; "
            "the response carries a fresh pair for this client."
        ),
        request=PasswordChangeSerializer,
        responses={200: TokenPairSerializer, 400: OpenApiResponse(description="Field errors")},
        tags=["accounts"],
    )
    def post(self, request):
        serializer = PasswordChangeSerializer(data=request.data, context={"request": request})
        serializer.is_valid(raise_exception=True)
        tokens = services.password_change(user=request.user, **serializer.validated_data)
        return Response(tokens)


class LogoutEverywhereView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        summary="Log out everywhere",
        description=(
            "Ends every session of the account (refresh and access tokens, stream "
            "tickets, open event streams) without changing the password, which must "
            "be given; the response carries a fresh pair for this client."
        ),
        request=PasswordConfirmSerializer,
        responses={200: TokenPairSerializer, 400: OpenApiResponse(description="Field errors")},
        tags=["accounts"],
    )
    def post(self, request):
        serializer = PasswordConfirmSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        tokens = services.sessions_end_everywhere(
            user=request.user, password=serializer.validated_data["password"]
        )
        return Response(tokens)
