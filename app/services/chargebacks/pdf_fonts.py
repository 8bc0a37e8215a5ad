"""Fonts for the PDF packet, found on the system: a Unicode text face (Latin, Cyrillic, Arabic) and a CJK fallback.

PDF viewers draw only the glyphs embedded in the file, so a buyer's Korean or Arabic words need a font that has
them. Debian ships DejaVu Sans (fonts-dejavu-core: Latin, Cyrillic, Arabic) and Noto Sans CJK (fonts-noto-cjk,
installed by `make chromium`). Nothing is downloaded: when no font is found the packet falls back to the PDF core
font (Latin-1 only) and says which characters it could not draw.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

FONT_DIRS: tuple[Path, ...] = (Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), Path.home() / ".fonts")
# Ordered by preference; the first file found wins. Names, not paths: distributions file them in different folders.
_TEXT = ("DejaVuSans.ttf", "NotoSans-Regular.ttf", "LiberationSans-Regular.ttf", "FreeSans.ttf")
_TEXT_BOLD = ("DejaVuSans-Bold.ttf", "NotoSans-Bold.ttf", "LiberationSans-Bold.ttf", "FreeSansBold.ttf")
_FALLBACKS = (
    "NotoSansCJK-Regular.ttc", "NotoSansCJKsc-Regular.otf", "NotoSansCJK-Regular.otf", "DroidSansFallbackFull.ttf",
    "wqy-microhei.ttc", "wqy-zenhei.ttc", "NotoSansArabic-Regular.ttf", "NotoNaskhArabic-Regular.ttf",
)  # fmt: skip


@dataclass(frozen=True)
class FontFile:
    path: Path
    # Face index inside a .ttc collection (0 for a plain .ttf/.otf).
    index: int = 0


@dataclass(frozen=True)
class PacketFonts:
    text: FontFile | None
    bold: FontFile | None
    fallbacks: tuple[FontFile, ...]

    @property
    def unicode(self) -> bool:
        return self.text is not None


def _index(directories: Sequence[Path]) -> dict[str, Path]:
    found: dict[str, Path] = {}
    for directory in directories:
        if not directory.is_dir():
            continue
        for path in sorted(directory.rglob("*")):
            if path.suffix.lower() in (".ttf", ".otf", ".ttc") and path.name not in found:
                found[path.name] = path
    return found


def _first(found: dict[str, Path], names: Iterable[str]) -> FontFile | None:
    return next((FontFile(found[name]) for name in names if name in found), None)


@functools.cache  # the system font folders do not change while the app runs; walking them took a while per packet
def find_fonts(directories: Sequence[Path] = FONT_DIRS) -> PacketFonts:
    found = _index(directories)
    text = _first(found, _TEXT)
    fallbacks = tuple(FontFile(found[name]) for name in _FALLBACKS if name in found)
    return PacketFonts(text=text, bold=_first(found, _TEXT_BOLD) or text, fallbacks=fallbacks if text else ())

