"""TransformersChatModel in-process on the embedded Qwen2.5-Coder-0.5B-Instruct (prepared HF folder, float32).

Reuses the session `embedded_model` fixture; the loaded model (~2.5 GB) is released when this module ends,
before a later module starts the vLLM server beside the test process.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from models.config import TransformersConfig
from models.embedded import EmbeddedModel
from models.transformers_backend import TransformersChatModel
from models.types import ChatMessage, GenerationParams

pytestmark = pytest.mark.integration

GREEDY = GenerationParams(max_tokens=16, temperature=0.0, seed=1234)

QUESTION = [
    ChatMessage(role="system", content="You are a shop assistant. Answer in one short sentence."),
    ChatMessage(
        role="user", content="Facts: shipping to Korea takes 5 days. Question: how long is shipping to Korea?"
    ),
]


@pytest.fixture(scope="module")
def local_model(embedded_model: EmbeddedModel) -> Iterator[TransformersChatModel]:
    model = TransformersChatModel(TransformersConfig(model_path=str(embedded_model.hf_dir), dtype="float32"))
    model.load()
    yield model
    model.close()
    gc.collect()


def test_prepared_folder_is_a_plain_qwen_checkpoint_with_its_chat_template(
    embedded_model: EmbeddedModel,
) -> None:
    from transformers import AutoConfig, AutoTokenizer

    config = AutoConfig.from_pretrained(embedded_model.hf_dir)
    assert config.model_type == "qwen2"
    assert getattr(config, "quantization_config", None) is None  # dequantised: vLLM loads it as-is
    rendered = AutoTokenizer.from_pretrained(embedded_model.hf_dir).apply_chat_template(
        [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "hi"}],
        tokenize=False,
        add_generation_prompt=True,
    )
    assert (
        rendered
        == "<|im_start|>system\nBe brief.<|im_end|>\n<|im_start|>user\nhi<|im_end|>\n<|im_start|>assistant\n"
    )
    assert embedded_model.gguf_path.stat().st_size == 491_400_064


def test_greedy_stream_joins_to_the_complete_answer(local_model: TransformersChatModel) -> None:
    deltas = list(local_model.stream(QUESTION, GREEDY))
    assert len(deltas) >= 2, deltas
    streamed = "".join(deltas)
    assert streamed.strip()
    assert "<|im_end|>" not in streamed and "<|im_start|>" not in streamed  # chat template + special tokens
    assert local_model.complete(QUESTION, GREEDY) == streamed


def test_health_reports_the_loaded_model(local_model: TransformersChatModel) -> None:
    status = local_model.health()
    assert status.ok and status.detail == "loaded"
