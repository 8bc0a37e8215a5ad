"""Orders tab: import an order export, API keys for storefront pushes, Stripe disputes in and matched by hand."""

from __future__ import annotations

from pathlib import Path

import gradio as gr

from app.errors import CopilotError
from app.services.chargebacks.stripe_disputes import SUGGESTED_KEY
from app.wiring import Services


def _read(file_path: str | None) -> tuple[bytes, str]:
    if not file_path:
        raise gr.Error("Choose a file first.")
    path = Path(file_path)
    return path.read_bytes(), path.name


def build_orders_tab(services: Services) -> None:
    intake, keys, disputes = services.order_intake, services.api_keys, services.stripe_disputes

    def orders_table() -> list[list[object]]:
        return [
            [o.order_no, o.buyer_email, o.country_code, f"{o.total_paid} {o.currency}", o.status,
             o.created_at.date().isoformat()]
            for o in services.orders.list_all(limit=200)
        ]  # fmt: skip

    def keys_table() -> list[list[object]]:
        return [
            [k.id, k.name, f"{k.prefix}…", f"{k.created_at:%Y-%m-%d %H:%M}",
             f"{k.last_used_at:%Y-%m-%d %H:%M}" if k.last_used_at else "never", "revoked" if k.revoked_at else "active"]
            for k in keys.list_keys()
        ]  # fmt: skip

    def unmatched_table() -> list[list[object]]:
        return [
            [p.dispute_id, f"{p.notice.get('amount')} {p.notice.get('currency')}", p.notice.get("reason_code", ""),
             p.notice.get("respond_by", ""), ", ".join(p.order_refs) or "—",
             ", ".join(p.notice.get(SUGGESTED_KEY) or []) or "—"]
            for p in disputes.unmatched()
        ]  # fmt: skip

    def import_orders(file_path: str | None) -> tuple[str, list[list[object]]]:
        data, name = _read(file_path)
        try:
            report = intake.import_file(data, name, actor="merchant")
        except CopilotError as exc:
            raise gr.Error(exc.user_message) from exc
        return report.summary().replace("\n", "\n\n"), orders_table()

    def create_key(name: str) -> tuple[str, list[list[object]]]:
        try:
            new = keys.create(name, actor="merchant")
        except CopilotError as exc:
            raise gr.Error(exc.user_message) from exc
        return new.secret, keys_table()

    def revoke_key(key_id: float | None) -> tuple[str, list[list[object]]]:
        if key_id is None:
            raise gr.Error("Give the id of the key to revoke (first column).")
        try:
            keys.revoke(int(key_id), actor="merchant")
        except CopilotError as exc:
            raise gr.Error(exc.user_message) from exc
        return f"Key {int(key_id)} revoked: storefronts using it now get 401.", keys_table()

    def import_disputes(file_path: str | None) -> tuple[str, list[list[object]]]:
        data, name = _read(file_path)
        try:
            report = disputes.import_file(data, name, actor="merchant")
        except CopilotError as exc:
            raise gr.Error(exc.user_message) from exc
        return report.summary().replace("\n", "\n\n"), unmatched_table()

    def match(dispute_id: str, order_no: str) -> tuple[str, list[list[object]]]:
        if not dispute_id.strip() or not order_no.strip():
            raise gr.Error("Give the dispute id (first column) and the order number.")
        try:
            result = disputes.match(dispute_id, order_no.strip(), actor="merchant")
        except CopilotError as exc:
            raise gr.Error(exc.user_message) from exc
        return f"Case {result.notice.case_id} opened for order {result.notice.order_no}.", unmatched_table()

    gr.Markdown("### Import orders\nShopify (Orders › Export › CSV), WooCommerce orders CSV, or the order JSON "
                "(see README). Re-importing updates orders by number; nothing is duplicated.")
    with gr.Row():
        order_file = gr.File(label="Orders file (.csv / .json)", type="filepath", file_types=[".csv", ".json"])
        import_button = gr.Button("Import orders", variant="primary")
    import_report = gr.Markdown()
    orders = gr.Dataframe(
        headers=["order", "email", "country", "total", "status", "created"], value=orders_table, interactive=False,
        label="Latest orders",
    )

    gr.Markdown("### API keys\nFor `POST /api/orders` from your storefront. A new key is shown once; only its hash "
                "is kept.")
    with gr.Row():
        key_name = gr.Textbox(label="Key name", placeholder="WooCommerce webhook")
        create_button = gr.Button("Create key")
    new_key = gr.Textbox(label="New key (copy it now — it is not shown again)", interactive=False)
    key_list = gr.Dataframe(
        headers=["id", "name", "key", "created", "last used", "state"], value=keys_table, interactive=False,
    )
    with gr.Row():
        revoke_id = gr.Number(label="Key id to revoke", precision=0, minimum=1)
        revoke_button = gr.Button("Revoke key", variant="stop")
    revoke_status = gr.Markdown()

    gr.Markdown("### Stripe disputes\nA JSON list of Dispute objects from the Stripe API. Disputes whose order "
                "is not found wait below until you match them.")
    with gr.Row():
        dispute_file = gr.File(label="Stripe disputes (.json)", type="filepath", file_types=[".json"])
        dispute_button = gr.Button("Import disputes")
    dispute_report = gr.Markdown()
    unmatched = gr.Dataframe(
        headers=["dispute", "amount", "reason code", "respond by", "refs in Stripe", "suggested orders"],
        value=unmatched_table, interactive=False,
        label="Waiting for an order match (suggested: same amount, date and email; click a row to pick it)",
    )
    with gr.Row():
        match_dispute = gr.Textbox(label="Dispute id", placeholder="dp_…")
        match_order = gr.Textbox(label="Order number", placeholder="#1001")
        match_button = gr.Button("Match and open case")

    def pick(evt: gr.SelectData) -> tuple[str, str]:
        """A click on a waiting dispute fills the match form with it and its first suggested order."""
        row = [str(cell) for cell in (evt.row_value or [])]
        if not row:
            return "", ""
        suggested = row[5].split(",")[0].strip() if len(row) > 5 and row[5] != "—" else ""
        return row[0], suggested

    unmatched.select(pick, outputs=[match_dispute, match_order], api_visibility="private")
    import_button.click(import_orders, inputs=order_file, outputs=[import_report, orders], api_name="orders_import")
    create_button.click(create_key, inputs=key_name, outputs=[new_key, key_list], api_name="api_key_create")
    revoke_button.click(revoke_key, inputs=revoke_id, outputs=[revoke_status, key_list], api_name="api_key_revoke")
    dispute_button.click(
        import_disputes, inputs=dispute_file, outputs=[dispute_report, unmatched], api_name="stripe_disputes_import"
    )
    match_button.click(match, inputs=[match_dispute, match_order], outputs=[dispute_report, unmatched],
                       api_name="stripe_dispute_match")  # fmt: skip
