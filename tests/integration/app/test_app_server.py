"""The real app over loopback: the launcher starts, pages load, the named API answers, the console needs a login."""

from __future__ import annotations

import http.client
import os
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from gradio_client import Client

from app.services.auth import hash_password
from tests.support.fixtures_app import MERCHANT_PASSWORD, MERCHANT_USER, free_port

pytestmark = pytest.mark.integration

REPO = Path(__file__).resolve().parents[3]


def test_launcher_serves_console_widget_and_api(tmp_path: Path) -> None:
    port = free_port()
    env = {
        **os.environ,
        "MC_PORT": str(port),
        "MC_DATA_DIR": str(tmp_path / "data"),
        "MC_CHAT_BACKEND": "none",
        "MC_SEED_DEMO_DATA": "true",
        "MC_MERCHANT_PASSWORD_HASH": hash_password(MERCHANT_PASSWORD, iterations=1_000),
    }
    process = subprocess.Popen(
        [sys.executable, "app.py"], cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 180
        while True:
            assert process.poll() is None, process.stdout.read() if process.stdout else "app exited"
            try:
                if httpx.get(f"{url}/healthz", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, "app did not come up in 180 s"
            time.sleep(0.5)
        health = httpx.get(f"{url}/healthz").json()
        assert health["knowledge_chunks"] > 100, "the demo store's knowledge is indexed at start-up"
        assert httpx.get(f"{url}/widget/").status_code == 200
        # The console and its API are closed to anonymous callers, open to the merchant.
        assert httpx.get(f"{url}/gradio_api/info").status_code == 401
        client = Client(url, auth=(MERCHANT_USER, MERCHANT_PASSWORD), verbose=False)
        assert "/status" in client.view_api(print_info=False, return_format="dict")["named_endpoints"]
        client.close()
        with httpx.Client(base_url=url) as merchant:
            assert merchant.post("/login", data={"username": MERCHANT_USER, "password": MERCHANT_PASSWORD}).status_code == 200
            assert "Marketplace Copilot" in merchant.get("/config").text
        _assert_idle_connection_is_kept(port)
    finally:
        process.terminate()
        output, _ = process.communicate(timeout=30)
    assert f"http://127.0.0.1:{port}/widget/" in output


def _assert_idle_connection_is_kept(port: int) -> None:
    """A buyer who reads a reply and types the next message a few seconds later reuses the same connection. With
    uvicorn's 5 s default the server closed it just as clients (httpx's keep-alive is also 5 s) sent on it, and the
    message died with a connection reset under load."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        def healthz() -> None:
            connection.request("GET", "/healthz")
            response = connection.getresponse()  # RemoteDisconnected if the server closed the idle connection
            assert response.status == 200 and b'"ok":true' in response.read()

        healthz()
        first_socket = connection.sock
        time.sleep(6)  # longer than the old 5 s keep-alive
        healthz()
        assert connection.sock is first_socket, "the second reply came on a new connection"
    finally:
        connection.close()


def test_console_api_answers_a_logged_in_merchant(make_services, run_app) -> None:
    url = run_app(make_services())
    client = Client(url, auth=(MERCHANT_USER, MERCHANT_PASSWORD), verbose=False)
    rows = client.predict("¿Qué monitor tiene 240 Hz?", api_name="/knowledge_search")
    titles = [row[1] for row in rows["data"]]
    assert any("240" in title for title in titles[:3]), titles
    status_markdown, status_table = client.predict(api_name="/status")
    components = {row[0]: row for row in status_table["data"]}
    assert components["Knowledge index"][2] == "ok"
    assert components["Vision model"][2] == "off"
    assert "manual review" in status_markdown


def test_wrong_password_is_refused(make_services, run_app) -> None:
    url = run_app(make_services())
    response = httpx.post(f"{url}/login", data={"username": MERCHANT_USER, "password": "wrong"})
    assert response.status_code == 400
    with pytest.raises(ValueError):
        Client(url, auth=(MERCHANT_USER, "wrong"), verbose=False)
