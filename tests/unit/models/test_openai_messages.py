import base64
from pathlib import Path

import pytest

from models.errors import UnsupportedInputError
from models.media import sniff_mime
from models.openai_messages import (
    chat_request_body,
    merge_system_messages,
    response_format,
    to_openai_messages,
)
from models.types import Capabilities, ChatMessage, GenerationParams, ImagePart, TextPart, VideoPart
from tests.support.fixtures_models import write_jpeg, write_mp4, write_png

pytestmark = pytest.mark.unit

VISION = Capabilities(streaming=True, images=True, video=True, json_schema=True)
TEXT_ONLY = Capabilities(streaming=True, images=False, video=False, json_schema=False)


def _decode(url: str) -> tuple[str, bytes]:
    header, payload = url.split(",", 1)
    assert header.startswith("data:") and header.endswith(";base64")
    return header[5:-7], base64.b64decode(payload)


def test_images_become_image_url_parts_with_mime_from_content(tmp_path: Path) -> None:
    png = write_png(tmp_path / "photo.jpg")  # wrong extension on purpose: content decides
    jpeg = write_jpeg(tmp_path / "other.bin")
    message = ChatMessage(
        role="user", content=[TextPart(text="broken?"), ImagePart(path=png), ImagePart(path=jpeg)]
    )
    [wire] = to_openai_messages([message], VISION)
    assert wire["role"] == "user"
    text, first, second = wire["content"]
    assert text == {"type": "text", "text": "broken?"}
    assert first["type"] == "image_url" and second["type"] == "image_url"
    mime, data = _decode(first["image_url"]["url"])
    assert mime == "image/png" and data == png.read_bytes()
    assert _decode(second["image_url"]["url"])[0] == "image/jpeg"


def test_videos_become_video_url_parts(tmp_path: Path) -> None:
    clip = write_mp4(tmp_path / "clip.mp4")
    [wire] = to_openai_messages([ChatMessage(role="user", content=[VideoPart(path=clip)])], VISION)
    [part] = wire["content"]
    assert part["type"] == "video_url"
    mime, data = _decode(part["video_url"]["url"])
    assert mime == "video/mp4" and data == clip.read_bytes()


def test_several_system_messages_are_merged_into_one_first() -> None:
    messages = [
        ChatMessage(role="system", content="You are the shop assistant."),
        ChatMessage(role="user", content="hi"),
        ChatMessage(role="system", content="Answer in Korean."),
    ]
    wire = to_openai_messages(messages, TEXT_ONLY)
    assert [m["role"] for m in wire] == ["system", "user"]
    assert wire[0]["content"] == "You are the shop assistant.\n\nAnswer in Korean."
    assert merge_system_messages(messages[1:2]) == messages[1:2]


@pytest.mark.parametrize(
    ("part_factory", "caps", "needle"),
    [
        (lambda p: ImagePart(path=p), TEXT_ONLY, "images"),
        (lambda p: VideoPart(path=p), Capabilities(images=True, video=False), "videos"),
    ],
)
def test_unsupported_media_is_rejected_before_reading(part_factory, caps, needle, tmp_path: Path) -> None:
    missing = tmp_path / "never-read.bin"  # does not exist: the capability check comes first
    message = ChatMessage(role="user", content=[part_factory(missing)])
    with pytest.raises(UnsupportedInputError, match=needle):
        to_openai_messages([message], caps)


def test_media_outside_user_turns_is_rejected(tmp_path: Path) -> None:
    message = ChatMessage(role="assistant", content=[ImagePart(path=write_png(tmp_path / "a.png"))])
    with pytest.raises(UnsupportedInputError, match="user messages"):
        to_openai_messages([message], VISION)


def test_missing_or_wrong_kind_of_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(UnsupportedInputError, match="could not be read"):
        to_openai_messages(
            [ChatMessage(role="user", content=[ImagePart(path=tmp_path / "nope.png")])], VISION
        )
    text_file = tmp_path / "notes.png"
    text_file.write_text("not an image")
    with pytest.raises(UnsupportedInputError, match="not a supported image"):
        to_openai_messages([ChatMessage(role="user", content=[ImagePart(path=text_file)])], VISION)
    clip = write_mp4(tmp_path / "clip.png")
    with pytest.raises(UnsupportedInputError, match="not a supported image"):
        to_openai_messages([ChatMessage(role="user", content=[ImagePart(path=clip)])], VISION)


def test_empty_conversation_is_rejected() -> None:
    with pytest.raises(UnsupportedInputError):
        to_openai_messages([], VISION)


@pytest.mark.parametrize(
    ("head", "mime"),
    [
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "image/jpeg"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "image/png"),
        (b"GIF89a\x01\x00", "image/gif"),
        (b"RIFF\x00\x00\x00\x00WEBPVP8 ", "image/webp"),
        (b"\x00\x00\x00\x18ftypmp42", "video/mp4"),
        (b"\x00\x00\x00\x14ftypqt  ", "video/quicktime"),
        (b"\x1a\x45\xdf\xa3\x01\x00", "video/webm"),
        (b"RIFF\x00\x00\x00\x00AVI LIST", "video/x-msvideo"),
        (b"hello world", None),
    ],
)
def test_sniff_mime(head: bytes, mime: str | None) -> None:
    assert sniff_mime(head) == mime


def test_request_body_carries_params_and_response_format() -> None:
    schema = {"type": "object", "properties": {"ok": {"type": "boolean"}}, "required": ["ok"]}
    params = GenerationParams(
        max_tokens=64,
        temperature=0.0,
        top_p=0.9,
        stop=["\n\n"],
        seed=7,
        json_schema=schema,
        json_schema_name="v",
    )
    body = chat_request_body("m", [ChatMessage(role="user", content="hi")], params, VISION)
    assert body["model"] == "m"
    assert (body["max_tokens"], body["temperature"], body["top_p"], body["stop"], body["seed"]) == (
        64, 0.0, 0.9, ["\n\n"], 7,
    )  # fmt: skip
    assert body["response_format"] == response_format(schema, "v")
    assert body["response_format"]["json_schema"] == {"name": "v", "schema": schema, "strict": True}


def test_request_body_omits_unset_optionals_and_rejects_schema_without_capability() -> None:
    body = chat_request_body("m", [ChatMessage(role="user", content="hi")], GenerationParams(), TEXT_ONLY)
    assert "stop" not in body and "seed" not in body and "response_format" not in body
    with pytest.raises(UnsupportedInputError):
        chat_request_body(
            "m", [ChatMessage(role="user", content="hi")], GenerationParams(json_schema={}), TEXT_ONLY
        )
