from django.urls import path

from . import recovery_views, views

urlpatterns = [
    path("users/register/", views.RegisterView.as_view(), name="register"),
    path("users/login/", views.LoginView.as_view(), name="login"),
    path("users/logout/", views.LogoutView.as_view(), name="logout"),
    path("users/me/", views.MeView.as_view(), name="me"),
    path("users/me/password/", views.PasswordChangeView.as_view(), name="password-change"),
    path(
        "users/me/logout-everywhere/",
        views.LogoutEverywhereView.as_view(),
        name="logout-everywhere",
    ),
    path(
        "users/password-reset/",
        recovery_views.PasswordResetRequestView.as_view(),
        name="password-reset",
    ),
    path(
        "users/password-reset/confirm/",
        recovery_views.PasswordResetConfirmView.as_view(),
        name="password-reset-confirm",
    ),
    path("users/verify-email/", recovery_views.VerifyEmailView.as_view(), name="verify-email"),
    path(
        "users/me/verify-email/",
        recovery_views.VerifyEmailResendView.as_view(),
        name="verify-email-resend",
    ),
    path("token/refresh/", views.TokenRefreshView.as_view(), name="token-refresh"),
]
