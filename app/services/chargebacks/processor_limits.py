"""What payment processors accept as dispute evidence, and a check of one packet file against it.

Sources:
- Stripe, "Respond to disputes" (https://docs.stripe.com/disputes/responding): evidence files are PDF, JPEG or
  PNG; all files together under 4.5 MB and 50 pages for most card networks, 19 pages for Mastercard. Since API
  version 2026-09-30 Stripe rejects evidence whose compiled page count exceeds the network's limit with
  `dispute_evidence_page_limit_exceeded` (https://docs.stripe.com/changelog/endive/2026-09-30/
  page-limit-validation-dispute-evidence).
- Shopify Payments help center, chargeback evidence (https://help.shopify.com/en/manual/payments/chargebacks):
  PDF, JPEG or PNG, each file under 2 MB and all files under 4 MB, a PDF at most 50 pages (as quoted in
  https://kahunam.com/articles/shopify/how-to-submit-evidence-for-a-chargeback-on-shopify).
- Mastercard's 19-page limit is a network rule (beyond it the acquirer pays per page), so it applies to a
  Mastercard case whatever the processor (Checkout.com, "Mastercard dispute documentation requirements", 2024).
MB here is 10^6 bytes, the smaller reading, so a file that passes passes under either.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from app.domain.packets import LimitCheck

MB = 1_000_000
MASTERCARD_MAX_PAGES = 19


@dataclass(frozen=True)
class ProcessorLimit:
    processor: str
    max_file_bytes: int
    max_total_bytes: int
    max_pages: int
    source: str


STRIPE = ProcessorLimit("Stripe", max_file_bytes=4_500_000, max_total_bytes=4_500_000, max_pages=50,
                        source="https://docs.stripe.com/disputes/responding")  # fmt: skip
SHOPIFY = ProcessorLimit("Shopify Payments", max_file_bytes=2 * MB, max_total_bytes=4 * MB, max_pages=50,
                         source="https://help.shopify.com/en/manual/payments/chargebacks")  # fmt: skip
PROCESSORS: tuple[ProcessorLimit, ...] = (STRIPE, SHOPIFY)


def limits_for(network: str, processors: Sequence[ProcessorLimit] = PROCESSORS) -> tuple[ProcessorLimit, ...]:
    """The processors' limits for a case on `network` (Mastercard's own page limit is stricter)."""
    if network != "mastercard":
        return tuple(processors)
    return tuple(
        ProcessorLimit(p.processor, p.max_file_bytes, p.max_total_bytes, min(p.max_pages, MASTERCARD_MAX_PAGES),
                       p.source)  # fmt: skip
        for p in processors
    )


def max_bytes(limits: Sequence[ProcessorLimit]) -> int:
    """The size one packet file must stay under to be accepted by every processor in `limits`."""
    return min(min(limit.max_file_bytes, limit.max_total_bytes) for limit in limits)


def check(size_bytes: int, pages: int, limits: Sequence[ProcessorLimit]) -> tuple[LimitCheck, ...]:
    results = []
    for limit in limits:
        cap = min(limit.max_file_bytes, limit.max_total_bytes)
        problems = []
        if size_bytes > cap:
            problems.append(f"{size_bytes / MB:.2f} MB is over the {cap / MB:g} MB limit")
        if pages > limit.max_pages:
            problems.append(f"{pages} pages is over the {limit.max_pages}-page limit")
        results.append(LimitCheck(processor=limit.processor, max_bytes=cap, max_pages=limit.max_pages,
                                  within=not problems, problems=tuple(problems), source=limit.source))  # fmt: skip
    return tuple(results)
