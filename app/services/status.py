"""What the Status tab shows: which backends are configured and whether they answer."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

from knowledge.embedders import Embedder
from knowledge.store import KnowledgeStore
from models.types import ChatModel

from app.services.knowledge_admin import KnowledgeAdmin
from app.settings import Settings
from app.store.db import Database


@dataclass(frozen=True)
class ComponentStatus:
    component: str
    configured: str
    state: str  # "ok", "starting", "down", "off"
    detail: str


@dataclass(frozen=True)
class StatusReport:
    components: list[ComponentStatus]
    warnings: list[str]


def _redact_url(url: str) -> str:
    parts = urlsplit(url)
    if parts.password:
        netloc = parts.netloc.replace(f":{parts.password}@", ":***@")
        return urlunsplit(parts._replace(netloc=netloc))
    return url


def _model_status(name: str, model: ChatModel | None, note: str, starting: bool) -> ComponentStatus:
    if model is None:
        return ComponentStatus(name, "not configured", "off", note)
    health = model.health()
    state = "ok" if health.ok else ("starting" if starting else "down")
    served = f" — serving {', '.join(health.served_models)}" if health.served_models else ""
    return ComponentStatus(name, f"{model.info.backend}: {model.info.model}", state, f"{note} {health.detail}{served}")


class StatusService:
    def __init__(
        self,
        settings: Settings,
        db: Database,
        embedder: Embedder,
        knowledge: KnowledgeStore,
        knowledge_admin: KnowledgeAdmin,
        chat_model: ChatModel | None,
        vision_model: ChatModel | None,
        chat_model_note: str,
        embedded_server_running: bool,
    ) -> None:
        self._settings = settings
        self._db = db
        self._embedder = embedder
        self._knowledge = knowledge
        self._admin = knowledge_admin
        self._chat_model = chat_model
        self._vision_model = vision_model
        self._chat_note = chat_model_note
        self._embedded = embedded_server_running

    def report(self) -> StatusReport:
        settings = self._settings
        warnings: list[str] = []
        chat = _model_status("Chat model", self._chat_model, self._chat_note, starting=self._embedded)
        if settings.chat_backend == "embedded":
            warnings.append(
                "Running on the embedded tiny demo model (Qwen2.5-Coder-0.5B-Instruct on the CPU). Answers are weak; "
                "the production profile is Qwen2.5-VL-7B-Instruct on a GPU (see models/profiles)."
            )
        if chat.state == "starting":
            warnings.append("The local model server is still starting (a few minutes on a CPU); until then the chat "
                            "answers with the retrieved sources only.")
        vision = _model_status(
            "Vision model",
            self._vision_model,
            "Vision model not configured — every evidence analysis goes to manual review.",
            starting=False,
        )
        if self._vision_model is None:
            warnings.append("No vision-language model configured: refund evidence is marked for manual review.")
        stats = self._knowledge.stats()
        last = self._admin.last_ingest()
        components = [
            chat,
            vision,
            ComponentStatus("Embedder", settings.embedder, "ok", f"{self._embedder.name}, {stats.dimension}-d"),
            ComponentStatus(
                "Knowledge index",
                settings.chroma_url or str(settings.resolved_chroma_path),
                "ok" if stats.chunks else "down",
                f"{stats.chunks} chunks from {stats.sources} sources; last ingest: "
                + (f"{last.at:%Y-%m-%d %H:%M} UTC — {last.summary}" if last else "never"),
            ),
            ComponentStatus("Database", _redact_url(self._db.url), "ok", self._db.engine.dialect.name),
        ]
        if not stats.chunks:
            warnings.append("The knowledge index is empty: open the Knowledge tab and index the store's files.")
        return StatusReport(components=components, warnings=warnings)
