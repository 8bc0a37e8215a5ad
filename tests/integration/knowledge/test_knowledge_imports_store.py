"""A second store's exports imported through the console's service into real Chroma and SQLite, then asked."""

from __future__ import annotations

import shutil
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from app.errors import InvalidInputError
from app.services.knowledge_admin import KnowledgeAdmin
from app.store.db import Database
from knowledge.retriever import Retriever
from knowledge.store import KnowledgeStore
from knowledge.web import UrlPolicy
from tests.support.fixtures_knowledge import MemoEmbedder

pytestmark = pytest.mark.integration

IMPORTS = Path(__file__).resolve().parents[2] / "data" / "imports"
FILES = ("shopify_products.csv", "woocommerce_products.csv", "aurora_x2_manual.pdf", "merino_care_guide.docx",
         "faq.html")


def _admin(tmp_path: Path, embedder: MemoEmbedder, policy: UrlPolicy) -> KnowledgeAdmin:
    db = Database(f"sqlite:///{tmp_path / 'copilot.db'}")
    db.create_schema()
    store = KnowledgeStore(embedder, path=tmp_path / "chroma")
    return KnowledgeAdmin(db, store, Retriever(embedder, store), tmp_path / "corpus", tmp_path / "uploads",
                          currency="EUR", url_policy=policy)


@pytest.fixture
def admin(tmp_path: Path, memo_use_embedder: MemoEmbedder) -> KnowledgeAdmin:
    """Opens loopback on purpose, so the tests' own web server can be imported from."""
    return _admin(tmp_path, memo_use_embedder, UrlPolicy(allow_networks=["127.0.0.1/32"]))


def _top(admin: KnowledgeAdmin, question: str, k: int = 3) -> list[str]:
    return [hit.chunk.id for hit in admin.search(question, k=k)]


def test_every_format_is_indexed_and_answers_variant_questions(admin: KnowledgeAdmin) -> None:
    for name in FILES:
        report = admin.ingest_upload(IMPORTS / name)
        assert report.added > 0 and report.embedded == report.added
    assert {s.source for s in admin.sources()} == {f"uploads/{n}" for n in FILES}

    hoodie_variants = "uploads/shopify_products.csv#fjell-merino-hoodie/variants"
    assert hoodie_variants in _top(admin, "Fjell merino hoodie charcoal size L: what does it cost, is it in stock?")
    text = next(h.chunk.text for h in admin.search("Fjell hoodie variants price", k=5) if h.chunk.id == hoodie_variants)
    assert ("Variant Color: Charcoal, Size: L (SKU NV-FMH-CH-L): price 129.00 EUR (was 149.00 EUR), out of stock"
            in text)
    hits = admin.search("Fjell 메리노 후디 차콜 L 사이즈 가격이 얼마예요?", k=3)
    assert any(h.chunk.product_id == "fjell-merino-hoodie" for h in hits)

    pack = admin.search("Ridge daypack blue 28 litres price", k=3)
    assert any(h.chunk.product_id == "NV-RDP" and "price 84.00 EUR (was 95.00 EUR)" in h.chunk.text for h in pack)

    [charging, *_] = admin.search("How many hours does the Aurora X2 headlamp need to charge?", k=3)
    assert charging.chunk.title == "Aurora X2 Headlamp user manual — 2 Charging, p. 2"

    assert any("Drying" in h.chunk.title for h in admin.search("Can I tumble dry merino?", k=3))


def test_reimport_is_idempotent_and_a_bad_file_changes_nothing(admin: KnowledgeAdmin, tmp_path: Path) -> None:
    first = admin.ingest_upload(IMPORTS / "shopify_products.csv")
    again = admin.ingest_upload(IMPORTS / "shopify_products.csv")
    assert (again.added, again.updated, again.embedded, again.unchanged) == (0, 0, 0, first.added)

    # A price change re-embeds only the chunk that states it.
    edited = tmp_path / "in" / "shopify_products.csv"
    edited.parent.mkdir()
    edited.write_text((IMPORTS / "shopify_products.csv").read_text(encoding="utf-8").replace("34.90", "29.90"),
                      encoding="utf-8")
    changed = admin.ingest_upload(edited)
    assert (changed.updated, changed.embedded) == (1, 1)

    before = {s.source: s.chunks for s in admin.sources()}
    kept = (tmp_path / "uploads" / "shopify_products.csv").read_bytes()
    edited.write_text(edited.read_text(encoding="utf-8").replace("119.00", "n/a", 1), encoding="utf-8")
    with pytest.raises(InvalidInputError, match=r"shopify_products\.csv row 2: 'n/a' is not an amount"):
        admin.ingest_upload(edited)
    assert {s.source: s.chunks for s in admin.sources()} == before
    assert (tmp_path / "uploads" / "shopify_products.csv").read_bytes() == kept


def test_catalog_lists_uploaded_products_with_their_variants(admin: KnowledgeAdmin) -> None:
    admin.ingest_upload(IMPORTS / "woocommerce_products.csv")
    admin.ingest_upload(IMPORTS / "faq.html")
    catalog = admin.catalog()
    assert list(catalog) == ["uploads/woocommerce_products.csv"]
    pack = next(p for p in catalog["uploads/woocommerce_products.csv"] if p["id"] == "NV-RDP")
    assert pack["currency"] == "EUR"
    assert {v["sku"]: v.get("stock") for v in pack["variants"]} == {
        "NV-RDP-BL-20": 14, "NV-RDP-RD-20": 0, "NV-RDP-BL-28": 5}


def test_scanned_pdf_is_refused_and_nothing_is_indexed(admin: KnowledgeAdmin) -> None:
    with pytest.raises(InvalidInputError, match="no text layer.*scanned PDF"):
        admin.ingest_upload(IMPORTS / "scanned_manual.pdf")
    assert admin.sources() == []


def test_delete_source_removes_chunks_and_the_kept_copy(admin: KnowledgeAdmin, tmp_path: Path) -> None:
    report = admin.ingest_upload(IMPORTS / "faq.html")
    assert admin.delete_source("uploads/faq.html") == report.added
    assert admin.sources() == [] and not (tmp_path / "uploads" / "faq.html").exists()
    assert admin.search("Do you ship to South Korea?") == []


def test_mapped_table_preview_then_import(admin: KnowledgeAdmin, tmp_path: Path) -> None:
    path = tmp_path / "in" / "stock_list.csv"
    path.parent.mkdir()
    shutil.copy(IMPORTS / "shopify_products.csv", tmp_path / "in" / "shopify_products.csv")
    assert admin.preview_table(tmp_path / "in" / "shopify_products.csv").recognised == "Shopify products"
    path.write_text("item_id;product_name;unit_price;qty\nGS-1;Gas stove;45,00;4\nGS-2;Gas canister;6,50;120\n",
                    encoding="utf-8")
    preview = admin.preview_table(path)
    assert preview.recognised is None and preview.rows[0] == ("GS-1", "Gas stove", "45,00", "4")
    rows = admin.mapping_rows(preview.suggested)
    assert ["id", "item_id"] in rows and ["price", "unit_price"] in rows
    with pytest.raises(InvalidInputError, match="stock_list.csv"):
        admin.ingest_upload(path)  # unrecognised without a mapping
    admin.ingest_upload(path, mapping=admin.mapping_from_rows("products", rows))
    assert (tmp_path / "uploads" / "stock_list.csv.mapping.json").is_file()
    stove = [h for h in admin.search("gas stove price", k=3) if h.chunk.product_id == "GS-1"]
    assert stove and "Price: 45.00 EUR" in stove[0].chunk.text


class _FaqPage(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802
        body = (IMPORTS / "faq.html").read_bytes()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def faq_site() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _FaqPage)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_import_a_page_by_url(admin: KnowledgeAdmin, faq_site: str, tmp_path: Path,
                              memo_use_embedder: MemoEmbedder) -> None:
    source, report = admin.ingest_url(f"{faq_site}/pages/faq?utm=x")
    assert source == "web/127.0.0.1/pages/faq" and report.added == 3
    _, again = admin.ingest_url(f"{faq_site}/pages/faq")
    assert (again.unchanged, again.embedded) == (3, 0)
    assert "Korea" in admin.search("shipping to South Korea", k=1)[0].chunk.title

    closed = _admin(tmp_path / "default", memo_use_embedder, UrlPolicy())
    with pytest.raises(InvalidInputError, match="private or local address"):
        closed.ingest_url(f"{faq_site}/pages/faq")
