"""The evidence as Stripe's dispute `evidence` hash (POST /v1/disputes/{id}), within Stripe's field limits.

Field names and limits from the Stripe API reference, "Update a dispute" (https://docs.stripe.com/api/disputes/update):
free-text explanations (product_description, uncategorized_text, refund_policy_disclosure, access_activity_log…)
have "a maximum character count of 20,000"; the other strings are capped at 5,000 characters in Stripe's OpenAPI
spec; "the combined character count of all fields is limited to 150,000". File fields take the id of a file
uploaded with `purpose=dispute_evidence` (POST /v1/files): the export holds a placeholder naming the local file to
upload, listed under `uploads`. Text over a limit is cut with a marker and listed under `truncated` — the full text
is in the PDF packet.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, model_validator

from app.domain.chargebacks import EvidenceBundle, EvidenceItem, Narrative
from app.domain.orders import Order
from app.domain.packets import StripeExport
from app.services.chargebacks.pan import mask_pans

LONG_TEXT = 20_000
SHORT_TEXT = 5_000
TOTAL_CHARS = 150_000
CUT_MARKER = " […cut to Stripe's limit; the full text is in the PDF packet]"
# A file field holds a Stripe file id, or (in the export) a placeholder naming the local file to upload in its place.
FILE_ID = r"^(file_[A-Za-z0-9]+|\{upload:[^{}]+\})$"

_Long = Field(default=None, max_length=LONG_TEXT)
_Short = Field(default=None, max_length=SHORT_TEXT)
_File = Field(default=None, pattern=FILE_ID)


class StripeDisputeEvidence(BaseModel):
    """Stripe's dispute evidence fields (enhanced_evidence omitted) with their length limits."""

    model_config = ConfigDict(extra="forbid")

    access_activity_log: str | None = _Long
    billing_address: str | None = _Short
    cancellation_policy: str | None = _File
    cancellation_policy_disclosure: str | None = _Long
    cancellation_rebuttal: str | None = _Long
    customer_communication: str | None = _File
    customer_email_address: str | None = _Short
    customer_name: str | None = _Short
    customer_purchase_ip: str | None = _Short
    customer_signature: str | None = _File
    duplicate_charge_documentation: str | None = _File
    duplicate_charge_explanation: str | None = _Long
    duplicate_charge_id: str | None = _Short
    product_description: str | None = _Long
    receipt: str | None = _File
    refund_policy: str | None = _File
    refund_policy_disclosure: str | None = _Long
    refund_refusal_explanation: str | None = _Long
    service_date: str | None = _Short
    service_documentation: str | None = _File
    shipping_address: str | None = _Short
    shipping_carrier: str | None = _Short
    shipping_date: str | None = _Short
    shipping_documentation: str | None = _File
    shipping_tracking_number: str | None = _Short
    uncategorized_file: str | None = _File
    uncategorized_text: str | None = _Long

    @model_validator(mode="after")
    def _total(self) -> StripeDisputeEvidence:
        total = sum(len(value) for value in self.model_dump(exclude_none=True).values())
        if total > TOTAL_CHARS:
            raise ValueError(f"{total} characters in all fields; Stripe accepts at most {TOTAL_CHARS}.")
        return self

    def payload(self) -> dict[str, str]:
        return self.model_dump(exclude_none=True)


def _fits(name: str, text: str, limit: int, truncated: list[str]) -> str:
    text = text.strip()
    if len(text) <= limit:
        return text
    truncated.append(f"{name}: {len(text)} characters cut to {limit}")
    return text[: limit - len(CUT_MARKER)].rstrip() + CUT_MARKER


def _facts(item: EvidenceItem | None) -> str:
    if item is None or not item.present:
        return ""
    lines = [item.summary] if item.summary else []
    lines += [f"{fact.label}: {fact.value}" for fact in item.facts]
    return "\n".join(lines)


def _uncategorized(bundle: EvidenceBundle, narrative: Narrative, packet_name: str) -> str:
    notice = bundle.case.notice
    parts = [
        f"Chargeback {notice.case_id}, order {notice.order_no}, {bundle.case.reason.display} ({bundle.case.reason.title}).",
        mask_pans(narrative.text).strip(),
        "Evidence enclosed (full packet: " + packet_name + "):",
        *(f"- {item.label}: {item.summary}" for item in bundle.present_items),
        "Timeline:",
        *(f"- {entry.when.isoformat()}: {entry.event}" for entry in bundle.timeline),
    ]
    return "\n".join(parts)


def stripe_evidence(
    bundle: EvidenceBundle, narrative: Narrative, order: Order | None, packet_name: str
) -> tuple[StripeDisputeEvidence, list[str], list[dict[str, str]]]:
    """(evidence, truncation notes, uploads). Only facts the store holds; nothing is made up for an empty field."""
    truncated: list[str] = []
    fields: dict[str, str] = {}

    def put(name: str, text: str | None, limit: int) -> None:
        if text and text.strip():
            fields[name] = _fits(name, mask_pans(text), limit, truncated)

    if order is not None:
        put("customer_name", order.buyer_name, SHORT_TEXT)
        put("customer_email_address", order.buyer_email, SHORT_TEXT)
        put("customer_purchase_ip", order.payment.ip_address, SHORT_TEXT)
        address = order.shipping_address
        if address is not None:
            put("shipping_address", f"{address.name}, {address.line1}, {address.postal_code} {address.city}, "
                                    f"{address.country_code}", SHORT_TEXT)  # fmt: skip
        put("shipping_carrier", order.carrier, SHORT_TEXT)
        put("shipping_tracking_number", order.tracking_no, SHORT_TEXT)
        if order.tracking_events:
            put("shipping_date", min(e.time for e in order.tracking_events).date().isoformat(), SHORT_TEXT)
    put("product_description", "\n".join(filter(None, (_facts(bundle.item("order_details")),
                                                        _facts(bundle.item("product_description"))))), LONG_TEXT)  # fmt: skip
    put("refund_policy_disclosure", _facts(bundle.item("refund_policy_accepted")), LONG_TEXT)
    put("access_activity_log", "\n".join(filter(None, (_facts(bundle.item("ip_device_recorded")),
                                                        _facts(bundle.item("ip_device_match"))))), LONG_TEXT)  # fmt: skip
    if bundle.case.reason.category == "processing_error":
        put("duplicate_charge_explanation", _facts(bundle.item("single_transaction")), LONG_TEXT)
    put("uncategorized_text", _uncategorized(bundle, narrative, packet_name), LONG_TEXT)
    # One file, the whole packet: the chat transcript and decision receipts are sections of it. Uploading the same
    # file under several fields would count its pages twice against the network's page limit.
    placeholder = "{upload:" + packet_name + "}"
    fields["uncategorized_file"] = placeholder
    uploads = [{"field": "uncategorized_file", "placeholder": placeholder, "file": packet_name,
                "purpose": "dispute_evidence"}]  # fmt: skip
    return StripeDisputeEvidence(**fields), truncated, uploads


def write_stripe_evidence(
    bundle: EvidenceBundle, narrative: Narrative, order: Order | None, packet_path: Path, out_path: Path
) -> StripeExport:
    evidence, truncated, uploads = stripe_evidence(bundle, narrative, order, packet_path.name)
    dispute = bundle.case.case_id if re.fullmatch(r"(du|dp)_[A-Za-z0-9]+", bundle.case.case_id) else None
    document = {
        "case_id": bundle.case.case_id,
        "stripe_dispute": dispute,
        "order_no": bundle.case.notice.order_no,
        "generated_on": bundle.generated_on.isoformat(),
        "evidence": evidence.payload(),
        "uploads": uploads,
        "truncated": truncated,
        "how_to_submit": (
            "Upload each file under `uploads` with POST /v1/files (purpose=dispute_evidence), put the returned file "
            "id in place of its placeholder, then POST /v1/disputes/{dispute id} with this `evidence` hash."
        ),
    }
    out_path.parent.mkdir(parents=True, exist_ok=True)
    tmp = out_path.with_suffix(".json.part")
    tmp.write_text(json.dumps(document, ensure_ascii=False, indent=2), encoding="utf-8")
    tmp.replace(out_path)
    return StripeExport(path=str(out_path), truncated=tuple(truncated), fields=tuple(evidence.payload()))

