"""Boundary types of the model layer: messages, content parts, parameters, the ChatModel Protocol."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Annotated, Any, Literal, Protocol, runtime_checkable

from pydantic import BaseModel, ConfigDict, Field


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class TextPart(_Frozen):
    type: Literal["text"] = "text"
    text: str


class ImagePart(_Frozen):
    """A local image file (JPEG, PNG, GIF, WebP, BMP)."""

    type: Literal["image"] = "image"
    path: Path


class VideoPart(_Frozen):
    """A local video file; `fps`/`max_frames` control frame sampling where the backend samples itself."""

    type: Literal["video"] = "video"
    path: Path
    fps: float = Field(default=1.0, gt=0)
    max_frames: int = Field(default=16, ge=1)


ContentPart = Annotated[TextPart | ImagePart | VideoPart, Field(discriminator="type")]

Role = Literal["system", "user", "assistant"]


class ChatMessage(_Frozen):
    role: Role
    content: str | list[ContentPart]

    @property
    def parts(self) -> list[TextPart | ImagePart | VideoPart]:
        """Content as a list of parts (a plain string becomes one TextPart)."""
        if isinstance(self.content, str):
            return [TextPart(text=self.content)]
        return list(self.content)

    @property
    def text(self) -> str:
        """The concatenated text parts (media parts dropped)."""
        return "".join(p.text for p in self.parts if isinstance(p, TextPart))


class GenerationParams(_Frozen):
    max_tokens: int = Field(default=512, ge=1)
    temperature: float = Field(default=0.2, ge=0)
    top_p: float = Field(default=1.0, gt=0, le=1)
    stop: list[str] | None = None
    seed: int | None = None
    json_schema: dict[str, Any] | None = None
    json_schema_name: str = "result"


class Capabilities(_Frozen):
    streaming: bool = True
    images: bool = False
    video: bool = False
    json_schema: bool = False


class ModelInfo(_Frozen):
    backend: str
    model: str
    endpoints: list[str] = Field(default_factory=list)
    description: str = ""


class HealthStatus(_Frozen):
    ok: bool
    detail: str
    served_models: list[str] = Field(default_factory=list)


@runtime_checkable
class ChatModel(Protocol):
    """A chat model. Sync API: the app calls it from worker threads.

    Errors are `models.errors.ModelError` subclasses. `stream` yields text deltas; it may raise
    after some deltas were yielded (dropped stream) - the caller decides what to keep.
    """

    @property
    def info(self) -> ModelInfo: ...

    @property
    def capabilities(self) -> Capabilities: ...

    def stream(
        self, messages: Sequence[ChatMessage], params: GenerationParams | None = None
    ) -> Iterator[str]: ...

    def complete(self, messages: Sequence[ChatMessage], params: GenerationParams | None = None) -> str: ...

    def complete_json(
        self,
        messages: Sequence[ChatMessage],
        schema: dict[str, Any],
        params: GenerationParams | None = None,
    ) -> dict[str, Any]:
        """A JSON object for `schema`: constrained decoding where `capabilities.json_schema`,
        otherwise prompted and parsed. Invalid JSON raises ModelResponseError. The object is NOT
        validated against the schema: validate it with your own pydantic model."""
        ...

    def health(self) -> HealthStatus: ...

    def close(self) -> None: ...
