"""Model-layer errors. `message` is safe to show to a shop owner; `detail` is for logs."""

from __future__ import annotations


class ModelError(Exception):
    """Base class: anything that went wrong talking to a model."""

    default_message = "The AI model could not answer."

    def __init__(self, message: str | None = None, *, detail: str | None = None) -> None:
        self.message = message or self.default_message
        self.detail = detail
        super().__init__(self.message if detail is None else f"{self.message} ({detail})")


class ModelUnavailableError(ModelError):
    """Server down, connection refused, 5xx after retries, or every replica failed."""

    default_message = "The AI model is not reachable right now. Please try again in a moment."


class ModelTimeoutError(ModelError):
    """No answer (or no next chunk) within the configured time."""

    default_message = "The AI model took too long to answer. Please try again."


class ModelResponseError(ModelError):
    """Malformed or truncated output, a dropped stream, invalid JSON for a schema."""

    default_message = "The AI model returned an unusable answer."


class ModelRequestError(ModelError):
    """The server rejected the request (HTTP 4xx, e.g. prompt longer than the context). Never retried."""

    default_message = "The AI model rejected the request."


class UnsupportedInputError(ModelError):
    """Input the model cannot take (e.g. video for a text-only model, unreadable media).

    Raised before any network call or generation.
    """

    default_message = "This AI model cannot read this kind of attachment."
