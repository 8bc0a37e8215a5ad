"""Domain errors. Each carries a message written for the person in front of the screen.

The UI turns these (and only these) into ``gr.Error`` / HTTP 4xx text; anything else is a bug and is logged.
"""

from __future__ import annotations


class CopilotError(Exception):
    """Base class: ``user_message`` is safe to show to a buyer or merchant.

    ``key`` (with ``params``) names the same message in the buyer text catalog (app/i18n/buyer_texts.yaml), so a
    buyer-facing screen can show it in the buyer's language; ``user_message`` stays the English text for logs/API.
    """

    def __init__(self, user_message: str, key: str | None = None, params: dict[str, object] | None = None) -> None:
        super().__init__(user_message)
        self.user_message = user_message
        self.key = key
        self.params = dict(params or {})


class InvalidInputError(CopilotError):
    """The request itself is wrong: empty message, unknown order number, bad file."""


class NotFoundError(CopilotError):
    """The thing asked for does not exist, or the requester may not see it (same message either way)."""


class AccessDeniedError(CopilotError):
    """The requester is not allowed to do this."""


class ServiceUnavailableError(CopilotError):
    """A dependency (model server, database) is down or too slow; nothing was lost."""


class RateLimitedError(CopilotError):
    """Too many requests from one client or session; ``retry_after_s`` says when to try again."""

    def __init__(
        self, user_message: str, retry_after_s: int = 60, key: str | None = None, params: dict[str, object] | None = None
    ) -> None:
        super().__init__(user_message, key, params)
        self.retry_after_s = retry_after_s


class CaseTransitionError(InvalidInputError):
    """A command the case's current status does not allow (deciding a decided case, answering a closed offer).

    Raised by the case aggregates' transition tables; shown like any invalid request (HTTP 4xx, ``gr.Error``)."""
