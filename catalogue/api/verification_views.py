"""/api/vendor-profiles/{id}/verification/...: a vendor asks to be verified,
an admin decides, and the private documents are read back; plus
/api/vendor-profiles/mine/, the caller's own profile even while hidden.

Actions of ``VendorProfileViewSet`` (mixed in), so they find the profile with
the same visibility rule as the profile itself.
"""

from django.http import FileResponse, Http404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.decorators import action
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.permissions import SAFE_METHODS, BasePermission
from rest_framework.response import Response

from catalogue import verification
from catalogue.models import VendorProfile, VerificationDocument
from common.parsers import SafeJSONParser

from .base import ID_REGEX, errors
from .serializers import VendorProfileSerializer
from .verification_serializers import (
    VerificationDecisionSerializer,
    VerificationSerializer,
    VerificationSubmitSerializer,
)

# What a stored document can be (catalogue.documents), and its file extension.
DOCUMENT_TYPES = {"image/jpeg": "jpg", "image/png": "png", "application/pdf": "pdf"}


class OwnerOrAdminReads(BasePermission):
    """The owning vendor reads and writes; an admin only reads."""

    message = "Only the profile's owner (or, to read, an admin) can do this."

    def has_object_permission(self, request, view, obj):
        if obj.user_id == request.user.pk:
            return True
        return request.method in SAFE_METHODS and request.user.is_admin_type


def _sees_documents(user, profile: VendorProfile) -> bool:
    return user.is_authenticated and (user.is_admin_type or profile.user_id == user.pk)


class VerificationActionsMixin:
    """Verification actions of the vendor profile view set."""

    @extend_schema(
        summary="The caller's own vendor profile",
        description=(
            "Vendors only. Answered even while an admin has deactivated the profile "
            "(`is_active: false`), so the vendor can see why they are hidden; 404 if they "
            "have none yet."
        ),
        responses={200: VendorProfileSerializer, **errors(401, 403, 404)},
    )
    @action(detail=False, methods=["get"])
    def mine(self, request):
        profile = VendorProfile.objects.filter(user=request.user).first()
        if profile is None:
            raise Http404
        return Response(
            VendorProfileSerializer(profile, context=self.get_serializer_context()).data
        )

    @extend_schema(
        methods=["GET"],
        summary="A profile's verification request",
        description="The owning vendor or an admin.",
        responses={200: VerificationSerializer, **errors(401, 403, 404)},
    )
    @extend_schema(
        methods=["POST"],
        summary="Ask to be verified (owning vendor)",
        description=(
            "Multipart: `documents` (1 to 5 files: JPEG, PNG or PDF, identified by their "
            "content; 5 MB each) and an optional `note`. The profile becomes `pending`; the "
            "documents replace any sent before. Refused (400) while pending or once verified; "
            "nothing is stored when any file is refused."
        ),
        request={"multipart/form-data": VerificationSubmitSerializer},
        responses={201: VerificationSerializer, **errors(400, 401, 403, 404)},
    )
    @action(
        detail=True,
        methods=["get", "post"],
        # JSON too, so a client forgetting multipart hears "documents: required", not 415.
        parser_classes=[MultiPartParser, FormParser, SafeJSONParser],
    )
    def verification(self, request, pk=None):
        profile = self.get_object()
        if request.method == "POST":
            serializer = VerificationSubmitSerializer(data=request.data)
            serializer.is_valid(raise_exception=True)
            profile = verification.verification_submit(profile=profile, **serializer.validated_data)
            return Response(self._verification_data(profile), status=status.HTTP_201_CREATED)
        return Response(self._verification_data(profile))

    def _verification_data(self, profile: VendorProfile) -> dict:
        profile = VendorProfile.objects.prefetch_related("verification_documents").get(
            pk=profile.pk
        )
        return VerificationSerializer(profile, context=self.get_serializer_context()).data

    @extend_schema(
        summary="Verify or reject a vendor (admins)",
        description=(
            "`reason` is required to reject. The vendor is notified (`verification`). "
            "Deciding what is already so (verifying a verified profile) is a 400."
        ),
        request=VerificationDecisionSerializer,
        responses={200: VerificationSerializer, **errors(400, 401, 403, 404)},
    )
    # A decision carries no file: JSON only, so the schema advertises one body.
    @action(
        detail=True,
        methods=["post"],
        url_path="verification/decision",
        parser_classes=[SafeJSONParser],
    )
    def verification_decision(self, request, pk=None):
        profile = self.get_object()
        serializer = VerificationDecisionSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        profile = verification.verification_decide(
            profile_id=profile.pk, actor=request.user, **serializer.validated_data
        )
        return Response(self._verification_data(profile))

    @extend_schema(
        summary="One verification document's file",
        description=(
            "Only with the owning vendor's or an admin's token; anyone else, anonymous "
            "callers included, gets 404."
        ),
        parameters=[
            OpenApiParameter("document_id", str, OpenApiParameter.PATH, pattern=f"^{ID_REGEX}$")
        ],
        responses={
            **{
                (200, content_type): OpenApiResponse(
                    OpenApiTypes.BINARY, description="The file as sent, of the type it proved."
                )
                for content_type in DOCUMENT_TYPES
            },
            **errors(404),
        },
    )
    @action(
        detail=True,
        methods=["get"],
        url_path=rf"verification/documents/(?P<document_id>{ID_REGEX})",
        url_name="verification-document",
    )
    def verification_document(self, request, pk=None, document_id=None):
        document = (
            VerificationDocument.objects.select_related("profile")
            .filter(pk=document_id, profile_id=pk)
            .first()
        )
        if document is None or not _sees_documents(request.user, document.profile):
            raise Http404
        return document_response(document)


def document_response(document: VerificationDocument) -> FileResponse:
    """The private file, never cached by anyone but the reader."""
    try:
        handle = document.file.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    response = FileResponse(handle, content_type=document.content_type)
    response["Content-Disposition"] = f'inline; filename="document-{document.pk}.{_ext(document)}"'
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _ext(document: VerificationDocument) -> str:
    return DOCUMENT_TYPES.get(document.content_type, "bin")
