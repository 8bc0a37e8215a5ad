"""build_chat_model: the one place that maps a config to a backend, importing each backend lazily
(so a vLLM deployment never imports torch, and tests never import openai unless they need it)."""

from __future__ import annotations

from typing import Any

from pydantic import TypeAdapter

from models.config import ModelConfig, ScriptedConfig, TransformersConfig, VLLMConfig
from models.types import ChatModel


def parse_model_config(data: dict[str, Any]) -> VLLMConfig | TransformersConfig | ScriptedConfig:
    """A config from plain data (settings, YAML); `backend` picks the class."""
    return TypeAdapter(ModelConfig).validate_python(data)


def build_chat_model(config: VLLMConfig | TransformersConfig | ScriptedConfig) -> ChatModel:
    if isinstance(config, VLLMConfig):
        from models.vllm_backend import VLLMChatModel

        return VLLMChatModel(config)
    if isinstance(config, TransformersConfig):
        from models.transformers_backend import TransformersChatModel

        return TransformersChatModel(config)
    if isinstance(config, ScriptedConfig):
        from models.scripted import ScriptedChatModel

        return ScriptedChatModel(config.replies, capabilities=config.capabilities, model=config.model)
    raise TypeError(f"unknown model config: {type(config).__name__}")
