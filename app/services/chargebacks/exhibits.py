"""Exhibit uploads: only real images (checked by content, not by name), within the size limit."""

from __future__ import annotations

import io

from PIL import Image, UnidentifiedImageError

from app.errors import InvalidInputError

_FORMATS = {
    "JPEG": ("image/jpeg", ".jpg"),
    "PNG": ("image/png", ".png"),
    "GIF": ("image/gif", ".gif"),
    "BMP": ("image/bmp", ".bmp"),
    "WEBP": ("image/webp", ".webp"),
    "HEIF": ("image/heif", ".heic"),
}


def register_heif() -> None:
    try:
        from pillow_heif import register_heif_opener
    except ImportError:  # HEIC support is optional; other formats still work
        return
    register_heif_opener()


def check_image(data: bytes, filename: str, max_mb: int) -> tuple[str, str]:
    """(mime, suffix) of an acceptable image, else InvalidInputError saying what is wrong."""
    if not data:
        raise InvalidInputError(f"{filename} is empty.")
    if len(data) > max_mb * 1024 * 1024:
        raise InvalidInputError(f"{filename} is larger than {max_mb} MB.")
    register_heif()
    try:
        with Image.open(io.BytesIO(data)) as image:
            fmt = image.format or ""
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise InvalidInputError(f"{filename} is not a readable image (JPEG, PNG, WebP, HEIC, GIF or BMP).") from None
    if fmt not in _FORMATS:
        raise InvalidInputError(f"{filename}: {fmt or 'this'} images cannot be attached; use JPEG or PNG.")
    return _FORMATS[fmt]
