"""Loading merchant-uploaded files, content hashing, and the package's import rules."""

from __future__ import annotations

import ast
import dataclasses
from pathlib import Path

import pytest

from knowledge.corpus_loader import KnowledgeFormatError, iter_corpus_files, load_file
from knowledge.embedders import SentenceTransformerEmbedder, build_embedder, default_prefixes
from knowledge.types import Chunk, UpsertReport, content_hash

pytestmark = pytest.mark.unit

PACKAGE = Path(__file__).resolve().parents[3] / "knowledge"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# --- content hashing -------------------------------------------------------------------


def test_content_hash_is_sha256_of_the_text_and_derived() -> None:
    chunk = Chunk(id="a#b", text="hello", source="a", title="A", kind="faq")
    assert chunk.content_hash == content_hash("hello")
    assert chunk.content_hash == (
        "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824")
    changed = dataclasses.replace(chunk, text="hello!")
    assert changed.content_hash != chunk.content_hash
    relabelled = dataclasses.replace(chunk, title="Other")
    assert relabelled.content_hash == chunk.content_hash


def test_content_hash_cannot_be_passed_in() -> None:
    with pytest.raises(TypeError):
        Chunk(id="a", text="x", source="a", title="A", kind="faq",  # type: ignore[call-arg]
              content_hash="0" * 64)


def test_chunk_rejects_unknown_kind() -> None:
    with pytest.raises(ValueError, match="kind"):
        Chunk(id="a", text="x", source="a", title="A", kind="blog")  # type: ignore[arg-type]


def test_upsert_reports_add_up() -> None:
    total = UpsertReport(1, 2, 3, 0, 3) + UpsertReport(removed=4, embedded=1)
    assert total == UpsertReport(added=1, updated=2, unchanged=3, removed=4, embedded=4)


# --- uploaded files --------------------------------------------------------------------


def test_upload_yaml_products(tmp_path: Path) -> None:
    path = write(tmp_path / "uploads" / "new.yaml", """
products:
  - id: X-1
    title: Travel Stand
    price: "19.00"
    currency: EUR
    stock: 0
""")
    [chunk] = load_file(path, tmp_path)
    assert chunk.source == "uploads/new.yaml"
    assert chunk.id == "uploads/new.yaml#X-1"
    assert chunk.title == "Travel Stand (X-1)"
    assert "Price: 19.00 EUR" in chunk.text and "Availability: out of stock" in chunk.text


def test_upload_markdown_is_faq_or_policy_by_headings(tmp_path: Path) -> None:
    faq = write(tmp_path / "preguntas.md", "## ¿Envían a Chile?\nSí.\n## ¿Aceptan PayPal?\nSí.\n")
    chunks = load_file(faq, tmp_path, language="es")
    assert [c.kind for c in chunks] == ["faq", "faq"]
    assert chunks[0].title == "FAQ: ¿Envían a Chile?"
    assert all(c.language == "es" for c in chunks)
    assert chunks[0].id.startswith("preguntas.md#")

    policy = write(tmp_path / "policies" / "exchange.md",
                   "# Exchange policy\n## Sizes\nSwap within 14 days.\n")
    [chunk] = load_file(policy, tmp_path)
    assert chunk.kind == "policy" and chunk.title == "Exchange policy — Sizes"


def test_upload_csv_shipping_with_bom(tmp_path: Path) -> None:
    path = tmp_path / "ship.csv"
    path.write_bytes("\ufeffcountry_code,country,carrier,service,days_min,days_max,cost,"
                     "currency,free_over,return_cost\nKR,South Korea,CJ,Std,4,7,9.00,USD,,\n\n"
                     .encode("utf-8"))
    [chunk] = load_file(path, tmp_path)
    assert chunk.kind == "shipping" and chunk.title == "Shipping to South Korea"
    assert "return shipping" not in chunk.text


def test_upload_txt_paragraphs_with_explicit_source(tmp_path: Path) -> None:
    path = write(tmp_path / "elsewhere" / "care_guide.txt", "Wipe dry.\n\nNo alcohol.\n")
    [chunk] = load_file(path, tmp_path / "corpus", source="uploads/care_guide.txt")
    assert chunk.source == "uploads/care_guide.txt"
    assert chunk.id == "uploads/care_guide.txt#part-1"
    assert chunk.title == "care guide" and chunk.text == "Wipe dry.\n\nNo alcohol."


@pytest.mark.parametrize(("name", "content", "message"), [
    ("a.exe", "x", "unsupported file type"),
    ("a.pdf", "x", "not a readable PDF"),
    ("a.yaml", "products: [1, 2]", "products"),
    ("a.yaml", "products:\n  - title: no id\n", "no id"),
    ("a.yaml", "products: [\n", "invalid YAML"),
    ("a.csv", "name,price\nx,1\n", "country_code"),
])
def test_bad_uploads_fail_with_a_clear_message(tmp_path: Path, name: str, content: str,
                                               message: str) -> None:
    path = write(tmp_path / name, content)
    with pytest.raises(KnowledgeFormatError, match=message):
        load_file(path, tmp_path)


def test_non_utf8_upload_is_a_format_error(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("café".encode("latin-1"))
    with pytest.raises(KnowledgeFormatError, match="UTF-8"):
        load_file(path, tmp_path)


def test_corpus_walk_skips_readme_orders_and_hidden(tmp_path: Path) -> None:
    for name in ("README.md", "orders.json", ".hidden/x.md", "faq.md", "policies/a.md",
                 "img.png"):
        write(tmp_path / name, "## Q?\nA.\n")
    found = [p.relative_to(tmp_path).as_posix() for p in iter_corpus_files(tmp_path)]
    assert found == ["faq.md", "policies/a.md"]


# --- embedder factory (no model is loaded here) ----------------------------------------


def test_build_embedder_kinds() -> None:
    use = build_embedder("use-multilingual")
    assert use.name == "use-multilingual-v3" and use.dimension == 512
    st = build_embedder("sentence-transformers", "intfloat/multilingual-e5-base")
    assert isinstance(st, SentenceTransformerEmbedder)
    assert (st.query_prefix, st.document_prefix) == ("query: ", "passage: ")
    assert "query: " in st.name  # prefixes change vectors, so they are part of the name
    with pytest.raises(ValueError, match="model"):
        build_embedder("sentence-transformers")
    with pytest.raises(ValueError, match="unknown"):
        build_embedder("word2vec")  # type: ignore[arg-type]


@pytest.mark.parametrize(("model", "prefixes"), [
    ("intfloat/multilingual-e5-base", ("query: ", "passage: ")),
    ("intfloat/e5-small-v2", ("query: ", "passage: ")),
    ("BAAI/bge-m3", ("", "")),
    ("/models/all-MiniLM-L6-v2", ("", "")),
])
def test_default_prefixes(model: str, prefixes: tuple[str, str]) -> None:
    assert default_prefixes(model) == prefixes


# --- architecture: knowledge/ imports nothing from app/ or models/ ---------------------


def test_knowledge_imports_nothing_from_app_or_models() -> None:
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module]
            offenders += [f"{path.name}: {n}" for n in names
                          if n.split(".")[0] in ("app", "models")]
    assert offenders == []
