"""Evidence uploads: type by content, size limits before reading, metadata-free copies stored by hash.

Every problem raises InvalidInputError with a message naming the file, so the caller can report it
and keep the rest of the claim.
"""

from __future__ import annotations

import io
import tempfile
from dataclasses import dataclass
from pathlib import Path

import av
import filetype
from PIL import Image, ImageOps, UnidentifiedImageError

from app.errors import InvalidInputError
from app.services.refunds.frames import UnreadableVideoError, probe_video
from app.services.refunds.image_hash import average_hash
from app.settings import Settings
from app.store.files import FileStore, StoredFile

MB = 1024 * 1024
# image MIME (as sniffed) -> (PIL save format, stored MIME, suffix). HEIC is stored as JPEG: browsers and
# vision models read JPEG; pillow-heif decodes HEIC.
_IMAGE_OUTPUT = {
    "image/jpeg": ("JPEG", "image/jpeg", ".jpg"),
    "image/png": ("PNG", "image/png", ".png"),
    "image/webp": ("WEBP", "image/webp", ".webp"),
    "image/heic": ("JPEG", "image/jpeg", ".jpg"),
    "image/heif": ("JPEG", "image/jpeg", ".jpg"),
}
# video MIME -> (PyAV muxer, stored MIME, suffix)
_VIDEO_OUTPUT = {
    "video/mp4": ("mp4", "video/mp4", ".mp4"),
    "video/x-m4v": ("mp4", "video/mp4", ".mp4"),
    "video/quicktime": ("mov", "video/quicktime", ".mov"),
    "video/webm": ("webm", "video/webm", ".webm"),
}
_ARCHIVES = {
    "application/zip",
    "application/x-rar-compressed",
    "application/x-7z-compressed",
    "application/gzip",
}
ACCEPTED = "photos (JPG, PNG, WebP, HEIC) and videos (MP4, MOV, WebM)"


@dataclass(frozen=True)
class UploadLimits:
    max_image_bytes: int
    max_video_bytes: int
    max_video_seconds: int
    max_image_pixels: int = 50_000_000

    @classmethod
    def from_settings(cls, settings: Settings) -> UploadLimits:
        return cls(settings.max_image_mb * MB, settings.max_video_mb * MB, settings.max_video_seconds)


@dataclass(frozen=True)
class CheckedUpload:
    kind: str  # image | video
    stored: StoredFile
    original_name: str
    ahash: str | None


def sniff(head: bytes) -> str | None:
    kind = filetype.guess(head)
    return kind.mime if kind is not None else None


class UploadChecker:
    def __init__(self, files: FileStore, limits: UploadLimits) -> None:
        self._files = files
        self._limits = limits

    def guess_kind(self, path: Path) -> str | None:
        """ "image"/"video" from the first bytes (for per-claim counts before any work), else None."""
        try:
            with path.open("rb") as handle:
                mime = sniff(handle.read(8192))
        except OSError:
            return None
        return "image" if mime in _IMAGE_OUTPUT else "video" if mime in _VIDEO_OUTPUT else None

    def check_and_store(self, path: Path, original_name: str | None = None) -> CheckedUpload:
        name = original_name or path.name
        try:
            size = path.stat().st_size
        except OSError as exc:
            raise InvalidInputError(
                f"“{name}” could not be read; please upload it again.", key="upload.unreadable", params={"name": name}
            ) from exc
        if size == 0:
            raise InvalidInputError(f"“{name}” is empty (0 bytes).", key="upload.empty", params={"name": name})
        largest = max(self._limits.max_image_bytes, self._limits.max_video_bytes)
        if size > largest:  # refused before a byte of content is read
            raise InvalidInputError(
                f"“{name}” is {size / MB:,.0f} MB; files may be at most {largest // MB} MB.",
                key="upload.too_large", params={"name": name, "size_mb": f"{size / MB:,.0f}", "max_mb": largest // MB},
            )
        with path.open("rb") as handle:
            head = handle.read(8192)
        mime = sniff(head)
        if mime in _IMAGE_OUTPUT:
            if size > self._limits.max_image_bytes:
                raise InvalidInputError(
                    f"“{name}” is {size / MB:,.1f} MB; photos may be at most {self._limits.max_image_bytes // MB} MB.",
                    key="upload.photo_too_large",
                    params={"name": name, "size_mb": f"{size / MB:,.1f}", "max_mb": self._limits.max_image_bytes // MB},
                )
            return self._store_image(path, name, mime)
        if mime in _VIDEO_OUTPUT:
            return self._store_video(path, name, mime)
        if mime in _ARCHIVES:
            raise InvalidInputError(
                f"“{name}” is an archive ({mime}), not a photo or video. Please upload {ACCEPTED}.",
                key="upload.archive", params={"name": name},
            )
        found = f" (it is {mime})" if mime else ""
        raise InvalidInputError(
            f"“{name}” is not a supported photo or video{found}. Please upload {ACCEPTED}.",
            key="upload.unsupported", params={"name": name},
        )

    def _store_image(self, path: Path, name: str, mime: str) -> CheckedUpload:
        if mime in ("image/heic", "image/heif"):
            from pillow_heif import register_heif_opener

            register_heif_opener()  # idempotent; adds the HEIF decoder to PIL
        save_format, stored_mime, suffix = _IMAGE_OUTPUT[mime]
        try:
            with Image.open(path) as opened:
                width, height = opened.size
                if width * height > self._limits.max_image_pixels:
                    raise InvalidInputError(
                        f"“{name}” is {width}×{height} pixels, too large to process.",
                        key="upload.too_many_pixels", params={"name": name, "width": width, "height": height},
                    )
                opened.load()  # a truncated file fails here, not later in the model
                upright = ImageOps.exif_transpose(opened)  # keep the photo upright once EXIF is gone
        except (
            OSError,
            UnidentifiedImageError,
            Image.DecompressionBombError,
            SyntaxError,
            ValueError,
        ) as exc:
            raise InvalidInputError(
                f"“{name}” looks like a photo but is damaged or incomplete; please upload it again.",
                key="upload.damaged_photo", params={"name": name},
            ) from exc
        clean = _without_metadata(upright, save_format)
        buffer = io.BytesIO()
        # Nothing but pixels is written: no EXIF (GPS, camera serial), no XMP, no text chunks.
        options = {"quality": 92} if save_format in ("JPEG", "WEBP") else {}
        clean.save(buffer, format=save_format, **options)
        stored = self._files.put(buffer.getvalue(), mime=stored_mime, kind="image", suffix=suffix)
        return CheckedUpload(kind="image", stored=stored, original_name=name, ahash=average_hash(clean))

    def _store_video(self, path: Path, name: str, mime: str) -> CheckedUpload:
        size = path.stat().st_size
        if size > self._limits.max_video_bytes:
            raise InvalidInputError(
                f"“{name}” is {size / MB:,.0f} MB; videos may be at most {self._limits.max_video_bytes // MB} MB.",
                key="upload.video_too_large",
                params={"name": name, "size_mb": f"{size / MB:,.0f}", "max_mb": self._limits.max_video_bytes // MB},
            )
        try:
            probe = probe_video(path)
        except UnreadableVideoError as exc:
            raise InvalidInputError(
                f"“{name}” looks like a video but could not be played; please upload it again.",
                key="upload.unplayable_video", params={"name": name},
            ) from exc
        if probe.duration_s > self._limits.max_video_seconds + 0.5:
            raise InvalidInputError(
                f"“{name}” is {probe.duration_s:.0f} seconds long; please send a clip of at most "
                f"{self._limits.max_video_seconds} seconds showing the problem.",
                key="upload.video_too_long",
                params={"name": name, "seconds": f"{probe.duration_s:.0f}", "max_seconds": self._limits.max_video_seconds},
            )
        muxer, stored_mime, suffix = _VIDEO_OUTPUT[mime]
        try:
            data = _remux_without_metadata(path, muxer, suffix)
        except (av.FFmpegError, OSError, ValueError) as exc:
            raise InvalidInputError(
                f"“{name}” could not be processed as a video; please upload it again.",
                key="upload.video_unprocessable", params={"name": name},
            ) from exc
        stored = self._files.put(data, mime=stored_mime, kind="video", suffix=suffix)
        return CheckedUpload(kind="video", stored=stored, original_name=name, ahash=None)


def _without_metadata(image: Image.Image, save_format: str) -> Image.Image:
    if save_format == "JPEG" and image.mode not in ("RGB", "L"):
        image = image.convert("RGB")
    elif save_format == "WEBP" and image.mode not in ("RGB", "RGBA"):
        image = image.convert("RGBA" if "A" in image.mode else "RGB")
    clean = image.copy()
    clean.info = {}
    return clean


def _remux_without_metadata(path: Path, muxer: str, suffix: str) -> bytes:
    """Copy the audio/video packets into a fresh container: container tags (GPS ©xyz, device) are dropped."""
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / f"clean{suffix}"
        with av.open(str(path)) as source, av.open(str(target), mode="w", format=muxer) as sink:
            streams = [s for s in source.streams if s.type in ("video", "audio")]
            mapping = {}
            for stream in streams:
                out = sink.add_stream_from_template(stream)
                out.metadata.clear()
                mapping[stream.index] = out
            for packet in source.demux(streams):
                if packet.dts is None:
                    continue
                packet.stream = mapping[packet.stream.index]
                sink.mux(packet)
        return target.read_bytes()
