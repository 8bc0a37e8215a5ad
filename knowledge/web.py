"""Fetch a page the merchant names, without letting the URL reach inside our own network.

Server-side request forgery guard: http(s) only, no credentials in the URL, every address
the host resolves to must be public (no loopback, private, link-local — cloud metadata
lives at 169.254.169.254 — multicast or reserved ranges), redirects are followed by hand
and each hop is checked again, and the body is capped in size and the whole fetch in time.
The host is resolved once per hop and the connection goes to that checked address (the
name travels in the Host header and TLS SNI, so certificates are still verified against
it): a DNS answer that changes between the check and the connect (rebinding) is never used.
"""

from __future__ import annotations

import ipaddress
import socket
import ssl
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit, urlunsplit

import httpx

MAX_PAGE_BYTES = 5 * 1024 * 1024
FETCH_TIMEOUT_S = 15.0
MAX_REDIRECTS = 5
TOTAL_TIMEOUT_S = 45.0  # the whole fetch, redirects included: a server that drips bytes is cut off
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
    total_timeout_s: float = TOTAL_TIMEOUT_S
    resolver: Resolver = _system_resolver
    # TLS verification: True (system CAs), or an ssl.SSLContext trusting a private CA (an intranet wiki, a test).
    verify: ssl.SSLContext | bool = True

    def check(self, url: str) -> IPAddress:
        """The address to connect to for `url`, once every address its host resolves to is allowed."""
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
        return addresses[0]

    def _allowed(self, address: IPAddress) -> bool:
        if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
            address = address.ipv4_mapped
        if any(address in ipaddress.ip_network(net, strict=False) for net in self.allow_networks):
            return True
        return address.is_global and not (address.is_multicast or address.is_reserved)


def _pinned(url: str, address: IPAddress) -> tuple[str, dict[str, str], dict[str, str]]:
    """(url with the host replaced by the checked address, Host header, TLS SNI extension) for one request."""
    parts = urlsplit(url)
    host = f"[{address}]" if isinstance(address, ipaddress.IPv6Address) else str(address)
    netloc = host + (f":{parts.port}" if parts.port else "")
    hostname = parts.hostname or ""
    host_header = (f"[{hostname}]" if ":" in hostname else hostname) + (f":{parts.port}" if parts.port else "")
    extensions = {"sni_hostname": hostname} if parts.scheme == "https" else {}
    return urlunsplit(parts._replace(netloc=netloc)), {"Host": host_header}, extensions


def fetch_page(url: str, policy: UrlPolicy | None = None) -> FetchedPage:
    """GET `url` under `policy`; raises FetchError with a message for the merchant."""
    policy = policy or UrlPolicy()
    current = url.strip()
    deadline = time.monotonic() + policy.total_timeout_s
    slow = FetchError(f"{url}: not fetched within {policy.total_timeout_s:.0f} s")
    with httpx.Client(timeout=policy.timeout_s, follow_redirects=False, trust_env=False, verify=policy.verify,
                      headers={"User-Agent": "MarketplaceCopilot-KnowledgeImport/1.0"}) as client:
        for _ in range(MAX_REDIRECTS + 1):
            target, headers, extensions = _pinned(current, policy.check(current))
            try:
                request = client.build_request("GET", target, headers=headers, extensions=extensions)
                response = client.send(request, stream=True)
                try:
                    if response.is_redirect:
                        location = response.headers.get("location", "")
                        if not location:
                            raise FetchError(f"{current}: redirect without a target")
                        current = urljoin(current, location)  # against the name, not the pinned address
                        if time.monotonic() > deadline:
                            raise slow
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
                        if time.monotonic() > deadline:
                            raise slow
                    return FetchedPage(url=current, content_type=content_type, body=bytes(body))
                finally:
                    response.close()
            except httpx.TimeoutException as exc:
                raise FetchError(f"{current}: no answer within {policy.timeout_s:.0f} s") from exc
            except httpx.HTTPError as exc:
                raise FetchError(f"{current}: could not be fetched ({exc.__class__.__name__})") from exc
    raise FetchError(f"{url}: more than {MAX_REDIRECTS} redirects")
