from pathlib import Path

import pytest
from pydantic import ValidationError

from models.scripted import ScriptedChatModel
from models.types import (
    Capabilities,
    ChatMessage,
    ChatModel,
    GenerationParams,
    ImagePart,
    TextPart,
    VideoPart,
)

pytestmark = pytest.mark.unit


def test_content_parts_are_discriminated_on_type() -> None:
    message = ChatMessage.model_validate(
        {
            "role": "user",
            "content": [
                {"type": "text", "text": "look"},
                {"type": "image", "path": "a.png"},
                {"type": "video", "path": "b.mp4", "fps": 2},
            ],
        }
    )
    assert [type(p) for p in message.parts] == [TextPart, ImagePart, VideoPart]
    video = message.parts[2]
    assert isinstance(video, VideoPart) and video.fps == 2 and video.max_frames == 16
    assert message.text == "look"


def test_string_content_is_one_text_part() -> None:
    message = ChatMessage(role="assistant", content="hi")
    assert message.parts == [TextPart(text="hi")]


def test_unknown_part_type_and_role_are_rejected() -> None:
    with pytest.raises(ValidationError):
        ChatMessage.model_validate({"role": "user", "content": [{"type": "audio", "path": "x"}]})
    with pytest.raises(ValidationError):
        ChatMessage.model_validate({"role": "tool", "content": "x"})


def test_boundary_types_are_frozen() -> None:
    with pytest.raises(ValidationError):
        ImagePart(path=Path("a.png")).path = Path("b.png")  # type: ignore[misc]


def test_generation_params_validate_ranges() -> None:
    assert GenerationParams().max_tokens == 512
    with pytest.raises(ValidationError):
        GenerationParams(max_tokens=0)
    with pytest.raises(ValidationError):
        GenerationParams(top_p=1.5)


def test_scripted_model_satisfies_protocol() -> None:
    assert isinstance(ScriptedChatModel(["x"]), ChatModel)
    assert Capabilities().streaming is True
