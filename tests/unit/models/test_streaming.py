import pytest
from hypothesis import given
from hypothesis import strategies as st

from models.streaming import StopFilter, truncate_at_stop

pytestmark = pytest.mark.unit


def _reference(text: str, stops: list[str]) -> str:
    cuts = [i for i in (text.find(s) for s in stops if s) if i >= 0]
    return text[: min(cuts)] if cuts else text


def test_stop_string_split_across_deltas_is_not_shown() -> None:
    stop_filter = StopFilter(["###"])
    shown = [stop_filter.feed(d) for d in ["Hello #", "#", "# world"]]
    assert "".join(shown) == "Hello "
    assert stop_filter.stopped and stop_filter.flush() == ""


def test_held_back_prefix_is_released_when_it_was_not_a_stop() -> None:
    stop_filter = StopFilter(["END"])
    assert stop_filter.feed("the EN") == "the "
    assert stop_filter.feed("D") == ""
    stop_filter = StopFilter(["END"])
    assert stop_filter.feed("the EN") == "the "
    assert stop_filter.feed("jOY") == "ENjOY"
    assert stop_filter.flush() == ""


def test_no_stops_passes_everything_through() -> None:
    stop_filter = StopFilter(None)
    assert stop_filter.feed("a") + stop_filter.feed("b") + stop_filter.flush() == "ab"


@given(
    text=st.text(alphabet="abc#\n ", max_size=40),
    stops=st.lists(st.text(alphabet="abc#\n", min_size=1, max_size=4), max_size=3),
    cuts=st.lists(st.integers(min_value=0, max_value=40), max_size=8),
)
def test_streamed_output_equals_truncation_of_the_whole_text(
    text: str, stops: list[str], cuts: list[int]
) -> None:
    points = sorted({min(c, len(text)) for c in cuts})
    deltas = [text[a:b] for a, b in zip([0, *points], [*points, len(text)], strict=True)]
    stop_filter = StopFilter(stops)
    streamed = "".join(stop_filter.feed(d) for d in deltas) + stop_filter.flush()
    assert streamed == _reference(text, stops) == truncate_at_stop(text, stops)
