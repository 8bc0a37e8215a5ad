"""TransformersChatModel on tiny random-weight models built in the test session (structure, not quality).

Qwen2.5-VL runs through the builtin torchvision-free vision pipeline here (torchvision cannot be
installed beside this torch); the qwen-vl-utils reference pipeline is exercised where torchvision exists.
"""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from models.config import TransformersConfig
from models.errors import ModelResponseError, ModelUnavailableError, UnsupportedInputError
from models.qwen_vision import BuiltinVisionInputs, to_qwen_messages
from models.registry import build_chat_model
from models.transformers_backend import TransformersChatModel
from models.types import ChatMessage, GenerationParams, ImagePart, TextPart, VideoPart

pytestmark = pytest.mark.integration

GREEDY = GenerationParams(max_tokens=24, temperature=0)
HI = [
    ChatMessage(role="system", content="You are a helpful assistant for a small online shop."),
    ChatMessage(role="user", content="Hello, how can I help you with your order today?"),
]
SMALL_PIXELS = {"min_pixels": 4 * 28 * 28, "max_pixels": 16 * 28 * 28}


@pytest.fixture(scope="module")
def text_model(tiny_qwen2_dir: Path) -> TransformersChatModel:
    return TransformersChatModel(TransformersConfig(model_path=str(tiny_qwen2_dir), stream_timeout_s=30))


@pytest.fixture(scope="module")
def vl_model(tiny_qwen2_vl_dir: Path) -> TransformersChatModel:
    config = TransformersConfig.model_validate(
        {
            "model_path": str(tiny_qwen2_vl_dir),
            "vision": True,
            "vision_pipeline": "builtin",
            "stream_timeout_s": 30,
            **SMALL_PIXELS,
        }
    )
    return TransformersChatModel(config)


def _generate_threads_alive() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "transformers-generate"]


def test_lazy_load_and_health(tiny_qwen2_dir: Path, tmp_path: Path) -> None:
    model = build_chat_model(TransformersConfig(model_path=str(tiny_qwen2_dir)))
    assert isinstance(model, TransformersChatModel) and not model.is_loaded
    assert model.health().ok and "not loaded" in model.health().detail
    assert model.capabilities.streaming and not model.capabilities.images
    assert not model.capabilities.json_schema

    broken = TransformersChatModel(TransformersConfig(model_path=str(tmp_path)))  # empty folder
    with pytest.raises(ModelUnavailableError, match="could not be loaded"):
        broken.complete(HI)
    assert not broken.health().ok


def test_text_stream_joined_equals_complete(text_model: TransformersChatModel) -> None:
    deltas = list(text_model.stream(HI, GREEDY))
    assert text_model.is_loaded
    assert "".join(deltas) == text_model.complete(HI, GREEDY)
    assert _generate_threads_alive() == []


def test_stop_string_truncates_stream_and_complete(text_model: TransformersChatModel) -> None:
    full = text_model.complete(HI, GREEDY)
    visible = full.strip()
    # The tiny model's weights are seeded: a short answer means generation broke, not bad luck.
    assert len(visible) >= 4, f"tiny model produced too little text to pick a stop string: {full!r}"
    stop = visible[len(visible) // 2 : len(visible) // 2 + 2]
    expected = full[: full.find(stop)]
    params = GREEDY.model_copy(update={"stop": [stop]})
    assert text_model.complete(HI, params) == expected
    assert "".join(text_model.stream(HI, params)) == expected


def test_stopping_early_joins_the_generate_thread(text_model: TransformersChatModel) -> None:
    stream = text_model.stream(HI, GenerationParams(max_tokens=400, temperature=0))
    next(stream)
    assert len(_generate_threads_alive()) == 1
    stream.close()  # type: ignore[attr-defined]  # the consumer went away
    assert _generate_threads_alive() == []
    # The generate lock was released: another request runs at once.
    assert isinstance(text_model.complete(HI, GenerationParams(max_tokens=2, temperature=0)), str)


def test_concurrent_requests_take_turns(text_model: TransformersChatModel) -> None:
    results: list[str] = []

    def ask() -> None:
        results.append("".join(text_model.stream(HI, GREEDY)))

    threads = [threading.Thread(target=ask) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert len(results) == 3 and len(set(results)) == 1  # greedy + one at a time = same answer


def test_media_rejected_by_text_model_without_generating(
    text_model: TransformersChatModel, sample_png: Path
) -> None:
    with pytest.raises(UnsupportedInputError):
        text_model.stream([ChatMessage(role="user", content=[ImagePart(path=sample_png)])])


def test_complete_json_on_random_output_is_a_response_error(text_model: TransformersChatModel) -> None:
    with pytest.raises(ModelResponseError):
        text_model.complete_json(HI, {"type": "object"}, GREEDY)


def test_vl_inputs_carry_image_and_video_patches(
    tiny_qwen2_vl_dir: Path, sample_png: Path, sample_mp4: Path
) -> None:
    pipeline = BuiltinVisionInputs(str(tiny_qwen2_vl_dir))
    message = ChatMessage(
        role="user",
        content=[
            TextPart(text="What is broken?"),
            ImagePart(path=sample_png),
            VideoPart(path=sample_mp4, fps=2),
        ],
    )
    inputs = pipeline(to_qwen_messages([message], **SMALL_PIXELS))
    ids = inputs["input_ids"][0]
    [image_grid] = inputs["image_grid_thw"].tolist()
    [video_grid] = inputs["video_grid_thw"].tolist()
    assert inputs["pixel_values"].shape[0] == image_grid[0] * image_grid[1] * image_grid[2]
    assert inputs["pixel_values_videos"].shape == (
        video_grid[0] * video_grid[1] * video_grid[2],
        3 * 2 * 14 * 14,
    )
    assert video_grid[0] == 2  # 4 sampled frames / temporal patch 2
    assert int((ids == pipeline.image_token_id).sum()) == image_grid[0] * image_grid[1] * image_grid[2] // 4
    assert int((ids == pipeline.video_token_id).sum()) == video_grid[0] * video_grid[1] * video_grid[2] // 4
    assert inputs["mm_token_type_ids"][0].tolist().count(2) == int((ids == pipeline.video_token_id).sum())
    assert inputs["second_per_grid_ts"].tolist() == pytest.approx([1.0])  # 2 frames per grid at 2 fps


def test_vl_generates_with_image_and_video(
    vl_model: TransformersChatModel, sample_png: Path, sample_mp4: Path
) -> None:
    assert vl_model.capabilities.images and vl_model.capabilities.video
    messages = [
        ChatMessage(
            role="user",
            content=[
                TextPart(text="Refund requested because the item arrived broken."),
                ImagePart(path=sample_png),
                VideoPart(path=sample_mp4, fps=2, max_frames=4),
            ],
        )
    ]
    params = GenerationParams(max_tokens=12, temperature=0)
    streamed = "".join(vl_model.stream(messages, params))
    assert streamed == vl_model.complete(messages, params)
    assert _generate_threads_alive() == []


def test_vl_text_only_message(vl_model: TransformersChatModel) -> None:
    assert isinstance(vl_model.complete(HI, GenerationParams(max_tokens=4, temperature=0)), str)


def test_reference_pipeline_with_qwen_vl_utils(tiny_qwen2_vl_dir: Path, sample_png: Path) -> None:
    pytest.importorskip("torchvision", reason="qwen-vl-utils and the Qwen2.5-VL processor need torchvision")
    pytest.importorskip("qwen_vl_utils")
    from models.qwen_vision import QwenVLUtilsInputs

    message = ChatMessage(role="user", content=[TextPart(text="hi"), ImagePart(path=sample_png)])
    qwen_messages = to_qwen_messages([message], **SMALL_PIXELS)
    builtin = BuiltinVisionInputs(str(tiny_qwen2_vl_dir))(qwen_messages)
    reference = QwenVLUtilsInputs(str(tiny_qwen2_vl_dir))(qwen_messages)
    assert builtin["input_ids"].tolist() == reference["input_ids"].tolist()
    assert builtin["image_grid_thw"].tolist() == reference["image_grid_thw"].tolist()
