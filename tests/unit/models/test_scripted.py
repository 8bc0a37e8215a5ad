from pathlib import Path

import pytest

from models.errors import ModelResponseError, UnsupportedInputError
from models.scripted import ScriptedChatModel, split_deltas
from models.types import Capabilities, ChatMessage, GenerationParams, ImagePart

pytestmark = pytest.mark.unit

HI = [ChatMessage(role="user", content="hi")]


def test_replies_in_order_and_calls_are_recorded() -> None:
    model = ScriptedChatModel(["first answer", "second"])
    assert "".join(model.stream(HI)) == "first answer"
    params = GenerationParams(max_tokens=5)
    assert model.complete(HI, params) == "second"
    assert [c.messages for c in model.calls] == [HI, HI]
    assert model.calls[1].params == params
    with pytest.raises(RuntimeError, match="ran out"):
        model.complete(HI)


def test_callable_replies_see_the_messages() -> None:
    model = ScriptedChatModel(lambda messages, params: f"{len(messages)}:{params.max_tokens}")
    assert model.complete(HI * 3, GenerationParams(max_tokens=9)) == "3:9"


def test_stream_yields_word_deltas_that_join_to_the_reply() -> None:
    model = ScriptedChatModel(["  Hola,  ¿cómo\nestás? "])
    deltas = list(model.stream(HI))
    assert len(deltas) > 1 and "".join(deltas) == "  Hola,  ¿cómo\nestás? "
    assert split_deltas("") == []


def test_capabilities_are_enforced(tmp_path: Path) -> None:
    model = ScriptedChatModel(["x"], capabilities=Capabilities(images=False))
    with pytest.raises(UnsupportedInputError):
        model.stream([ChatMessage(role="user", content=[ImagePart(path=tmp_path / "a.png")])])
    assert model.calls == []


def test_complete_json_parses_or_raises() -> None:
    model = ScriptedChatModel(['{"intent": "refund"}', "nope"])
    assert model.complete_json(HI, {"type": "object"}) == {"intent": "refund"}
    assert "JSON" in model.calls[0].messages[-1].text
    with pytest.raises(ModelResponseError):
        model.complete_json(HI, {"type": "object"})


def test_health_and_close() -> None:
    model = ScriptedChatModel()
    assert model.health().ok
    model.close()
    assert not model.health().ok
