"""Which transport failures are retried, and what the caller sees."""

import httpx2
import openai
import pytest

from models.errors import (
    ModelRequestError,
    ModelResponseError,
    ModelTimeoutError,
    ModelUnavailableError,
)
from models.vllm_backend import is_transient, translate_error

pytestmark = pytest.mark.unit

REQUEST = httpx2.Request("POST", "http://x/v1/chat/completions")


def _status(code: int) -> openai.APIStatusError:
    response = httpx2.Response(code, request=REQUEST)
    cls = openai.InternalServerError if code >= 500 else openai.BadRequestError
    return cls(f"HTTP {code}", response=response, body=None)


@pytest.mark.parametrize(
    ("exc", "transient", "error_type"),
    [
        (openai.APIConnectionError(request=REQUEST), True, ModelUnavailableError),
        (openai.APITimeoutError(request=REQUEST), True, ModelTimeoutError),
        (_status(500), True, ModelUnavailableError),
        (_status(503), True, ModelUnavailableError),
        (_status(400), False, ModelRequestError),
        (_status(429), False, ModelRequestError),
        (ValueError("Expecting value"), False, ModelResponseError),
    ],
)
def test_classification(exc: BaseException, transient: bool, error_type: type) -> None:
    assert is_transient(exc) is transient
    assert isinstance(translate_error(exc), error_type)
