"""Backend configurations: a discriminated union on `backend`. Importing this module is cheap
(no torch, no openai) so settings can hold a ModelConfig."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from models.types import Capabilities


class _Config(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class VLLMConfig(_Config):
    """A vLLM (or any OpenAI-compatible) server; several base URLs = replicas, round-robin + failover."""

    backend: Literal["vllm"] = "vllm"
    base_urls: list[str] = Field(min_length=1)
    model: str
    api_key: str = "EMPTY"
    connect_timeout: float = Field(default=3.0, gt=0)
    read_timeout: float = Field(default=60.0, gt=0)
    """Max gap between stream chunks; the whole answer for non-streamed calls."""
    max_retries: int = Field(default=2, ge=0)
    backoff_initial_s: float = Field(default=0.5, ge=0)
    backoff_max_s: float = Field(default=8.0, ge=0)
    health_timeout: float = Field(default=2.0, gt=0)
    capabilities: Capabilities = Capabilities(streaming=True, images=False, video=False, json_schema=True)

    @field_validator("base_urls")
    @classmethod
    def _normalise_urls(cls, urls: list[str]) -> list[str]:
        """Accept `http://h:8000` or `http://h:8000/v1`; store the `/v1` form the client needs."""
        out = []
        for url in urls:
            url = url.rstrip("/")
            out.append(url if url.endswith("/v1") else f"{url}/v1")
        return out


class TransformersConfig(_Config):
    """An in-process transformers model: a text LLM (optionally from GGUF) or Qwen2.5-VL (`vision`)."""

    backend: Literal["transformers"] = "transformers"
    model_path: str
    gguf_file: str | None = None
    device: str = "cpu"
    dtype: Literal["float32", "bfloat16", "float16"] = "float32"
    max_new_tokens_cap: int = Field(default=1024, ge=1)
    vision: bool = False
    stream_timeout_s: float = Field(default=120.0, gt=0)
    min_pixels: int | None = None
    """Optional per-image pixel bounds passed to qwen-vl-utils (smaller = faster on CPU)."""
    max_pixels: int | None = None
    vision_pipeline: Literal["auto", "qwen_vl_utils", "builtin"] = "auto"
    """auto: qwen-vl-utils + AutoProcessor when torchvision is importable, else the builtin
    torchvision-free pipeline (PIL images, PyAV videos); see models/qwen_vision.py."""


class ScriptedConfig(_Config):
    """Deterministic in-process model for unit tests only: replies in order (running out is an error)."""

    backend: Literal["scripted"] = "scripted"
    replies: list[str] = Field(default_factory=lambda: ["ok"])
    model: str = "scripted"
    capabilities: Capabilities = Capabilities(streaming=True, images=True, video=True, json_schema=False)


ModelConfig = Annotated[VLLMConfig | TransformersConfig | ScriptedConfig, Field(discriminator="backend")]
