import json

import pytest

from models.errors import ModelResponseError
from models.structured import json_instruction, parse_json_object, with_json_instruction
from models.types import ChatMessage

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    "text",
    ['{"a": 1}', '  {"a": 1}\n', '```json\n{"a": 1}\n```', '```\n{"a": 1}\n```'],
)
def test_parse_json_object_accepts_plain_and_fenced(text: str) -> None:
    assert parse_json_object(text) == {"a": 1}


@pytest.mark.parametrize("text", ["", "not json", '{"a": 1', "[1, 2]", '"str"', 'Sure! {"a": 1}'])
def test_parse_json_object_rejects_everything_else(text: str) -> None:
    with pytest.raises(ModelResponseError):
        parse_json_object(text)


def test_json_instruction_is_appended_as_a_system_message() -> None:
    schema = {"type": "object", "properties": {"x": {"type": "string"}}}
    messages = with_json_instruction([ChatMessage(role="user", content="hi")], schema)
    assert [m.role for m in messages] == ["user", "system"]
    assert json.dumps(schema, sort_keys=True) in messages[-1].text
    assert "JSON" in json_instruction(schema)
