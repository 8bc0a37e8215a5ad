"""What the Status tab shows: which backends are configured, whether they answer, versions, index size, warnings."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from app.services.knowledge_admin import KnowledgeAdmin
from app.services.status_probes import probe_openai_endpoint, software_versions
from app.settings import Settings
from app.store.db import Database
from knowledge.embedders import Embedder
from knowledge.store import KnowledgeStore
from models.embedded import SERVED_NAME as EMBEDDED_MODEL_NAME
from models.types import ChatModel

EMBEDDED_CHAT_WARNING = (
    "Running on the embedded tiny demo model (Qwen2.5-Coder-0.5B-Instruct on the CPU). Answers are weak; "
    "the production profile is Qwen2.5-VL-7B-Instruct on a GPU (see models/profiles)."
)
EMBEDDED_EMBEDDER_WARNING = (
    "Embeddings come from a small packaged multilingual model ({name}): fine for a demo "
    "store; for production set MC_EMBEDDER=sentence-transformers with a multilingual model (README)."
)


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

    def component(self, name: str) -> ComponentStatus:
        return next(c for c in self.components if c.component == name)


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
    detail = " ".join(part for part in (note, model.info.description + ".", health.detail) if part)
    return ComponentStatus(name, f"{model.info.backend}: {model.info.model}", state, detail + served)


def _replica_rows(name: str, model: ChatModel | None, api_key: str) -> list[ComponentStatus]:
    """One row per OpenAI-protocol endpoint (vLLM replicas) with its served models and server version."""
    if model is None or model.info.backend != "vllm":
        return []
    rows = []
    for index, url in enumerate(model.info.endpoints, start=1):
        probe = probe_openai_endpoint(url, api_key)
        serves_ours = model.info.model in probe.served_models
        state = "ok" if serves_ours else "down"
        rows.append(ComponentStatus(f"{name} · replica {index}", _redact_url(url), state, probe.describe()))
    return rows


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
        warnings: list[str] = []
        components = [
            *self._models(warnings),
            self._embedder_status(warnings),
            self._index_status(warnings),
            self._database_status(warnings),
            self._software_status(),
        ]
        return StatusReport(components=components, warnings=warnings)

    # -- models ---------------------------------------------------------------------------------------------------

    def _models(self, warnings: list[str]) -> list[ComponentStatus]:
        settings = self._settings
        key = settings.vllm_api_key.get_secret_value()
        chat = _model_status("Chat model", self._chat_model, self._chat_note, starting=self._embedded)
        rows = [chat, *_replica_rows("Chat model", self._chat_model, key)]
        running_embedded = self._chat_model is not None and self._chat_model.info.model == EMBEDDED_MODEL_NAME
        if settings.chat_backend == "embedded" or running_embedded:
            warnings.append(EMBEDDED_CHAT_WARNING)
        if chat.state == "starting":
            warnings.append(
                "The local model server is still starting (a few minutes on a CPU); until then the chat "
                "answers with the retrieved sources only."
            )
        elif chat.state == "down":
            warnings.append(
                "The chat model does not answer: buyers get templated answers with the cited sources "
                "until it is back (see the chat model rows below)."
            )
        elif chat.state == "off":
            warnings.append("No chat model configured: answers are templated from the retrieved sources.")
        if self._vision_model is None:
            rows.append(
                ComponentStatus(
                    "Vision model",
                    "not configured",
                    "off",
                    "Vision model not configured — every evidence analysis goes to manual review.",
                )
            )
            warnings.append(
                "No vision-language model configured: refund evidence is marked for manual review."
            )
        elif self._vision_model is self._chat_model:
            rows.append(
                ComponentStatus("Vision model", rows[0].configured, chat.state, "the chat model (Qwen2.5-VL)")
            )
        else:
            rows.append(_model_status("Vision model", self._vision_model, "", starting=False))
            rows.extend(_replica_rows("Vision model", self._vision_model, key))
        on_cpu = [
            m
            for m in {id(m): m for m in (self._chat_model, self._vision_model) if m}.values()
            if m.info.backend == "transformers" and " on cpu" in m.info.description.lower()
        ]
        if on_cpu and not running_embedded:
            warnings.append(
                "The in-process model runs on the CPU: answers and evidence analysis will be slow. "
                "Use a GPU (MC_TRANSFORMERS_DEVICE=cuda) or a vLLM server."
            )
        return rows

    # -- knowledge and storage ------------------------------------------------------------------------------------

    def _embedder_status(self, warnings: list[str]) -> ComponentStatus:
        settings = self._settings
        configured = settings.embedder + (f": {settings.embedder_model}" if settings.embedder_model else "")
        if settings.embedder in ("e5-small", "use-multilingual"):
            warnings.append(EMBEDDED_EMBEDDER_WARNING.format(name=self._embedder.name))
        return ComponentStatus(
            "Embedder", configured, "ok", f"{self._embedder.name}, {self._embedder.dimension}-d"
        )

    def _index_status(self, warnings: list[str]) -> ComponentStatus:
        settings = self._settings
        where = (
            f"Chroma server {settings.chroma_url}"
            if settings.chroma_url
            else f"Chroma at {settings.resolved_chroma_path}"
        ) + f", collection {settings.chroma_collection}"
        try:
            stats = self._knowledge.stats()
            last = self._admin.last_ingest()
        except (
            Exception
        ) as exc:  # Chroma clients raise many types (HTTP, sqlite, Chroma's own): report, never crash
            warnings.append("The knowledge index cannot be read: the chat cannot cite the store's documents.")
            return ComponentStatus("Knowledge index", where, "down", f"{type(exc).__name__}: {exc}")
        kinds = ", ".join(f"{count} {kind}" for kind, count in stats.by_kind.items())
        detail = (
            f"{stats.chunks} chunks from {stats.sources} sources ({kinds or 'none'}); "
            f"embedded with {stats.embedder} ({stats.dimension}-d); last ingest: "
            + (f"{last.at:%Y-%m-%d %H:%M} UTC — {last.summary}" if last else "never")
        )
        if not stats.chunks:
            warnings.append(
                "The knowledge index is empty: open the Knowledge tab and index the store's files."
            )
        return ComponentStatus("Knowledge index", where, "ok" if stats.chunks else "down", detail)

    def _database_status(self, warnings: list[str]) -> ComponentStatus:
        url = _redact_url(self._db.url)
        dialect = self._db.engine.dialect.name
        try:
            with self._db.engine.connect() as connection:
                connection.execute(text("SELECT 1"))
        except SQLAlchemyError as exc:
            warnings.append("The database does not answer: cases, orders and chats cannot be read or saved.")
            return ComponentStatus("Database", url, "down", f"{dialect}: {type(exc).__name__}")
        version = self._db.engine.dialect.server_version_info
        shown = ".".join(str(part) for part in version) if version else ""
        return ComponentStatus("Database", url, "ok", f"{dialect} {shown}".strip())

    def _software_status(self) -> ComponentStatus:
        versions = software_versions()
        return ComponentStatus(
            "Software",
            "installed versions",
            "ok",
            ", ".join(f"{name} {version}" for name, version in versions.items()),
        )
