"""Refund fixtures: the app's real services with a fixed clock (the demo orders are dated late 2026)."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from app.services.refunds.assembly import build_refund_service
from app.wiring import Services
from models.types import ChatModel
from tests.support.fixtures_db import BOTH_DATABASES, FreshDatabaseUrl, database_urls

# Two days after the São Paulo order PP-261020 was delivered (2026-11-14 16:25 UTC).
NOW = datetime(2026, 11, 16, 12, 0, tzinfo=UTC)
BR_ORDER, BR_EMAIL = "PP-261020", "mariana.oliveira@example.org"


def with_clock(services: Services, clock: Callable[[], datetime]) -> Services:
    services.refunds = build_refund_service(
        services.settings, db=services.db, orders=services.orders, files=services.files, audit=services.audit,
        decisions=services.decisions, merchant_settings=services.merchant_settings, language=services.language,
        vision_model=services.vision_model, clock=clock,
    )  # fmt: skip
    return services


@pytest.fixture(params=BOTH_DATABASES)
def fresh_database_url(request: pytest.FixtureRequest) -> Iterator[FreshDatabaseUrl]:
    """Every refund test runs on SQLite and on Postgres."""
    yield from database_urls(request)


@pytest.fixture
def refund_services(make_services: Callable[..., Services]) -> Callable[..., Services]:
    """Factory: make_services(...) whose refund service lives at NOW (a second later at each reading)."""

    def factory(vision_model: ChatModel | None = None, **overrides: Any) -> Services:
        ticks = itertools.count()  # a second per reading: claims keep their order
        return with_clock(
            make_services(vision_model=vision_model, **overrides),
            lambda: NOW + timedelta(seconds=next(ticks)),
        )

    return factory
