"""Dispute packets as processors take them: the PDF's size/page check per processor, and the Stripe export."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True)


class LimitCheck(_Frozen):
    """One processor's limits held against one packet file."""

    processor: str
    max_bytes: int
    max_pages: int
    within: bool
    problems: tuple[str, ...] = ()
    source: str = ""


class PdfPacket(_Frozen):
    path: str
    size_bytes: int
    pages: int
    seconds: float
    checks: tuple[LimitCheck, ...]
    # Longest side the exhibit photos were scaled to, and their JPEG quality (lowered until the file fits).
    image_side: int | None = None
    image_quality: int | None = None
    # Characters no available font could draw (shown as blanks): the buyer's words in a script without a font.
    missing_glyphs: str = ""
    notes: tuple[str, ...] = ()

    @property
    def within_limits(self) -> bool:
        return all(check.within for check in self.checks)

    def limit_summary(self) -> str:
        """One line per processor: 'Stripe: within (1.20 MB of 4.5 MB, 6 of 50 pages)' or what is over."""
        lines = []
        for check in self.checks:
            if check.within:
                lines.append(f"{check.processor}: within limits ({self.size_bytes / 1e6:.2f} MB of "
                             f"{check.max_bytes / 1e6:g} MB, {self.pages} of {check.max_pages} pages)")  # fmt: skip
            else:
                lines.append(f"{check.processor}: OVER THE LIMIT — {'; '.join(check.problems)}")
        return "\n".join(lines)


class StripeExport(_Frozen):
    path: str
    # Fields cut to Stripe's length limits, with how much was cut.
    truncated: tuple[str, ...] = ()
    fields: tuple[str, ...] = ()
