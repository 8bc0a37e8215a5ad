"""Tables of the chargeback feature (registered on app.store.base.Base)."""

from __future__ import annotations
