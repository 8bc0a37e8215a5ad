"""Fetch a page the merchant names, without letting the URL reach inside our own network.

Server-side request forgery guard: http(s) only, no credentials in the URL, every address
the host resolves to must be public (no loopback, private, link-local — cloud metadata
lives at 169.254.169.254 — multicast or reserved ranges), redirects are followed by hand
and each hop is checked again, and the body is capped while it streams.
Residual risk: DNS may answer differently between our check and httpx's connect (DNS
rebinding); deployments that care add an egress proxy.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import httpx

MAX_PAGE_BYTES = 5 * 1024 * 1024
FETCH_TIMEOUT_S = 15.0
MAX_REDIRECTS = 5
ACCEPTED_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "text/markdown", "application/pdf")

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[[str, int], list[str]]


class FetchError(ValueError):
    """A URL we will not or cannot fetch; the message says which and why."""


@dataclass(frozen=True, slots=True)
class FetchedPage:
    url: str  # after redirects
    content_type: str
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode(_charset(self.content_type) or "utf-8", errors="replace")


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.lower() == "charset" and value:
            return value.strip("\"' ")
    return None


def _size(n: int) -> str:
    return f"{n / (1024 * 1024):g} MB" if n >= 1024 * 1024 else f"{n / 1024:g} KB"


def _system_resolver(host: str, port: int) -> list[str]:
    return [str(info[4][0]) for info in socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)]


@dataclass(frozen=True)
class UrlPolicy:
    """Which URLs may be fetched. `allow_networks` (CIDRs) opens private ranges on purpose,
    e.g. a shop's intranet wiki, or a test server on 127.0.0.1."""

    allow_networks: Sequence[str] = ()
    max_bytes: int = MAX_PAGE_BYTES
    timeout_s: float = FETCH_TIMEOUT_S
    resolver: Resolver = _system_resolver

    def check(self, url: str) -> None:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https"):
            raise FetchError(f"{url}: only http:// and https:// addresses can be imported")
        if not parts.hostname:
            raise FetchError(f"{url}: no host name in the address")
        if parts.username or parts.password:
            raise FetchError(f"{url}: addresses with a user name or password are not fetched")
        try:
            port = parts.port or (443 if parts.scheme == "https" else 80)
        except ValueError as exc:
            raise FetchError(f"{url}: invalid port") from exc
        try:
            addresses = [ipaddress.ip_address(a.split("%")[0]) for a in self.resolver(parts.hostname, port)]
        except (OSError, ValueError) as exc:
            raise FetchError(f"{url}: the host {parts.hostname} cannot be found") from exc
        if not addresses:
            raise FetchError(f"{url}: the host {parts.hostname} cannot be found")
        for address in addresses:
            if not self._allowed(address):
                raise FetchError(f"{url}: {parts.hostname} is a private or local address ({address}); "
                                 "only public web pages can be imported")

    def _allowed(self, address: IPAddress) -> bool:
        if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
            address = address.ipv4_mapped
        if any(address in ipaddress.ip_network(net, strict=False) for net in self.allow_networks):
            return True
        return address.is_global and not (address.is_multicast or address.is_reserved)


def fetch_page(url: str, policy: UrlPolicy | None = None) -> FetchedPage:
    """GET `url` under `policy`; raises FetchError with a message for the merchant."""
    policy = policy or UrlPolicy()
    current = url.strip()
    with httpx.Client(timeout=policy.timeout_s, follow_redirects=False, trust_env=False,
                      headers={"User-Agent": "MarketplaceCopilot-KnowledgeImport/1.0"}) as client:
        for _ in range(MAX_REDIRECTS + 1):
            policy.check(current)
            try:
                with client.stream("GET", current) as response:
                    if response.is_redirect:
                        location = response.headers.get("location", "")
                        if not location:
                            raise FetchError(f"{current}: redirect without a target")
                        current = urljoin(current, location)
                        continue
                    if response.status_code >= 400:
                        raise FetchError(f"{current}: the server answered HTTP {response.status_code}")
                    content_type = response.headers.get("content-type", "text/html")
                    if content_type.split(";")[0].strip().lower() not in ACCEPTED_TYPES:
                        raise FetchError(f"{current}: {content_type.split(';')[0]} is not a web page, text or PDF")
                    too_big = FetchError(f"{current}: larger than the {_size(policy.max_bytes)} import limit")
                    declared = response.headers.get("content-length")
                    if declared and declared.isdigit() and int(declared) > policy.max_bytes:
                        raise too_big
                    body = bytearray()
                    for piece in response.iter_bytes():
                        body += piece
                        if len(body) > policy.max_bytes:
                            raise too_big
                    return FetchedPage(url=current, content_type=content_type, body=bytes(body))
            except httpx.TimeoutException as exc:
                raise FetchError(f"{current}: no answer within {policy.timeout_s:.0f} s") from exc
            except httpx.HTTPError as exc:
                raise FetchError(f"{current}: could not be fetched ({exc.__class__.__name__})") from exc
    raise FetchError(f"{url}: more than {MAX_REDIRECTS} redirects")
