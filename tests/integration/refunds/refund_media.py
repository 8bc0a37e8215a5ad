"""Evidence files for refund tests: distinct photos (with GPS EXIF), HEIC, short videos, broken files."""

from __future__ import annotations

import random
import zipfile
from pathlib import Path
from typing import cast

from PIL import Image

GPS_IFD = 0x8825


def photo(
    path: Path, seed: int = 0, size: tuple[int, int] = (320, 240), fmt: str = "JPEG", gps: bool = True
) -> Path:
    """A blocky random picture (distinct per seed, so the reused-photo check only fires on real reuse)."""
    rng = random.Random(seed)
    small = Image.new("RGB", (8, 6))
    small.putdata([(rng.randrange(256), rng.randrange(256), rng.randrange(256)) for _ in range(48)])
    image = small.resize(size, Image.Resampling.NEAREST)
    exif = Image.Exif()
    if gps:
        exif[0x010F] = "PhoneMaker"
        exif[GPS_IFD] = {1: "S", 2: (23.0, 33.0, 1.0), 3: "W", 4: (46.0, 38.0, 2.0)}
    if fmt == "HEIF":
        from pillow_heif import register_heif_opener

        register_heif_opener()
    image.save(path, format=fmt, exif=exif.tobytes())
    return path


def video(
    path: Path, seconds: float = 2.0, fps: int = 10, size: tuple[int, int] = (96, 64), fmt: str = "mp4"
) -> Path:
    import av
    import numpy as np

    codec = {"mp4": "libx264", "mov": "libx264", "webm": "libvpx"}[fmt]
    width, height = size
    with av.open(str(path), mode="w", format=fmt) as container:
        container.metadata["location"] = "-23.5505-046.6333/"
        stream = cast("av.video.stream.VideoStream", container.add_stream(codec, rate=fps))
        stream.width, stream.height, stream.pix_fmt = width, height, "yuv420p"
        for i in range(int(seconds * fps)):
            pixels = np.full((height, width, 3), (i * 25) % 256, dtype=np.uint8)
            for packet in stream.encode(av.VideoFrame.from_ndarray(pixels, format="rgb24")):
                container.mux(packet)
        for packet in stream.encode():
            container.mux(packet)
    return path


def zip_named_jpg(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("photo.jpg", b"not really")
    return path


def truncated_jpeg(path: Path, seed: int = 99) -> Path:
    full = photo(path.with_suffix(".full.jpg"), seed=seed, size=(640, 480))
    data = full.read_bytes()
    path.write_bytes(data[: len(data) // 3])
    return path


def sparse_file(path: Path, size: int) -> Path:
    """A file that claims `size` bytes without using the disk or memory (a hole)."""
    with path.open("wb") as handle:
        handle.write(b"\xff\xd8\xff\xe0")  # starts like a JPEG
        handle.truncate(size)
    return path
