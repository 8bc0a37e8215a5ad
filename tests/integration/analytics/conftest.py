"""Analytics SQL runs on SQLite and on Postgres alike."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.support.fixtures_db import BOTH_DATABASES, FreshDatabaseUrl, database_urls


@pytest.fixture(params=BOTH_DATABASES)
def fresh_database_url(request: pytest.FixtureRequest) -> Iterator[FreshDatabaseUrl]:
    yield from database_urls(request)
