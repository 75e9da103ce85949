"""The bytes a phone downloads for the first catalogue page: the page's JSON and
its services' photos, as originals and as the 320 px variants
(``image_variants``) when the API offers them.

The photos are real JPEGs of a few MB (a camera's size), generated with
Pillow and uploaded through the API as each service's vendor, so they are
stored (and, where the app makes variants on upload, resized) exactly as a
vendor's upload would be.
"""

import io
import json
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
from PIL import Image

from bench.pools import bearer
from catalogue.models import Service

PHOTO_SIZE = (2400, 1600)  # 3:2 like a phone camera, 3.8 megapixels
VARIANT = "320"


def photo(n: int) -> bytes:
    """A 3.8-megapixel JPEG of 2-3 MB: gradients and sensor-like noise, which
    compress like a photo rather than like a flat test image."""
    gradient = Image.linear_gradient("L").resize(PHOTO_SIZE)
    noise = Image.effect_noise(PHOTO_SIZE, 35 + (n % 4) * 5)
    other = gradient.rotate(90 + 45 * (n % 3)).resize(PHOTO_SIZE)
    image = Image.merge("RGB", (gradient, noise, other))
    limit = settings.MAX_IMAGE_BYTES * 0.95
    for quality in (90, 85, 80, 70):
        out = io.BytesIO()
        image.save(out, "JPEG", quality=quality)
        if out.tell() <= limit:
            break
    return out.getvalue()


def first_page_ids() -> list[int]:
    """The services of the catalogue's first page, as an anonymous visitor sees it."""
    response = Client(HTTP_HOST="127.0.0.1").get("/api/services/", {"nocache": "first-page"})
    return [row["id"] for row in response.json()["results"]]


def upload_photos(service_ids: list[int]) -> tuple[int, int]:
    """PATCH a photo onto each service as its vendor; (uploaded, bytes sent)."""
    vendors = dict(Service.objects.filter(pk__in=service_ids).values_list("id", "vendor_id"))
    auth = bearer(sorted(set(vendors.values())))
    client = Client(HTTP_HOST="127.0.0.1")
    photos = [photo(n) for n in range(4)]
    uploaded = sent = 0
    for n, pk in enumerate(service_ids):
        data = photos[n % len(photos)]
        response = client.patch(
            f"/api/services/{pk}/",
            # The test client encodes multipart bodies for POST only.
            encode_multipart(
                BOUNDARY, {"images": SimpleUploadedFile(f"photo{n}.jpg", data, "image/jpeg")}
            ),
            content_type=MULTIPART_CONTENT,
            HTTP_AUTHORIZATION=auth[vendors[pk]]["Authorization"],
        )
        if response.status_code != 200 or not response.json().get("images"):
            raise RuntimeError(f"photo upload answered {response.status_code}: {response.content}")
        uploaded += 1
        sent += len(data)
    return uploaded, sent


@dataclass
class PageBytes:
    page_json: int = 0
    services: int = 0
    photos: int = 0
    originals: int = 0
    variants: int | None = None  # None: the API has no image_variants
    variants_960: int | None = None
    missing: list[str] = field(default_factory=list)
    error: str = ""  # why it could not be measured

    @property
    def with_originals(self) -> int:
        return self.page_json + self.originals

    @property
    def with_variants(self) -> int | None:
        return None if self.variants is None else self.page_json + self.variants


def _get(url: str, base_url: str) -> bytes:
    """The body of one GET; a 503 (the server's database pool busy on a loaded
    machine) is retried a few times."""
    if url.startswith("/"):
        url = base_url + url
    for attempt in range(6):
        try:
            with urllib.request.urlopen(url, timeout=60) as response:  # noqa: S310 - our server
                return response.read()
        except urllib.error.HTTPError as exc:
            if exc.code != 503 or attempt == 5:
                raise
            time.sleep(1 + attempt)
    raise AssertionError("unreachable")


def first_page_bytes(base_url: str) -> PageBytes:
    """Download the first catalogue page and its photos from the running server."""
    raw = _get("/api/services/", base_url)
    page = json.loads(raw)["results"]
    result = PageBytes(page_json=len(raw), services=len(page))
    has_variants = any("image_variants" in row for row in page)
    if has_variants:
        result.variants = result.variants_960 = 0
    for row in page:
        url = row.get("images") or row.get("image")
        if not url:
            continue
        result.photos += 1
        result.originals += len(_get(url, base_url))
        if has_variants:
            variants = row.get("image_variants") or {}
            for size, attr in ((VARIANT, "variants"), ("960", "variants_960")):
                if variants.get(size):
                    setattr(
                        result, attr, getattr(result, attr) + len(_get(variants[size], base_url))
                    )
                else:
                    result.missing.append(f"service {row['id']} has no {size} px variant")
    return result
