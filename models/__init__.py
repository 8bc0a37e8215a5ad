"""Model layer: chat model backends behind one small Protocol.

Import the light, stable surface from here; backends are built by `models.registry.build_chat_model`
and imported lazily (vLLM client: openai; in-process: torch + transformers).
"""

from models.config import ModelConfig, ScriptedConfig, TransformersConfig, VLLMConfig
from models.errors import (
    ModelError,
    ModelRequestError,
    ModelResponseError,
    ModelTimeoutError,
    ModelUnavailableError,
    UnsupportedInputError,
)
from models.registry import build_chat_model, parse_model_config
from models.types import (
    Capabilities,
    ChatMessage,
    ChatModel,
    ContentPart,
    GenerationParams,
    HealthStatus,
    ImagePart,
    ModelInfo,
    TextPart,
    VideoPart,
)

__all__ = [
    "Capabilities",
    "ChatMessage",
    "ChatModel",
    "ContentPart",
    "GenerationParams",
    "HealthStatus",
    "ImagePart",
    "ModelConfig",
    "ModelError",
    "ModelInfo",
    "ModelRequestError",
    "ModelResponseError",
    "ModelTimeoutError",
    "ModelUnavailableError",
    "ScriptedConfig",
    "TextPart",
    "TransformersConfig",
    "UnsupportedInputError",
    "VLLMConfig",
    "VideoPart",
    "build_chat_model",
    "parse_model_config",
]
