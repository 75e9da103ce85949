"""Serializers of vendor verification (``catalogue.verification``)."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.urls import reverse
from rest_framework import serializers

from catalogue.documents import MAX_DOCUMENTS, check_document
from catalogue.models import VerificationStatus
from catalogue.verification import Decision

NOTE_MAX_LENGTH = 2000
REASON_MAX_LENGTH = 1000


class DocumentUploadField(serializers.FileField):
    """A JPEG, PNG or PDF, identified by its content (``catalogue.documents``)."""

    def to_internal_value(self, data):
        file = super().to_internal_value(data)
        try:
            return check_document(file)
        except DjangoValidationError as exc:
            raise serializers.ValidationError(exc.messages) from exc


class VerificationSubmitSerializer(serializers.Serializer):
    documents = serializers.ListField(
        child=DocumentUploadField(),
        min_length=1,
        max_length=MAX_DOCUMENTS,
        help_text="1 to 5 files: JPEG, PNG or PDF, 5 MB each (all within the request size limit).",
    )
    note = serializers.CharField(
        max_length=NOTE_MAX_LENGTH, required=False, allow_blank=True, default=""
    )


class VerificationDocumentSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    url = serializers.SerializerMethodField(
        help_text="Answers only with the owner's or an admin's token; anyone else gets 404."
    )
    content_type = serializers.CharField(read_only=True)
    size = serializers.IntegerField(read_only=True, help_text="Bytes.")

    def get_url(self, document) -> str:
        path = reverse(
            "vendor-profile-verification-document",
            kwargs={"pk": document.profile_id, "document_id": document.pk},
        )
        request = self.context.get("request")
        return request.build_absolute_uri(path) if request else path


class VerificationSerializer(serializers.Serializer):
    verification_status = serializers.ChoiceField(
        choices=VerificationStatus.choices, read_only=True
    )
    verification_reason = serializers.CharField(
        read_only=True, help_text="The admin's reason for the last decision; empty if none."
    )
    note = serializers.CharField(source="verification_note", read_only=True)
    documents = VerificationDocumentSerializer(
        source="verification_documents.all", many=True, read_only=True
    )


class VerificationDecisionSerializer(serializers.Serializer):
    decision = serializers.ChoiceField(choices=Decision.CHOICES)
    reason = serializers.CharField(
        max_length=REASON_MAX_LENGTH,
        required=False,
        allow_blank=True,
        default="",
        help_text="Required to reject; told to the vendor.",
    )
