from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.contrib.auth.forms import BaseUserCreationForm, UserChangeForm

from .admin_login import ThrottledAdminAuthenticationForm
from .models import User
from .services import user_save_from_admin

admin.site.login_form = ThrottledAdminAuthenticationForm


class UserCreationForm(BaseUserCreationForm):
    class Meta:
        model = User
        fields = ["email", "user_type"]


class UserEditForm(UserChangeForm):
    class Meta:
        model = User
        fields = "__all__"


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    add_form = UserCreationForm
    form = UserEditForm
    ordering = ["-date_joined"]
    list_display = [
        "email",
        "first_name",
        "last_name",
        "user_type",
        "is_active",
        "email_verified",
        "date_joined",
    ]
    list_filter = ["user_type", "is_active", "email_verified", "is_staff", "date_joined"]
    search_fields = ["email", "first_name", "last_name", "phone_number"]
    readonly_fields = ["last_login", "date_joined"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (
            "Profile",
            {"fields": ["first_name", "last_name", "phone_number", "user_type", "email_verified"]},
        ),
        (
            "Permissions",
            {"fields": ["is_active", "is_staff", "is_superuser", "groups", "user_permissions"]},
        ),
        ("Dates", {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (
            None,
            {
                "classes": ["wide"],
                "fields": ["email", "user_type", "password1", "password2"],
            },
        )
    ]

    def save_model(self, request, obj, form, change):
        user_save_from_admin(user=obj, active_changed=change and "is_active" in form.changed_data)
