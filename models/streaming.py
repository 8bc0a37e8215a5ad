"""Stop strings applied to a stream of text deltas (OpenAI semantics: the stop string is not returned)."""

from __future__ import annotations

from collections.abc import Sequence


class StopFilter:
    """Feed deltas in, get safe-to-show text out; holds back text that may start a stop string."""

    def __init__(self, stop: Sequence[str] | None) -> None:
        self._stop = [s for s in (stop or []) if s]
        self._pending = ""
        self.stopped = False

    def feed(self, delta: str) -> str:
        if self.stopped:
            return ""
        text = self._pending + delta
        cut = min((i for i in (text.find(s) for s in self._stop) if i >= 0), default=-1)
        if cut >= 0:
            self.stopped = True
            self._pending = ""
            return text[:cut]
        keep = self._held_back(text)
        self._pending = text[len(text) - keep :] if keep else ""
        return text[: len(text) - keep]

    def flush(self) -> str:
        """The held-back tail once the stream ended without a stop string."""
        tail, self._pending = self._pending, ""
        return "" if self.stopped else tail

    def _held_back(self, text: str) -> int:
        """Length of the longest suffix of `text` that is a proper prefix of a stop string."""
        best = 0
        for stop in self._stop:
            for n in range(min(len(stop) - 1, len(text)), best, -1):
                if text.endswith(stop[:n]):
                    best = n
                    break
        return best


def truncate_at_stop(text: str, stop: Sequence[str] | None) -> str:
    """`text` cut before the first stop string (non-streamed counterpart of StopFilter)."""
    stop_filter = StopFilter(stop)
    return stop_filter.feed(text) + stop_filter.flush()
