"""App-level fixtures: real SQLite, real Chroma (demo corpus indexed once per session), real server."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from gradio_client import Client

from app.server import BackgroundServer, create_app
from app.services.auth import MerchantCredentials, hash_password
from app.settings import Settings
from app.wiring import Services, build_services
from models.types import ChatModel
from models.vllm_server import find_free_port
from tests.support.fixtures_db import FreshDatabaseUrl

MERCHANT_USER = "merchant"
MERCHANT_PASSWORD = "test-merchant-password"


free_port = find_free_port


def make_settings(data_dir: Path, **overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "data_dir": data_dir,
        "chat_backend": "none",
        "vision_backend": "none",
        "seed_demo_data": True,
    }
    values.update(overrides)
    return Settings(**values)


@pytest.fixture(scope="session")
def indexed_data_dir(tmp_path_factory: pytest.TempPathFactory, use_embedder: Any) -> Path:
    """A data dir whose Chroma index holds the demo corpus; tests copy it instead of re-embedding."""
    data_dir = tmp_path_factory.mktemp("indexed-data")
    services = build_services(make_settings(data_dir), embedder=use_embedder, start_models=False)
    services.knowledge_admin.ingest_corpus()
    services.close()
    return data_dir


@pytest.fixture
def make_services(
    tmp_path: Path, indexed_data_dir: Path, use_embedder: Any, fresh_database_url: FreshDatabaseUrl
) -> Iterator[Callable[..., Services]]:
    """Factory: fresh database (SQLite, or Postgres where the folder runs both) + a copy of the indexed
    knowledge, with the chat/vision models you pass."""
    built: list[Services] = []

    def factory(
        chat_model: ChatModel | None = None, vision_model: ChatModel | None = None, **overrides: Any
    ) -> Services:
        data_dir = tmp_path / f"data{len(built)}"
        shutil.copytree(indexed_data_dir / "chroma", data_dir / "chroma")
        overrides.setdefault("database_url", fresh_database_url(data_dir / "copilot.db"))
        services = build_services(
            make_settings(data_dir, **overrides),
            chat_model=chat_model,
            vision_model=vision_model,
            embedder=use_embedder,
            start_models=False,
        )
        built.append(services)
        return services

    yield factory
    for services in built:
        services.close()


@pytest.fixture
def merchant_credentials() -> MerchantCredentials:
    return MerchantCredentials(MERCHANT_USER, hash_password(MERCHANT_PASSWORD, iterations=1_000))


@pytest.fixture
def run_app(merchant_credentials: MerchantCredentials) -> Iterator[Callable[[Services], str]]:
    """Factory: serve the real ASGI app (console + widget + API) on a free loopback port; returns its URL."""
    servers: list[BackgroundServer] = []

    def factory(services: Services) -> str:
        server = BackgroundServer(
            create_app(services, merchant_credentials), port=free_port(), keep_alive_s=services.settings.http_keep_alive_s
        ).start()
        servers.append(server)
        return server.url

    yield factory
    for server in servers:
        server.stop()


@pytest.fixture
def empty_shop_console(
    tmp_path: Path, use_embedder: Any, run_app: Callable[[Services], str]
) -> Iterator[tuple[Services, Client]]:
    """A shop with no demo data, served for real, and the merchant's logged-in console client."""
    services = build_services(make_settings(tmp_path / "data", seed_demo_data=False), embedder=use_embedder,
                              start_models=False)  # fmt: skip
    console = Client(run_app(services), auth=(MERCHANT_USER, MERCHANT_PASSWORD), verbose=False)
    yield services, console
    console.close()
    services.close()


def ask_new_buyer(services: Services, question: str) -> str:
    """A buyer's first question in a fresh chat session; the reply text."""
    chat = services.buyer_chat
    return chat.reply(chat.new_session(), question).text
