"""The model sees only what the question needs: few sources, each cut to its opening and matching passages."""

from __future__ import annotations

import pytest

from app.services.chat import prompt_sources
from app.services.chat.prompt_sources import GAP, MAX_SOURCES, SOURCE_CHARS, TOTAL_CHARS, focus, terms

pytestmark = pytest.mark.unit

# Shaped like the demo store's product chunks: one long "Compatible with" list and an "In the box" line.
COMPAT = (
    "Compatible with: Windows laptops with full-function USB-C (DP Alt Mode or Thunderbolt/USB4); "
    "MacBook Air/Pro M1–M4 over one USB-C cable (16:10 matches the MacBook screen); "
    "PS5 / Xbox Series X|S via mini-HDMI at 1080p 60 Hz (power via a 30 W+ USB-C charger); "
    "Nintendo Switch / Switch OLED: one USB-C cable plus the official Nintendo charger (39 W+ PD, 15 V profile); "
    "Samsung DeX (Galaxy S, Note, Z Fold and Tab S series) at 60 Hz; "
    "Steam Deck over one USB-C cable (up to 1080p 120 Hz); "
    "iPhone 15/16/17 over USB-C (screen mirroring; connect a charger to the monitor for full brightness); "
    "Android phones WITHOUT DP Alt Mode are NOT supported\n"
    "In the box: 14 in monitor; USB-C to USB-C full-function cable (1 m); Mini-HDMI to HDMI cable (1 m); "
    "USB-A to USB-C power cable (1 m); Magnetic smart cover (works as a stand); Quick start guide"
)
FAQ = (
    "A: Yes, without the dock. Connect the Switch to the monitor with the included full-function USB-C cable, and "
    "plug the official Nintendo charger (or any USB-C PD charger of 39 W or more with a 15 V profile, such as our "
    "PP-CHG-65W) into the monitor's second USB-C port. Without that charger the Switch will not switch to TV mode. "
    "A 30 W charger (PP-CHG-30W) is not enough. The Switch outputs 1080p at 60 Hz; touch input on the touchscreen "
    "model does not work in TV mode. The PixelPort Trio extender does not support consoles."
)


def test_a_short_source_reaches_the_model_whole() -> None:
    text = "A: Only the PP-156-4K-OLED is a true HDR display."
    assert focus(text, terms("HDR?"), SOURCE_CHARS) == text


def test_a_long_list_keeps_its_opening_and_the_items_the_question_names() -> None:
    cut = focus(COMPAT, terms("¿El monitor funciona con un iPhone 15?"), SOURCE_CHARS)
    assert len(cut) <= SOURCE_CHARS
    assert cut.startswith("Compatible with: Windows laptops")
    assert "iPhone 15/16/17 over USB-C" in cut
    assert GAP.strip() in cut  # the buyer's model is told something was left out


def test_an_faq_answer_keeps_its_first_sentence_and_the_asked_detail() -> None:
    cut = focus(FAQ, terms("Is a 30 W charger (PP-CHG-30W) enough for TV mode?"), 260)
    assert cut.startswith("A: Yes, without the dock.")
    assert "A 30 W charger (PP-CHG-30W) is not enough." in cut
    assert len(cut) <= 260


def test_cjk_questions_match_by_character_pairs_and_shared_codes() -> None:
    cut = focus(COMPAT, terms("スチームデッキ Steam Deck で使えますか？"), 200)
    assert "Steam Deck over one USB-C cable" in cut
    assert {"使え", "えま"} <= terms("使えます")


def test_without_a_shared_term_the_source_keeps_its_opening_passages_in_order() -> None:
    cut = focus(COMPAT, terms("xyz qqq"), 250)
    assert cut.startswith("Compatible with: Windows laptops")
    assert "Android phones" not in cut


def test_the_prompt_carries_few_sources_within_one_budget_numbered_from_one() -> None:
    sources = [(f"Product {i}", COMPAT) for i in range(6)]
    shown = prompt_sources.prompt_sources("Does it work with an iPhone?", sources)
    assert 1 <= len(shown) <= MAX_SOURCES
    assert [s.index for s in shown] == list(range(1, len(shown) + 1))
    assert sum(len(s.text) for s in shown) <= TOTAL_CHARS
    assert all("iPhone" in s.text for s in shown)
