"""Tables of the refund feature (registered on app.store.base.Base)."""

from __future__ import annotations
