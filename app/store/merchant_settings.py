"""Merchant-editable settings (store name, tone, language, hours, handoff rules, refund policy…).

Defaults come from app.settings.Settings; what the merchant saves in the console overrides them.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from app.store.db import Database
from app.store.tables import MerchantSettingRow


class MerchantSettingsRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    def get(self, key: str, default: Any = None) -> Any:
        with self._db.session() as session:
            row = session.get(MerchantSettingRow, key)
            return row.value if row is not None else default

    def set(self, key: str, value: Any) -> None:
        with self._db.session() as session:
            row = session.get(MerchantSettingRow, key)
            if row is None:
                session.add(MerchantSettingRow(key=key, value=value))
            else:
                row.value = value

    def all(self) -> dict[str, Any]:
        with self._db.session() as session:
            return {row.key: row.value for row in session.scalars(select(MerchantSettingRow)).all()}
