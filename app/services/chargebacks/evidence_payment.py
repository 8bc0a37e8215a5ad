"""Evidence builders for payment checks and the buyer's history: authorization, AVS/CVV, 3-D Secure, IP/device,
earlier undisputed orders and Visa CE 3.0."""

from __future__ import annotations

from app.domain.chargebacks import EvidenceItem, Fact
from app.domain.money import format_money
from app.services.chargebacks.evidence_context import EvidenceContext, item_missing, item_present
from app.services.chargebacks.prior_orders import PriorOrder

AVS_MEANING = {
    "Y": "street address and postcode match",
    "X": "street address and 9-digit postcode match",
    "A": "street address matches, postcode does not",
    "Z": "postcode matches, street address does not",
    "W": "9-digit postcode matches, street address does not",
    "N": "neither street address nor postcode match",
    "U": "address information unavailable (issuer outside the AVS area)",
    "R": "issuer system unavailable, retry",
    "S": "AVS not supported by the issuer",
}
CVV_MEANING = {"M": "match", "N": "no match", "P": "not processed", "U": "issuer not certified", "S": "not provided"}


def authorization_approval(ctx: EvidenceContext, key: str, label: str) -> EvidenceItem:
    order = ctx.order
    if order is None or not order.payment.authorization_code:
        return item_missing(key, label, "No authorization code is recorded for the payment.")
    code = order.payment.authorization_code
    facts = [Fact(label="Authorization code", value=code), Fact(label="Card", value=order.payment.masked_card)]
    return item_present(key, label, facts, f"The payment on {order.payment.masked_card} was approved with authorization code {code}.")


def avs_cvv_match(ctx: EvidenceContext, key: str, label: str) -> EvidenceItem:
    order = ctx.order
    if order is None or not (order.payment.avs_result or order.payment.cvv_result):
        return item_missing(key, label, "No AVS or CVV result is recorded for the payment.")
    avs = (order.payment.avs_result or "").upper()
    cvv = (order.payment.cvv_result or "").upper()
    facts = [
        Fact(label="AVS result", value=f"{avs} ({AVS_MEANING.get(avs, 'unrecognized code')})" if avs else "not recorded"),
        Fact(label="CVV result", value=f"{cvv} ({CVV_MEANING.get(cvv, 'unrecognized code')})" if cvv else "not recorded"),
    ]
    # Counts as evidence when the security code matched and the address check did not fail.
    if cvv != "M" or avs == "N":
        return item_missing(key, label, f"AVS {avs or '-'} / CVV {cvv or '-'} do not support the cardholder's participation.", facts)
    summary = f"The card security code matched (CVV {cvv}) and address verification returned {avs}: {AVS_MEANING.get(avs, 'unrecognized code')}."
    return item_present(key, label, facts, summary)


def three_ds_authentication(ctx: EvidenceContext, key: str, label: str) -> EvidenceItem:
    order = ctx.order
    status = (order.payment.three_ds or "") if order else ""
    facts = [Fact(label="3-D Secure", value=status or "not recorded")]
    if status not in ("authenticated", "attempted"):
        return item_missing(key, label, f"3-D Secure status: {status or 'not recorded'}.", facts)
    return item_present(key, label, facts, f"3-D Secure at checkout: {status}.")


def ip_device_recorded(ctx: EvidenceContext, key: str, label: str) -> EvidenceItem:
    order = ctx.order
    if order is None or not (order.payment.ip_address or order.payment.device_id):
        return item_missing(key, label, "No IP address or device ID was recorded at checkout.")
    ip, device = order.payment.ip_address, order.payment.device_id
    facts = [Fact(label="IP address", value=ip or "not recorded"), Fact(label="Device ID", value=device or "not recorded")]
    parts = [f"IP address {ip}" if ip else "", f"device {device}" if device else ""]
    return item_present(key, label, facts, "The order was placed from " + " on ".join(p for p in parts if p) + ".")


def _prior_fact(prior: PriorOrder) -> Fact:
    amount = format_money(prior.amount, prior.currency)
    return Fact(label=prior.order_no, value=f"{prior.order_date.isoformat()}, {amount}, same {prior.matched_names}")


def prior_undisputed_orders(ctx: EvidenceContext, key: str, label: str) -> EvidenceItem:
    if not ctx.prior:
        return item_missing(key, label, "The buyer has no earlier orders with the shop.")
    listed = ", ".join(f"{p.order_no} on {p.order_date.isoformat()}" for p in ctx.prior)
    summary = f"The same buyer placed {len(ctx.prior)} earlier order(s) that were never disputed: {listed}."
    return item_present(key, label, [_prior_fact(p) for p in ctx.prior], summary)


def ip_device_match(ctx: EvidenceContext, key: str, label: str) -> EvidenceItem:
    matches = [p for p in ctx.prior if {"ip", "device"} & set(p.matched)]
    if not matches:
        return item_missing(key, label, "No earlier undisputed order shares this order's IP address or device ID.")
    listed = "; ".join(f"{p.order_no} ({p.matched_names})" for p in matches)
    return item_present(key, label, [_prior_fact(p) for p in matches], f"Earlier undisputed orders share this order's identifiers: {listed}.")


def visa_ce3_qualified(ctx: EvidenceContext, key: str, label: str) -> EvidenceItem:
    reason = ctx.case.reason
    scope = "" if (reason.network, reason.code) == ("visa", "10.4") else " CE 3.0 applies to Visa 10.4 only."
    if ctx.ce3 is None or not ctx.ce3.qualified:
        why = "; ".join(ctx.ce3.reasons) if ctx.ce3 else "no order history"
        return item_missing(key, label, f"Not qualified: {why}.{scope}")
    listed = ", ".join(p.order_no for p in ctx.ce3.qualifying)
    summary = (
        f"Visa Compelling Evidence 3.0: {len(ctx.ce3.qualifying)} prior undisputed orders on the same card, "
        f"120 to 365 days before the dispute, share the IP address or device ID: {listed}."
    )
    return item_present(key, label, [_prior_fact(p) for p in ctx.ce3.qualifying], summary, scope.strip())
