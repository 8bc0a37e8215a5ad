"""Local media files: MIME type sniffed from content (not the file name) and data URLs."""

from __future__ import annotations

import base64
from pathlib import Path
from typing import Literal

from models.errors import UnsupportedInputError

MediaKind = Literal["image", "video"]


def sniff_mime(head: bytes) -> str | None:
    """MIME type from the first bytes of a file, or None when unknown."""
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return "image/gif"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp"
    if head.startswith(b"BM"):
        return "image/bmp"
    if head[4:8] == b"ftyp":
        # ISO base media: QuickTime brand is "qt  ", everything else we treat as MP4.
        return "video/quicktime" if head[8:12] == b"qt  " else "video/mp4"
    if head.startswith(b"\x1a\x45\xdf\xa3"):
        return "video/webm"
    if head[:4] == b"RIFF" and head[8:12] == b"AVI ":
        return "video/x-msvideo"
    return None


def read_media(path: Path, kind: MediaKind) -> tuple[str, bytes]:
    """(mime, bytes) of a local image/video; UnsupportedInputError if missing or not that kind."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UnsupportedInputError(
            f"The attached {kind} could not be read.", detail=f"{path}: {exc}"
        ) from exc
    mime = sniff_mime(data[:16])
    if mime is None or not mime.startswith(f"{kind}/"):
        raise UnsupportedInputError(
            f"The attached file is not a supported {kind}.", detail=f"{path}: sniffed {mime}"
        )
    return mime, data


def data_url(path: Path, kind: MediaKind) -> str:
    mime, data = read_media(path, kind)
    return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"
