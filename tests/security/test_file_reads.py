"""No client-named path is ever read or served, on any event of either mounted app, and each app serves only its
own files (issue: a Chatbot history naming the database served it to anyone)."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
from gradio.utils import get_upload_folder

from tests.security.conftest import Target, gradio_call, write_secret

pytestmark = pytest.mark.security

FILE_URL = re.compile(r"(?:https?://[^\s\"']+)?/(?:widget/)?gradio_api/file=[^\s\"'\\]+")


def _file_data(path: Path) -> dict[str, Any]:
    return {"path": str(path), "orig_name": path.name, "meta": {"_type": "gradio.FileData"}}


def _hostile_value(component_type: str, path: Path) -> Any:
    """What a client could send for this input, naming a server file."""
    if component_type == "chatbot":
        return [
            {"role": "user", "content": [{"type": "file", "file": _file_data(path)}]},
            {"role": "assistant", "content": _file_data(path)},
        ]
    if component_type in ("gallery", "files"):
        return [_file_data(path)]
    return _file_data(path)


def _config(client: httpx.Client, prefix: str) -> dict[str, Any]:
    response = client.get(f"{prefix}/config")
    assert response.status_code == 200, response.text
    return dict(response.json())


def _attack_every_event(client: httpx.Client, prefix: str, secret: Path) -> list[str]:
    """Sends every event of the app, every input naming `secret`; returns the text of everything that came back."""
    config = _config(client, prefix)
    types = {c["id"]: c["type"] for c in config["components"]}
    replies = []
    attacked = 0
    for index, dependency in enumerate(config["dependencies"]):
        inputs = dependency.get("inputs") or []
        if not inputs:
            continue
        fn_index = dependency.get("id", index)
        data = [_hostile_value(types.get(i, ""), secret) for i in inputs]
        replies.append(json.dumps(gradio_call(client, prefix, fn_index, data)))
        attacked += 1
    assert attacked >= 3, f"{prefix or '/'}: expected events with inputs to attack"
    return replies


def _served(client: httpx.Client, base: str, replies: list[str], secret: Path) -> list[str]:
    """URLs (named in the replies, or the obvious ones) that hand out the secret's content."""
    marker = secret.read_text(encoding="utf-8").strip()
    candidates = {m for reply in replies for m in FILE_URL.findall(reply.replace("\\/", "/"))}
    candidates |= {f"/gradio_api/file={secret}", f"/widget/gradio_api/file={secret}"}
    leaks = []
    for url in sorted(candidates):
        response = client.get(url if url.startswith("http") else f"{base}{url}")
        if response.status_code == 200 and marker in response.text:
            leaks.append(url)
    return leaks


def _copies(roots: list[Path], secret: Path) -> list[Path]:
    """Files holding the secret's content other than the secret itself (copied into a cache or a case)."""
    marker = secret.read_text(encoding="utf-8").strip()
    found = []
    for root in roots:
        for path in root.rglob("*") if root.is_dir() else []:
            if path.is_file() and path != secret and path.stat().st_size < 1_000_000:
                try:
                    if marker in path.read_text(encoding="utf-8", errors="ignore"):
                        found.append(path)
                except OSError:
                    continue
    return found


@pytest.mark.parametrize("where", ["data_dir", "outside"])
def test_no_event_of_the_widget_reads_a_path_the_client_names(
    launch: Callable[..., Target], tmp_path: Path, where: str
) -> None:
    target = launch()
    folder = target.services.settings.data_dir if where == "data_dir" else tmp_path / "elsewhere"
    secret, marker = write_secret(folder)
    with httpx.Client(base_url=target.url, timeout=60) as stranger:
        replies = _attack_every_event(stranger, "/widget", secret)
        assert any("not uploaded by a user" in r or "blocked_paths" in r for r in replies), (
            "at least one event (the refund form's files) must have tried and been refused; else the attack hit nothing"
        )
        assert not any(marker in r for r in replies)
        assert _served(stranger, target.url, replies, secret) == []
    assert _copies([target.services.settings.data_dir, Path(get_upload_folder())], secret) == []


def test_no_event_of_the_console_reads_a_path_the_client_names(launch: Callable[..., Target], tmp_path: Path) -> None:
    target = launch()
    secret, marker = write_secret(tmp_path / "elsewhere")
    merchant = target.merchant()
    replies = _attack_every_event(merchant, "", secret)
    assert any("not uploaded by a user" in r for r in replies)
    assert not any(marker in r for r in replies)
    assert _served(merchant, target.url, replies, secret) == []
    assert _copies([target.services.settings.data_dir, Path(get_upload_folder())], secret) == []
    merchant.close()


def _upload(client: httpx.Client, prefix: str, name: str, content: bytes) -> str:
    response = client.post(f"{prefix}/gradio_api/upload", files={"files": (name, content, "text/plain")})
    assert response.status_code == 200, response.text
    [path] = response.json()
    return str(path)


def test_each_mount_serves_only_its_own_uploads(launch: Callable[..., Target]) -> None:
    target = launch()
    merchant = target.merchant()
    with httpx.Client(base_url=target.url, timeout=30) as stranger:
        buyer_file = _upload(stranger, "/widget", "buyer.txt", b"buyer-upload-content")
        merchant_file = _upload(merchant, "", "merchant.txt", b"merchant-upload-content")
        assert Path(buyer_file).parent.parent.name != Path(merchant_file).parent.parent.name or (
            Path(buyer_file).parts[:-2] != Path(merchant_file).parts[:-2]
        )
        # Each app serves its own upload (so the refusals below are not a wrong URL)...
        assert stranger.get(f"/widget/gradio_api/file={buyer_file}").content == b"buyer-upload-content"
        assert merchant.get(f"/gradio_api/file={merchant_file}").content == b"merchant-upload-content"
        # ...and never the other app's.
        assert stranger.get(f"/widget/gradio_api/file={merchant_file}").status_code in (403, 404)
        assert merchant.get(f"/gradio_api/file={buyer_file}").status_code in (403, 404)
        # A buyer event naming the merchant's upload is refused like any other server path.
        refused = gradio_call(stranger, "/widget", _file_event(stranger, "/widget"), [_hostile_value("file", Path(merchant_file))] * 8)
        assert "merchant-upload-content" not in json.dumps(refused)
    merchant.close()


def _file_event(client: httpx.Client, prefix: str) -> int:
    config = _config(client, prefix)
    files = {c["id"] for c in config["components"] if c["type"] in ("file", "image", "video", "files")}
    for index, dependency in enumerate(config["dependencies"]):
        if files & set(dependency.get("inputs") or []):
            return int(dependency.get("id", index))
    raise AssertionError("the widget has an event taking files (the refund form)")


def test_console_serves_evidence_and_documents_but_nothing_else_of_the_data_dir(launch: Callable[..., Target]) -> None:
    target = launch()
    settings = target.services.settings
    evidence = target.services.files.put(b"\x89PNG evidence", mime="image/png", kind="evidence", suffix=".png").path
    merchant = target.merchant()
    assert merchant.get(f"/gradio_api/file={evidence}").status_code == 200
    for private in [settings.data_dir / "copilot.db", *settings.data_dir.glob("*.db*")]:
        if private.exists():
            assert merchant.get(f"/gradio_api/file={private}").status_code in (403, 404), private
    secret, _ = write_secret(settings.data_dir / "models")
    assert merchant.get(f"/gradio_api/file={secret}").status_code in (403, 404)
    with httpx.Client(base_url=target.url, timeout=30) as stranger:
        assert stranger.get(f"/widget/gradio_api/file={evidence}").status_code in (403, 404)
        assert stranger.get(f"/gradio_api/file={evidence}").status_code in (401, 403)
    merchant.close()
