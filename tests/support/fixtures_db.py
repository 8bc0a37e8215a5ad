"""Database fixtures. Every test gets a fresh database from `fresh_database_url(sqlite_path)`: SQLite by default;
folders whose conftest re-declares it with `BOTH_DATABASES` run each test on SQLite and on a real Postgres server
(marker `postgres`). Without Postgres binaries the Postgres half skips with the reason; with
MC_TEST_POSTGRES=required (set by `make test`) it fails instead, so CI cannot pass by skipping it."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.support.postgres_server import PostgresServer, PostgresUnavailable

FreshDatabaseUrl = Callable[[Path], str]

BOTH_DATABASES = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    try:
        server = PostgresServer.start_new()
    except PostgresUnavailable as exc:
        if os.environ.get("MC_TEST_POSTGRES") == "required":
            pytest.fail(f"MC_TEST_POSTGRES=required but Postgres cannot run here: {exc}")
        pytest.skip(f"Postgres tier skipped: {exc}")
    yield server
    server.stop()


def database_urls(request: pytest.FixtureRequest) -> Iterator[FreshDatabaseUrl]:
    """The body of a `fresh_database_url` fixture parametrized with BOTH_DATABASES."""
    if request.param == "sqlite":
        yield sqlite_url
        return
    server: PostgresServer = request.getfixturevalue("postgres_server")
    made: list[str] = []

    def fresh(_sqlite_path: Path) -> str:
        made.append(server.create_database())
        return made[-1]

    yield fresh
    for url in made:
        server.drop_database(url)


@pytest.fixture
def fresh_database_url() -> FreshDatabaseUrl:
    """SQLite only; see the module docstring for running a folder on both."""
    return sqlite_url
