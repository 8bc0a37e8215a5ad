"""Retrieval latency: `Retriever.search()` (embed the question + Chroma query through our
store) against a raw Chroma `collection.query()` with a precomputed vector, on synthetic
stores of 1k / 10k / 100k chunks (the demo chunks plus synthetic product variants).

    python -m app.bench retrieval --quick            # 1k and 10k chunks
    python -m app.bench retrieval --sizes 1000,100000
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

DESCRIPTION = __doc__
DEFAULT_SIZES = (1_000, 10_000, 100_000)
QUICK_SIZES = (1_000, 10_000)
CORPUS_DIR = Path(__file__).resolve().parents[2] / "knowledge" / "corpus"

# Buyer questions in the 14 chat languages, cycled to the requested query count.
QUESTIONS = (
    "What is the response time of the 240 Hz gaming monitor?",
    "Will the triple display laptop extender fit my 16 inch laptop?",
    "这款240Hz的电竞便携显示器响应时间是多少？",
    "65W氮化镓USB-C充电器可以给笔记本充电吗？",
    "¿Qué resolución tiene la pantalla portátil OLED 4K?",
    "¿Cuánto cuesta el envío a España?",
    "Quel poids maximum supporte le bras de bureau pour écran portable ?",
    "Kann ich den 10,1-Zoll-Mini-Monitor auf ein Stativ schrauben?",
    "Quante porte USB ha il mini dock TV per Switch e Steam Deck?",
    "O cabo de carregamento USB-C de 100 W transmite vídeo?",
    "Hoeveel weegt de draagbare monitor van 18,5 inch?",
    "Czy przenośny monitor 17,3 cala 144 Hz ma wbudowaną podstawkę?",
    "Какие вилки идут в комплекте с зарядным устройством GaN на 65 Вт?",
    "Dokunmatik ekranlı 15,6 inç taşınabilir monitör kaç noktalı dokunmayı destekliyor?",
    "هل تدعم شاشة الألعاب المحمولة بتردد 240 هرتز تقنية المزامنة التكيفية؟",
    "MagSafe対応のスマホマウントはモニターに取り付けられますか？",
    "10.1인치 미니 모니터를 라즈베리 파이에 연결할 수 있나요?",
    "모니터가 파손되어 도착했어요. 환불되나요?",
)

_BRANDS = ("Lumina", "Vistar", "Orbix", "Kestrel", "Novaview", "Tessla", "Arcwave", "Pixen",
           "Brightfold", "Quasar", "Helio", "Zentro", "Mirae", "Sakura", "Nordlys", "Atlas")
_EDITIONS = ("Pro", "Air", "Max", "Lite", "Plus", "Go", "Studio", "Travel", "Gamer", "Slim")
_COLORS = ("black", "silver", "space grey", "white", "blue", "sand", "graphite")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--sizes", default=",".join(map(str, DEFAULT_SIZES)),
                        help="comma-separated store sizes in chunks (default %(default)s)")
    parser.add_argument("--quick", action="store_true",
                        help=f"sizes {','.join(map(str, QUICK_SIZES))}")
    parser.add_argument("--queries", type=int, default=200, help="timed queries per size")
    parser.add_argument("--k", type=int, default=5, help="results per query")
    parser.add_argument("--embedder", default="use-multilingual",
                        choices=("use-multilingual", "sentence-transformers"))
    parser.add_argument("--model", help="sentence-transformers model name or path")
    parser.add_argument("--max-embed", type=int, default=10_000,
                        help="embed at most this many texts; beyond it, chunks reuse a real "
                             "vector plus small noise (USE does ~100 long texts/s on 2 busy "
                             "cores; default %(default)s)")
    parser.add_argument("--seed", type=int, default=7)


@dataclass(frozen=True)
class Row:
    size: int
    insert_s: float
    embed: list[float]  # seconds per query
    app: list[float]
    raw: list[float]
    app_filtered: list[float]


def run(args: argparse.Namespace) -> int:
    from knowledge.embedders import build_embedder

    sizes = QUICK_SIZES if args.quick else tuple(int(s) for s in args.sizes.split(",") if s)
    if not sizes or min(sizes) < 1 or args.queries < 1:
        print("error: sizes and --queries must be positive")
        return 2
    embedder = build_embedder(args.embedder, args.model)
    chunks = synthetic_chunks(max(sizes), random.Random(args.seed))

    started = time.perf_counter()
    embedder.embed_query("warm-up")  # model load is not part of the embedding rate
    load_s = time.perf_counter() - started
    n_real = min(len(chunks), max(1, args.max_embed))
    print(f"embedder {embedder.name} ({embedder.dimension}-d) loaded in {load_s:.1f} s; "
          f"embedding {n_real:,} of {len(chunks):,} chunk texts…", flush=True)
    started = time.perf_counter()
    vectors = embed_all(embedder, [c.embedded_text for c in chunks[:n_real]])
    embed_s = time.perf_counter() - started
    print(f"embedded {n_real:,} texts in {embed_s:.1f} s ({n_real / embed_s:,.0f}/s)",
          flush=True)
    if n_real < len(chunks):
        vectors = extend_with_noise(vectors, len(chunks), random.Random(args.seed))
        print(f"chunks {n_real + 1:,}-{len(chunks):,} reuse an embedded vector plus noise "
              f"(cosine ~0.95 to it); raise --max-embed to embed them all", flush=True)

    questions = [QUESTIONS[i % len(QUESTIONS)] for i in range(args.queries)]
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-retrieval-") as tmp:
        for size in sizes:
            rows.append(measure(size, chunks[:size], vectors, embedder, questions, args.k,
                                Path(tmp) / f"chroma-{size}"))
            print(f"  {size:,} chunks done", flush=True)
    print()
    print(render(rows, embedder.name, len(questions), args.k))
    return 0


def measure(size: int, chunks: Sequence[Any], vectors: Any, embedder: Any,
            questions: Sequence[str], k: int, path: Path) -> Row:
    from knowledge.retriever import Retriever
    from knowledge.store import KnowledgeStore

    lookup = PrecomputedEmbedder(embedder, {c.embedded_text: i for i, c in enumerate(chunks)}, vectors)
    store = KnowledgeStore(lookup, path=path)
    started = time.perf_counter()
    store.upsert_chunks(chunks)  # the real write path, vectors looked up not recomputed
    insert_s = time.perf_counter() - started
    retriever = Retriever(lookup, store)
    query_vectors = [embedder.embed_query(q) for q in questions]
    product_ids = [c.product_id for c in chunks if c.product_id]

    def raw(i: int) -> None:
        store.collection.query(query_embeddings=[query_vectors[i]], n_results=k)

    def app(i: int) -> None:
        retriever.search(questions[i], k=k)

    def app_filtered(i: int) -> None:
        retriever.search(questions[i], k=k, product_id=product_ids[i % len(product_ids)])

    def embed(i: int) -> None:
        embedder.embed_query(questions[i])

    n = len(questions)
    return Row(size=size, insert_s=insert_s, embed=timed(embed, n), app=timed(app, n),
               raw=timed(raw, n), app_filtered=timed(app_filtered, n))


def timed(fn: Callable[[int], None], n: int, warmup: int = 5) -> list[float]:
    for i in range(min(warmup, n)):
        fn(i)
    out = []
    for i in range(n):
        started = time.perf_counter()
        fn(i)
        out.append(time.perf_counter() - started)
    return out


def pct(samples: Sequence[float], q: float) -> float:
    """Percentile in milliseconds (inclusive method: p50 of 1 sample is that sample)."""
    if len(samples) == 1:
        return samples[0] * 1000
    return statistics.quantiles(samples, n=100, method="inclusive")[round(q) - 1] * 1000


def render(rows: Sequence[Row], embedder_name: str, n_queries: int, k: int) -> str:
    head = (f"retrieval latency in ms — {n_queries} queries in 14 languages, k={k}, "
            f"embedder {embedder_name}\n"
            "app = Retriever.search() (embed question + KnowledgeStore.query); "
            "raw = collection.query(precomputed vector); filtered = app with product_id\n")
    cols = ("chunks", "insert s", "embed p50", "embed p95", "app p50", "app p95", "raw p50",
            "raw p95", "app/raw p50", "app/raw p95", "filt p50", "filt p95")
    lines = [" ".join(f"{c:>11}" for c in cols)]
    for r in rows:
        app50, app95 = pct(r.app, 50), pct(r.app, 95)
        raw50, raw95 = pct(r.raw, 50), pct(r.raw, 95)
        values = (f"{r.size:,}", f"{r.insert_s:.1f}", f"{pct(r.embed, 50):.2f}",
                  f"{pct(r.embed, 95):.2f}", f"{app50:.2f}", f"{app95:.2f}", f"{raw50:.2f}",
                  f"{raw95:.2f}", f"{app50 / raw50:.2f}x", f"{app95 / raw95:.2f}x",
                  f"{pct(r.app_filtered, 50):.2f}", f"{pct(r.app_filtered, 95):.2f}")
        lines.append(" ".join(f"{v:>11}" for v in values))
    return head + "\n".join(lines)


# --- data ------------------------------------------------------------------------------


class PrecomputedEmbedder:
    """Serves document vectors computed once up front, so each store size reuses them;
    queries go to the real embedder. Same name as the real one."""

    def __init__(self, inner: Any, index: dict[str, int], vectors: Any) -> None:
        self._inner, self._index, self._vectors = inner, index, vectors

    @property
    def name(self) -> str:
        return str(self._inner.name)

    @property
    def dimension(self) -> int:
        return int(self._inner.dimension)

    def embed_documents(self, texts: Sequence[str]) -> list[list[float]]:
        rows: list[list[float]] = self._vectors[[self._index[t] for t in texts]].tolist()
        return rows

    def embed_query(self, text: str) -> list[float]:
        return list(self._inner.embed_query(text))


def embed_all(embedder: Any, texts: Sequence[str], batch: int = 2048) -> Any:
    import numpy as np

    out = np.empty((len(texts), embedder.dimension), dtype=np.float32)
    for start in range(0, len(texts), batch):
        out[start:start + batch] = np.asarray(
            embedder.embed_documents(texts[start:start + batch]), dtype=np.float32)
    return out


def extend_with_noise(vectors: Any, total: int, rng: random.Random) -> Any:
    """Grow `vectors` to `total` rows: copies of random real rows, perturbed and
    re-normalised, so the index is not full of exact duplicates."""
    import numpy as np

    gen = np.random.default_rng(rng.randrange(2**32))
    picks = gen.integers(0, len(vectors), size=total - len(vectors))
    extra = vectors[picks] + gen.normal(0.0, 0.0145, size=(len(picks), vectors.shape[1]))
    extra /= np.linalg.norm(extra, axis=1, keepdims=True)
    return np.concatenate([vectors, extra.astype(np.float32)])


def synthetic_chunks(total: int, rng: random.Random) -> list[Any]:
    """The real demo chunks first, then compact synthetic product variants, `total` in all."""
    import yaml

    from knowledge.chunking import product_chunks
    from knowledge.corpus_loader import load_corpus

    real = [c for chunks in load_corpus(CORPUS_DIR).values() for c in chunks]
    products = yaml.safe_load((CORPUS_DIR / "products.yaml").read_text("utf-8"))["products"]
    out = real[:total]
    for variant in _variants(products, rng):
        if len(out) >= total:
            break
        out.extend(product_chunks(variant, "synthetic/products.yaml", split_over=10_000))
    return out[:total]


def _variants(products: Sequence[dict[str, Any]], rng: random.Random) -> Iterator[dict[str, Any]]:
    n = 0
    while True:
        base = rng.choice(products)
        brand, edition = rng.choice(_BRANDS), rng.choice(_EDITIONS)
        title = str(base["title"]).replace("PixelPort", f"{brand} {edition}")
        specs = dict(rng.sample(sorted((base.get("specs") or {}).items()),
                                k=min(3, len(base.get("specs") or {}))))
        yield {
            "id": f"SYN-{n:06d}",
            "title": f"{title}, {rng.choice(_COLORS)}, model {rng.randint(100, 9999)}",
            "category": base.get("category"),
            "price": f"{rng.uniform(5, 400):.2f}",
            "currency": "USD",
            "stock": rng.randint(0, 200),
            "warranty_months": rng.choice((6, 12, 18, 24)),
            "specs": specs,
        }
        n += 1

