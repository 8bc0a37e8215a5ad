"""The console's Knowledge tab over loopback: upload a Shopify export, see it indexed, ask about a variant."""

from __future__ import annotations

from pathlib import Path

import pytest
from gradio_client import Client, handle_file

from tests.support.fixtures_app import MERCHANT_PASSWORD, MERCHANT_USER

pytestmark = pytest.mark.integration

IMPORTS = Path(__file__).resolve().parents[2] / "data" / "imports"


def test_merchant_uploads_a_shopify_export_and_a_bad_file(make_services, run_app) -> None:
    url = run_app(make_services(store_currency="EUR"))
    client = Client(url, auth=(MERCHANT_USER, MERCHANT_PASSWORD), verbose=False)

    note, _rows, mapping, target = client.predict(handle_file(IMPORTS / "shopify_products.csv"),
                                                  api_name="/knowledge_preview")
    assert "Shopify products" in note and target == "products"

    status, table = client.predict(handle_file(IMPORTS / "shopify_products.csv"), api_name="/knowledge_upload")
    assert status.startswith("Added 3,")  # hoodie overview + its variants, the thermos
    assert ["uploads/shopify_products.csv", 3, "product"] in table["data"]

    rows = client.predict("Fjell merino hoodie variants: charcoal L price", api_name="/knowledge_search")
    titles = [row[1] for row in rows["data"][:3]]
    assert "Fjell Merino Hoodie (fjell-merino-hoodie) — variants" in titles, titles

    with pytest.raises(Exception, match="scanned PDF"):
        client.predict(handle_file(IMPORTS / "scanned_manual.pdf"), api_name="/knowledge_upload")
