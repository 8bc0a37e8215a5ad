"""A reply that finishes even when nobody is listening any more.

The buyer's message is stored before the reply starts; if the HTTP stream or the widget's event is dropped
mid-reply (tab closed, network gone), the reply must still be finished and stored, so the buyer finds it via
`/api/chat/messages` or on reopening the widget. The events are produced in their own thread and handed over
through a queue: the consumer may stop at any time, the producer always runs to the end.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Iterator
from typing import TypeVar

from app.errors import CopilotError

T = TypeVar("T")
log = logging.getLogger(__name__)

_END = object()


class _Failure:
    def __init__(self, error: BaseException) -> None:
        self.error = error


def finish_in_background(events: Iterator[T], name: str = "chat-reply") -> Iterator[T]:
    """Yields `events` as they come; the iteration of `events` itself always runs to completion."""
    channel: queue.SimpleQueue[object] = queue.SimpleQueue()

    def produce() -> None:
        try:
            for event in events:
                channel.put(event)
        except BaseException as exc:  # handed to the consumer, who re-raises it
            if not isinstance(exc, CopilotError):
                log.warning("reply stream failed", exc_info=exc)  # logged here too: the consumer may be gone
            channel.put(_Failure(exc))
        finally:
            channel.put(_END)

    threading.Thread(target=produce, name=name, daemon=True).start()
    while True:
        item = channel.get()
        if item is _END:
            return
        if isinstance(item, _Failure):
            raise item.error
        yield item  # type: ignore[misc]
