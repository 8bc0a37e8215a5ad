"""Importing a page by URL: public pages only (SSRF guard), redirects re-checked, size capped — against a real
HTTP server on loopback that tests open on purpose with `allow_networks`."""

from __future__ import annotations

import shutil
import ssl
import subprocess
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from knowledge.corpus_loader import page_chunks, url_source_name
from knowledge.web import FetchError, UrlPolicy, fetch_page

pytestmark = pytest.mark.unit

FAQ_HTML = (Path(__file__).resolve().parents[2] / "data" / "imports" / "faq.html").read_bytes()
LOOPBACK = UrlPolicy(allow_networks=["127.0.0.1/32"])


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        routes = {
            "/faq": (200, "text/html; charset=utf-8", FAQ_HTML),
            "/big": (200, "text/html", b"<p>" + b"x" * (64 * 1024) + b"</p>"),
            "/image": (200, "image/png", b"\x89PNG"),
            "/missing": (404, "text/html", b"no"),
        }
        if self.path == "/host":  # which name the request carried, and that it reached this (loopback) server
            routes["/host"] = (200, "text/plain", f"host={self.headers.get('Host')}".encode())
        if self.path == "/drip":  # a server that never stops sending, slowly
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            for _ in range(40):
                self.wfile.write(b"x" * 64)
                self.wfile.flush()
                time.sleep(0.1)
            return
        if self.path.startswith("/redirect-to-"):
            self.send_response(302)
            self.send_header("Location", self.path.removeprefix("/redirect-to-").replace("~", "/"))
            self.end_headers()
            return
        status, kind, body = routes.get(self.path, (404, "text/plain", b""))
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.mark.parametrize(("url", "reason"), [
    ("file:///etc/passwd", "only http:// and https://"),
    ("ftp://example.com/faq", "only http:// and https://"),
    ("http://127.0.0.1:9/faq", "private or local address"),
    ("http://localhost/faq", "private or local address"),
    ("http://[::1]/faq", "private or local address"),
    ("http://169.254.169.254/latest/meta-data/", "private or local address"),
    ("http://10.1.2.3/", "private or local address"),
    ("http://192.168.0.10/", "private or local address"),
    ("http://[::ffff:127.0.0.1]/", "private or local address"),
    ("http://user:secret@example.com/", "user name or password"),
    ("http:///nohost", "no host name"),
])
def test_non_public_addresses_are_refused_before_any_connection(url: str, reason: str) -> None:
    with pytest.raises(FetchError, match=reason):
        fetch_page(url)


def test_a_name_resolving_to_a_private_address_is_refused() -> None:
    policy = UrlPolicy(resolver=lambda host, port: ["93.184.216.34", "10.0.0.5"])
    with pytest.raises(FetchError, match=r"shop\.example is a private or local address \(10\.0\.0\.5\)"):
        policy.check("https://shop.example/faq")


def test_loopback_is_closed_by_default_even_for_our_own_server(server: str) -> None:
    with pytest.raises(FetchError, match="private or local"):
        fetch_page(f"{server}/faq")


def test_fetch_and_chunk_an_allowed_page(server: str) -> None:
    page = fetch_page(f"{server}/faq", LOOPBACK)
    assert page.content_type.startswith("text/html")
    source = url_source_name(page.url)
    assert source == "web/127.0.0.1/faq"
    chunks = page_chunks(page, source)
    assert any("Do you ship to South Korea?" in c.title for c in chunks)


def test_redirects_are_checked_hop_by_hop(server: str) -> None:
    page = fetch_page(f"{server}/redirect-to-~faq", LOOPBACK)
    assert page.url == f"{server}/faq"
    with pytest.raises(FetchError, match=r"169\.254\.169\.254 is a private or local address"):
        fetch_page(f"{server}/redirect-to-http:~~169.254.169.254~latest~meta-data", LOOPBACK)


def test_size_type_and_status_limits(server: str) -> None:
    small = UrlPolicy(allow_networks=["127.0.0.1/32"], max_bytes=16 * 1024)
    with pytest.raises(FetchError, match="larger than"):
        fetch_page(f"{server}/big", small)
    with pytest.raises(FetchError, match="image/png is not a web page"):
        fetch_page(f"{server}/image", LOOPBACK)
    with pytest.raises(FetchError, match="HTTP 404"):
        fetch_page(f"{server}/missing", LOOPBACK)


def test_the_connection_goes_to_the_address_that_was_checked(server: str) -> None:
    """DNS rebinding: the name is resolved once per hop and the request is sent to that address, so a second,
    different DNS answer (here: a private one) is never used. The name still travels in the Host header."""
    port = server.rsplit(":", 1)[1]
    answers = iter([["127.0.0.1"], ["10.0.0.5"]])
    asked: list[str] = []

    def rebinding(host: str, _port: int) -> list[str]:
        asked.append(host)
        return next(answers)

    policy = UrlPolicy(allow_networks=["127.0.0.1/32"], resolver=rebinding)
    page = fetch_page(f"http://shop.test:{port}/host", policy)
    assert page.text == f"host=shop.test:{port}" and asked == ["shop.test"]


def test_a_redirect_to_a_name_that_resolves_inside_is_refused(server: str) -> None:
    names = {"127.0.0.1": ["127.0.0.1"], "metadata.test": ["169.254.169.254"]}
    policy = UrlPolicy(allow_networks=["127.0.0.1/32"], resolver=lambda host, _port: names[host])
    with pytest.raises(FetchError, match=r"metadata\.test is a private or local address \(169\.254\.169\.254\)"):
        fetch_page(f"{server}/redirect-to-http:~~metadata.test~latest", policy)


def test_a_page_that_never_finishes_is_cut_off(server: str) -> None:
    policy = UrlPolicy(allow_networks=["127.0.0.1/32"], total_timeout_s=0.3)
    with pytest.raises(FetchError, match="not fetched within"):
        fetch_page(f"{server}/drip", policy)


@pytest.fixture(scope="module")
def tls_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, ssl.SSLContext]]:
    """An HTTPS server on loopback whose certificate names only "shop.test" (self-signed, trusted by the client)."""
    folder = tmp_path_factory.mktemp("tls")
    key, cert = folder / "key.pem", folder / "cert.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=shop.test",
                    "-addext", "subjectAltName=DNS:shop.test", "-keyout", str(key), "-out", str(cert)],
                   check=True, capture_output=True)  # fmt: skip
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server_side = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server_side.load_cert_chain(cert, key)
    httpd.socket = server_side.wrap_socket(httpd.socket, server_side=True)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield str(httpd.server_address[1]), ssl.create_default_context(cafile=str(cert))
    httpd.shutdown()
    httpd.server_close()


@pytest.mark.skipif(shutil.which("openssl") is None, reason="needs the openssl command to make a certificate")
def test_https_to_the_checked_address_still_verifies_the_certificate_for_the_name(
    tls_server: tuple[str, ssl.SSLContext],
) -> None:
    port, trust = tls_server
    names = {"shop.test": ["127.0.0.1"], "other.test": ["127.0.0.1"]}
    policy = UrlPolicy(allow_networks=["127.0.0.1/32"], resolver=lambda host, _port: names[host], verify=trust)
    page = fetch_page(f"https://shop.test:{port}/host", policy)
    assert page.text == f"host=shop.test:{port}"  # TLS to 127.0.0.1, certificate checked for shop.test
    with pytest.raises(FetchError, match="could not be fetched"):
        fetch_page(f"https://other.test:{port}/host", policy)  # same address, a name the certificate lacks
