"""Pytest fixtures for the model layer: fake OpenAI servers, tiny random-weight models, media files.

Loaded for the whole suite via `pytest_plugins = ["tests.support.fixtures_models"]`, so this module
imports nothing heavy at import time (torch/transformers are imported inside the builders).
No weights are downloaded: every model here is built from a config and `save_pretrained` locally.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from models.scripted import ScriptedChatModel
from tests.support.openai_fake import FakeOpenAIServer, closed_port_url

# Qwen2/2.5-VL special tokens, in the order they get ids 0..6 in the tiny tokenizer.
QWEN_SPECIAL_TOKENS = [
    "<|endoftext|>",
    "<|im_start|>",
    "<|im_end|>",
    "<|vision_start|>",
    "<|vision_end|>",
    "<|image_pad|>",
    "<|video_pad|>",
]

# The Qwen2.5-VL chat template shape (text, image and video content parts; default system prompt).
QWEN_VL_CHAT_TEMPLATE = (
    "{% for message in messages %}"
    "{% if loop.first and message['role'] != 'system' %}"
    "<|im_start|>system\nYou are a helpful assistant.<|im_end|>\n{% endif %}"
    "<|im_start|>{{ message['role'] }}\n"
    "{% if message['content'] is string %}{{ message['content'] }}<|im_end|>\n"
    "{% else %}{% for content in message['content'] %}"
    "{% if content['type'] == 'image' or 'image' in content %}<|vision_start|><|image_pad|><|vision_end|>"
    "{% elif content['type'] == 'video' or 'video' in content %}<|vision_start|><|video_pad|><|vision_end|>"
    "{% elif 'text' in content %}{{ content['text'] }}{% endif %}"
    "{% endfor %}<|im_end|>\n{% endif %}{% endfor %}"
    "{% if add_generation_prompt %}<|im_start|>assistant\n{% endif %}"
)

_CORPUS = [
    "Hello, how can I help you with your order today?",
    "The package ships from Shenzhen within 3 days; tracking follows by e-mail.",
    "Refund requested because the item arrived broken. Photos attached.",
    "You are a helpful assistant for a small online shop.",
    '{"decision": "refund", "reason": "damaged in transit", "confidence": 0.8}',
    "Hola, ¿cuándo llega mi pedido? 配送はいつですか? 배송은 언제 되나요?",
]


# -- builders (usable outside pytest too) ------------------------------------------------------


def build_tiny_tokenizer(vocab_size: int = 400) -> Any:
    """A byte-level BPE (like Qwen's) trained on a few sentences, with Qwen special tokens and template."""
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers
    from transformers import PreTrainedTokenizerFast

    tokenizer = Tokenizer(models.BPE())
    tokenizer.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tokenizer.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(
        vocab_size=vocab_size,
        special_tokens=QWEN_SPECIAL_TOKENS,
        initial_alphabet=pre_tokenizers.ByteLevel.alphabet(),
        show_progress=False,
    )
    tokenizer.train_from_iterator(_CORPUS * 4, trainer)
    fast = PreTrainedTokenizerFast(
        tokenizer_object=tokenizer,
        eos_token="<|im_end|>",
        pad_token="<|endoftext|>",
        additional_special_tokens=QWEN_SPECIAL_TOKENS[1:],
    )
    fast.chat_template = QWEN_VL_CHAT_TEMPLATE
    return fast


def build_tiny_qwen2(folder: Path, seed: int = 0) -> Path:
    """A 2-layer, 32-wide random Qwen2 causal LM + tokenizer saved to `folder`."""
    import torch
    from transformers import Qwen2Config, Qwen2ForCausalLM

    tokenizer = build_tiny_tokenizer()
    config = Qwen2Config(
        vocab_size=len(tokenizer),
        hidden_size=32,
        intermediate_size=64,
        num_hidden_layers=2,
        num_attention_heads=2,
        num_key_value_heads=1,
        max_position_embeddings=1024,
        eos_token_id=tokenizer.eos_token_id,
        pad_token_id=tokenizer.pad_token_id,
        bos_token_id=None,
        tie_word_embeddings=True,
        initializer_range=0.2,  # the default 0.02 makes this tiny model repeat one token forever
    )
    torch.manual_seed(seed)
    Qwen2ForCausalLM(config).save_pretrained(folder)
    tokenizer.save_pretrained(folder)
    return folder


def build_tiny_qwen2_5_vl(folder: Path, seed: int = 0) -> Path:
    """A random Qwen2.5-VL (1 vision block, 2 text layers) + tokenizer + image processor config.

    Special token ids in the config match the tiny tokenizer. No processor_config is written: the
    Qwen2_5_VLProcessor cannot be built without torchvision here; the builtin vision pipeline loads
    the tokenizer and AutoImageProcessor separately.
    """
    import torch
    from transformers import Qwen2_5_VLConfig, Qwen2_5_VLForConditionalGeneration, Qwen2VLImageProcessorPil

    tokenizer = build_tiny_tokenizer()
    ids = {token: tokenizer.convert_tokens_to_ids(token) for token in QWEN_SPECIAL_TOKENS}
    config = Qwen2_5_VLConfig(
        text_config={
            "vocab_size": len(tokenizer),
            "hidden_size": 32,
            "intermediate_size": 64,
            "num_hidden_layers": 2,
            "num_attention_heads": 2,
            "num_key_value_heads": 1,
            "max_position_embeddings": 4096,
            # head_dim 16 -> 8 rotary pairs split over (time, height, width)
            "rope_parameters": {"rope_type": "default", "rope_theta": 10000.0, "mrope_section": [2, 3, 3]},
            "eos_token_id": ids["<|im_end|>"],
            "pad_token_id": ids["<|endoftext|>"],
            "bos_token_id": None,
        },
        vision_config={
            "depth": 1,
            "hidden_size": 32,
            "intermediate_size": 64,
            "num_heads": 2,
            "out_hidden_size": 32,
            "patch_size": 14,
            "spatial_merge_size": 2,
            "temporal_patch_size": 2,
            "window_size": 56,
            "fullatt_block_indexes": [0],
        },
        image_token_id=ids["<|image_pad|>"],
        video_token_id=ids["<|video_pad|>"],
        vision_start_token_id=ids["<|vision_start|>"],
        vision_end_token_id=ids["<|vision_end|>"],
    )
    torch.manual_seed(seed)
    Qwen2_5_VLForConditionalGeneration(config).save_pretrained(folder)
    tokenizer.save_pretrained(folder)
    # Small pixel bounds keep the vision tower cheap on CPU.
    Qwen2VLImageProcessorPil(min_pixels=4 * 28 * 28, max_pixels=16 * 28 * 28).save_pretrained(folder)
    return folder


def write_png(
    path: Path, size: tuple[int, int] = (96, 64), color: tuple[int, int, int] = (200, 30, 30)
) -> Path:
    from PIL import Image

    Image.new("RGB", size, color).save(path, format="PNG")
    return path


def write_jpeg(path: Path, size: tuple[int, int] = (96, 64)) -> Path:
    from PIL import Image

    Image.new("RGB", size, (30, 120, 200)).save(path, format="JPEG")
    return path


def write_mp4(path: Path, frames: int = 8, fps: int = 4, size: tuple[int, int] = (64, 48)) -> Path:
    """A short MPEG-4 clip written with PyAV (a gradient that changes per frame)."""
    import av
    import numpy as np

    width, height = size
    with av.open(str(path), mode="w", format="mp4") as container:
        stream = container.add_stream("mpeg4", rate=fps)
        stream.width, stream.height, stream.pix_fmt = width, height, "yuv420p"
        for i in range(frames):
            pixels = np.full((height, width, 3), (i * 30) % 256, dtype=np.uint8)
            for packet in stream.encode(av.VideoFrame.from_ndarray(pixels, format="rgb24")):
                container.mux(packet)
        for packet in stream.encode():
            container.mux(packet)
    return path


# -- fixtures ---------------------------------------------------------------------------------


@pytest.fixture
def openai_fake() -> Iterator[FakeOpenAIServer]:
    """A fresh fake OpenAI server on loopback (base URL: `openai_fake.base_url`)."""
    server = FakeOpenAIServer.start()
    yield server
    server.stop()


@pytest.fixture
def openai_fake_factory() -> Iterator[Callable[..., FakeOpenAIServer]]:
    """Start as many fake servers as a test needs (replicas); all are stopped afterwards."""
    servers: list[FakeOpenAIServer] = []

    def start(models: list[str] | None = None) -> FakeOpenAIServer:
        server = FakeOpenAIServer.start(models)
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.stop()


@pytest.fixture
def refused_base_url() -> str:
    """An OpenAI base URL where nothing listens."""
    return closed_port_url()


@pytest.fixture
def scripted_model() -> ScriptedChatModel:
    """A ScriptedChatModel that always answers "ok" (replace replies with your own instance)."""
    return ScriptedChatModel(lambda messages, params: "ok")


@pytest.fixture
def sample_png(tmp_path: Path) -> Path:
    return write_png(tmp_path / "photo.png")


@pytest.fixture
def sample_jpeg(tmp_path: Path) -> Path:
    return write_jpeg(tmp_path / "photo.jpg")


@pytest.fixture
def sample_mp4(tmp_path: Path) -> Path:
    return write_mp4(tmp_path / "clip.mp4")


@pytest.fixture(scope="session")
def tiny_qwen2_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Folder with a tiny random Qwen2 text model (built once per session)."""
    return build_tiny_qwen2(tmp_path_factory.mktemp("tiny-qwen2"))


@pytest.fixture(scope="session")
def tiny_qwen2_vl_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Folder with a tiny random Qwen2.5-VL model (built once per session)."""
    return build_tiny_qwen2_5_vl(tmp_path_factory.mktemp("tiny-qwen2.5-vl"))
