"""Human case numbers: refund_cases.case_no (R-000123) and chargeback_cases.case_no (CB-000045).

Existing cases are numbered oldest first (created_at, then id) so the numbers a merchant sees follow the order in
which the cases arrived. Frozen: it names its tables here instead of importing today's models.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

_TABLES = (("refund_cases", "id"), ("chargeback_cases", "case_id"))


def _backfill(table_name: str, key: str) -> None:
    table = sa.table(
        table_name, sa.column(key, sa.String()), sa.column("created_at", sa.DateTime()), sa.column("case_no", sa.Integer())
    )
    bind = op.get_bind()
    ids = bind.execute(
        sa.select(table.c[key]).where(table.c.case_no.is_(None)).order_by(table.c.created_at, table.c[key])
    ).scalars().all()
    last = bind.execute(sa.select(sa.func.coalesce(sa.func.max(table.c.case_no), 0))).scalar_one()
    for offset, case_id in enumerate(ids, start=1):
        bind.execute(sa.update(table).where(table.c[key] == case_id).values(case_no=last + offset))


def upgrade() -> None:
    for table_name, key in _TABLES:
        inspector = sa.inspect(op.get_bind())
        if "case_no" not in {column["name"] for column in inspector.get_columns(table_name)}:
            with op.batch_alter_table(table_name, schema=None) as batch_op:
                batch_op.add_column(sa.Column("case_no", sa.Integer(), nullable=True))
        _backfill(table_name, key)
        index = f"ix_{table_name}_case_no"
        if index not in {i["name"] for i in sa.inspect(op.get_bind()).get_indexes(table_name)}:
            with op.batch_alter_table(table_name, schema=None) as batch_op:
                batch_op.create_index(batch_op.f(index), ["case_no"], unique=True)


def downgrade() -> None:
    for table_name, _key in reversed(_TABLES):
        with op.batch_alter_table(table_name, schema=None) as batch_op:
            batch_op.drop_index(batch_op.f(f"ix_{table_name}_case_no"))
            batch_op.drop_column("case_no")
