import subprocess
import sys
from pathlib import Path

import pytest
from pydantic import ValidationError

from models.config import ScriptedConfig, TransformersConfig, VLLMConfig
from models.registry import build_chat_model, parse_model_config
from models.scripted import ScriptedChatModel
from models.types import ChatMessage, ChatModel

pytestmark = pytest.mark.unit


def test_parse_model_config_picks_the_class_from_backend() -> None:
    assert isinstance(parse_model_config({"backend": "scripted"}), ScriptedConfig)
    vllm = parse_model_config({"backend": "vllm", "base_urls": ["http://h:8000"], "model": "m"})
    assert isinstance(vllm, VLLMConfig)
    assert vllm.base_urls == ["http://h:8000/v1"]  # normalised to the OpenAI base URL
    local = parse_model_config({"backend": "transformers", "model_path": "/m", "vision": True})
    assert isinstance(local, TransformersConfig) and local.vision
    with pytest.raises(ValidationError):
        parse_model_config({"backend": "llamacpp"})
    with pytest.raises(ValidationError):
        parse_model_config({"backend": "vllm", "base_urls": [], "model": "m"})


def test_build_scripted_model() -> None:
    model = build_chat_model(ScriptedConfig(replies=["a", "b"]))
    assert isinstance(model, ScriptedChatModel) and isinstance(model, ChatModel)
    assert model.complete([ChatMessage(role="user", content="x")]) == "a"


def test_build_vllm_model_makes_no_network_call() -> None:
    model = build_chat_model(VLLMConfig(base_urls=["http://127.0.0.1:9/v1"], model="m"))
    assert isinstance(model, ChatModel)
    assert model.info.backend == "vllm" and model.info.endpoints == ["http://127.0.0.1:9/v1"]
    model.close()


def test_light_modules_do_not_import_heavy_backends() -> None:
    code = (
        "import sys, models, models.registry, models.profiles, models.serve;"
        "heavy = [m for m in ('torch', 'transformers', 'openai', 'tenacity') if m in sys.modules];"
        "assert not heavy, heavy"
    )
    repo_root = Path(__file__).resolve().parents[3]
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60, cwd=repo_root)
