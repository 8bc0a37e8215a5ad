"""A 64-bit average hash: the same photo re-saved, resized or recompressed lands within a few bits."""

from __future__ import annotations

from PIL import Image

# Bits out of 64 that may differ for two images to count as the same photo.
SAME_PHOTO_MAX_DISTANCE = 5


def average_hash(image: Image.Image) -> str:
    small = image.convert("L").resize((8, 8), Image.Resampling.BOX)
    pixels = list(small.getdata())
    mean = sum(pixels) / len(pixels)
    bits = "".join("1" if value > mean else "0" for value in pixels)
    return f"{int(bits, 2):016x}"


def hamming(a: str, b: str) -> int:
    return (int(a, 16) ^ int(b, 16)).bit_count()
