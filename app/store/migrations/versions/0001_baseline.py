"""Baseline: the schema of the last release before Alembic (commit a2afc44), frozen here.

It also adopts a database that release (or an older one) made, which has tables but no alembic_version: tables
that are missing are created, nullable columns and indexes an older release lacked are added, and a missing
NOT NULL column stops the upgrade with a clear error instead of guessing a value.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _table(name: str, *elements: sa.schema.SchemaItem) -> None:
    bind = op.get_bind()
    if not sa.inspect(bind).has_table(name):
        op.create_table(name, *elements)
        return
    present = {column["name"] for column in sa.inspect(bind).get_columns(name)}
    for element in elements:
        if not isinstance(element, sa.Column) or element.name in present:
            continue
        if not element.nullable:
            raise RuntimeError(
                f"Table {name!r} has no column {element.name!r}, which cannot be added without a value: "
                "this database was made by an unknown version. Restore a backup or migrate it by hand."
            )
        op.add_column(name, element)


def _index(name: str, table: str, columns: list[str], unique: bool) -> None:
    if name not in {index["name"] for index in sa.inspect(op.get_bind()).get_indexes(table)}:
        op.create_index(name, table, columns, unique=unique)


def upgrade() -> None:
    _table(
        "api_keys",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("key_sha256", sa.String(length=64), nullable=False),
        sa.Column("prefix", sa.String(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_used_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    _index("ix_api_keys_key_sha256", "api_keys", ["key_sha256"], unique=True)

    _table(
        "audit_events",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("case_kind", sa.String(length=16), nullable=False),
        sa.Column("case_id", sa.String(length=64), nullable=False),
        sa.Column("actor", sa.String(length=64), nullable=False),
        sa.Column("action", sa.String(length=64), nullable=False),
        sa.Column("detail", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    _index("ix_audit_events_case_id", "audit_events", ["case_id"], unique=False)
    _index("ix_audit_events_case_kind", "audit_events", ["case_kind"], unique=False)

    _table(
        "chargeback_cases",
        sa.Column("case_id", sa.String(length=64), nullable=False),
        sa.Column("network", sa.String(length=16), nullable=False),
        sa.Column("reason_code", sa.String(length=32), nullable=False),
        sa.Column("reason_known", sa.Boolean(), nullable=False),
        sa.Column("category", sa.String(length=24), nullable=False),
        sa.Column("amount", sa.String(length=32), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("dispute_date", sa.Date(), nullable=False),
        sa.Column("respond_by", sa.Date(), nullable=True),
        sa.Column("order_no", sa.String(length=64), nullable=False),
        sa.Column("claim_text", sa.Text(), nullable=False),
        sa.Column("acquirer", sa.String(length=120), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("case_id"),
    )
    _index("ix_chargeback_cases_order_no", "chargeback_cases", ["order_no"], unique=False)
    _index("ix_chargeback_cases_reason_code", "chargeback_cases", ["reason_code"], unique=False)
    _index("ix_chargeback_cases_status", "chargeback_cases", ["status"], unique=False)

    _table(
        "conversations",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("session_token", sa.String(length=128), nullable=False),
        sa.Column("buyer_email", sa.String(length=320), nullable=True),
        sa.Column("verified_order_no", sa.String(length=64), nullable=True),
        sa.Column("language", sa.String(length=8), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("handoff_reason", sa.String(length=64), nullable=True),
        sa.Column("low_confidence_streak", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    _index("ix_conversations_session_token", "conversations", ["session_token"], unique=False)
    _index("ix_conversations_status", "conversations", ["status"], unique=False)

    _table(
        "decisions",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("case_kind", sa.String(length=16), nullable=False),
        sa.Column("case_id", sa.String(length=64), nullable=False),
        sa.Column("outcome", sa.String(length=48), nullable=False),
        sa.Column("amount", sa.String(length=32), nullable=True),
        sa.Column("currency", sa.String(length=3), nullable=True),
        sa.Column("rules_fired", sa.JSON(), nullable=False),
        sa.Column("inputs", sa.JSON(), nullable=False),
        sa.Column("policy_version", sa.String(length=64), nullable=True),
        sa.Column("decided_by", sa.String(length=64), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    _index("ix_decisions_case_id", "decisions", ["case_id"], unique=False)
    _index("ix_decisions_case_kind", "decisions", ["case_kind"], unique=False)

    _table(
        "ingest_runs",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("report", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    _table(
        "listing_glossary",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("language", sa.String(length=8), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("source", sa.String(length=200), nullable=False),
        sa.Column("target", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("language", "kind", "source"),
    )
    _table(
        "listing_versions",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("product_id", sa.String(length=64), nullable=False),
        sa.Column("language", sa.String(length=8), nullable=False),
        sa.Column("marketplace", sa.String(length=32), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("listing", sa.JSON(), nullable=False),
        sa.Column("issues", sa.JSON(), nullable=False),
        sa.Column("source_hash", sa.String(length=64), nullable=False),
        sa.Column("prompt_version", sa.String(length=64), nullable=False),
        sa.Column("model", sa.String(length=120), nullable=False),
        sa.Column("origin", sa.String(length=16), nullable=False),
        sa.Column("override_reason", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("accepted_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    _index("ix_listing_versions_language", "listing_versions", ["language"], unique=False)
    _index("ix_listing_versions_product_id", "listing_versions", ["product_id"], unique=False)
    _index("ix_listing_versions_source_hash", "listing_versions", ["source_hash"], unique=False)
    _index("ix_listing_versions_status", "listing_versions", ["status"], unique=False)

    _table(
        "merchant_settings",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.JSON(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("key"),
    )
    _table(
        "orders",
        sa.Column("order_no", sa.String(length=64), nullable=False),
        sa.Column("buyer_email", sa.String(length=320), nullable=False),
        sa.Column("country_code", sa.String(length=2), nullable=False),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("record", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("order_no"),
    )
    _index("ix_orders_buyer_email", "orders", ["buyer_email"], unique=False)

    _table(
        "pending_disputes",
        sa.Column("dispute_id", sa.String(length=64), nullable=False),
        sa.Column("notice", sa.JSON(), nullable=False),
        sa.Column("order_refs", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("dispute_id"),
    )
    _table(
        "question_check_runs",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("label", sa.String(length=200), nullable=False),
        sa.Column("total", sa.Integer(), nullable=False),
        sa.Column("passed", sa.Integer(), nullable=False),
        sa.Column("results", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    _table(
        "refund_cases",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("order_no", sa.String(length=64), nullable=False),
        sa.Column("buyer_email", sa.String(length=320), nullable=False),
        sa.Column("country_code", sa.String(length=2), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("product_id", sa.String(length=64), nullable=True),
        sa.Column("reason", sa.String(length=32), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("item_opened", sa.Boolean(), nullable=True),
        sa.Column("language", sa.String(length=8), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("item_value", sa.String(length=32), nullable=False),
        sa.Column("total_paid", sa.String(length=32), nullable=False),
        sa.Column("proposed_outcome", sa.String(length=48), nullable=True),
        sa.Column("proposed_amount", sa.String(length=32), nullable=True),
        sa.Column("suggested_outcome", sa.String(length=48), nullable=True),
        sa.Column("final_outcome", sa.String(length=48), nullable=True),
        sa.Column("final_amount", sa.String(length=32), nullable=True),
        sa.Column("resolved_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    _index("ix_refund_cases_buyer_email", "refund_cases", ["buyer_email"], unique=False)
    _index("ix_refund_cases_country_code", "refund_cases", ["country_code"], unique=False)
    _index("ix_refund_cases_created_at", "refund_cases", ["created_at"], unique=False)
    _index("ix_refund_cases_order_no", "refund_cases", ["order_no"], unique=False)
    _index("ix_refund_cases_reason", "refund_cases", ["reason"], unique=False)
    _index("ix_refund_cases_status", "refund_cases", ["status"], unique=False)

    _table(
        "store_answers",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("question", sa.Text(), nullable=False),
        sa.Column("answer", sa.Text(), nullable=False),
        sa.Column("language", sa.String(length=8), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("from_message_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    _table(
        "stored_files",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("mime", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("size_bytes", sa.Integer(), nullable=False),
        sa.Column("relative_path", sa.String(length=512), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("sha256"),
    )
    _table(
        "chargeback_exhibits",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("case_id", sa.String(length=64), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("mime", sa.String(length=64), nullable=False),
        sa.Column("caption", sa.String(length=300), nullable=False),
        sa.Column("evidence_key", sa.String(length=48), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["chargeback_cases.case_id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    _index("ix_chargeback_exhibits_case_id", "chargeback_exhibits", ["case_id"], unique=False)

    _table(
        "messages",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("conversation_id", sa.String(length=32), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("language", sa.String(length=8), nullable=False),
        sa.Column("translation", sa.Text(), nullable=True),
        sa.Column("citations", sa.JSON(), nullable=False),
        sa.Column("meta", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["conversation_id"], ["conversations.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    _index("ix_messages_conversation_id", "messages", ["conversation_id"], unique=False)

    _table(
        "refund_evidence",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("case_id", sa.String(length=32), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("mime", sa.String(length=64), nullable=False),
        sa.Column("original_name", sa.String(length=255), nullable=False),
        sa.Column("ahash", sa.String(length=16), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["refund_cases.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(
            ["sha256"],
            ["stored_files.sha256"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    _index("ix_refund_evidence_ahash", "refund_evidence", ["ahash"], unique=False)
    _index("ix_refund_evidence_case_id", "refund_evidence", ["case_id"], unique=False)
    _index("ix_refund_evidence_sha256", "refund_evidence", ["sha256"], unique=False)

    _table(
        "refund_findings",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("case_id", sa.String(length=32), nullable=False),
        sa.Column("status", sa.String(length=24), nullable=False),
        sa.Column("model", sa.String(length=128), nullable=True),
        sa.Column("prompt_version", sa.String(length=32), nullable=True),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("finding", sa.JSON(), nullable=False),
        sa.Column("raw", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["refund_cases.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    _index("ix_refund_findings_case_id", "refund_findings", ["case_id"], unique=False)

    _table(
        "refund_negotiation_steps",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("case_id", sa.String(length=32), nullable=False),
        sa.Column("step", sa.String(length=32), nullable=False),
        sa.Column("actor", sa.String(length=64), nullable=False),
        sa.Column("outcome", sa.String(length=48), nullable=True),
        sa.Column("amount", sa.String(length=32), nullable=True),
        sa.Column("currency", sa.String(length=3), nullable=True),
        sa.Column("language", sa.String(length=8), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["refund_cases.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    _index("ix_refund_negotiation_steps_case_id", "refund_negotiation_steps", ["case_id"], unique=False)

    _table(
        "refund_receipts",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("case_id", sa.String(length=32), nullable=False),
        sa.Column("order_no", sa.String(length=64), nullable=False),
        sa.Column("decision_id", sa.Integer(), nullable=False),
        sa.Column("language", sa.String(length=8), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("text_en", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["refund_cases.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    _index("ix_refund_receipts_case_id", "refund_receipts", ["case_id"], unique=False)
    _index("ix_refund_receipts_order_no", "refund_receipts", ["order_no"], unique=False)


_TABLES = (
    "api_keys",
    "audit_events",
    "chargeback_cases",
    "conversations",
    "decisions",
    "ingest_runs",
    "listing_glossary",
    "listing_versions",
    "merchant_settings",
    "orders",
    "pending_disputes",
    "question_check_runs",
    "refund_cases",
    "store_answers",
    "stored_files",
    "chargeback_exhibits",
    "messages",
    "refund_evidence",
    "refund_findings",
    "refund_negotiation_steps",
    "refund_receipts",
)


def downgrade() -> None:
    for name in reversed(_TABLES):  # dependents last in creation order, so dropped first
        op.drop_table(name)
