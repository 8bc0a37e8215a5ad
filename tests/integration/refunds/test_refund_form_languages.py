"""The widget's Return / refund form speaks the buyer's language, over the real app on loopback."""

from __future__ import annotations

import httpx
import pytest
from gradio_client import Client, handle_file

from tests.integration.refunds.conftest import BR_EMAIL, BR_ORDER
from tests.integration.refunds.refund_media import zip_named_jpg

pytestmark = pytest.mark.integration


def test_claim_form_errors_and_labels_in_the_buyer_language(refund_services, run_app, tmp_path) -> None:  # type: ignore[no-untyped-def]
    services = refund_services()
    url = run_app(services)

    # A Korean browser (Accept-Language) files a claim for an order that does not exist: the error is in Korean.
    korean = Client(f"{url}/widget/", verbose=False, headers={"Accept-Language": "ko-KR,ko;q=0.9,en;q=0.5"})
    with pytest.raises(Exception, match="이 주문 번호와 이메일 주소로 된 주문을 찾을 수 없습니다"):
        korean.predict(
            "PP-999999", BR_EMAIL, "damaged", "화면이 깨졌어요", [], api_name="/refund_claim_submit"
        )
    with pytest.raises(Exception, match="주문에 어떤 문제가 있었는지 선택해 주세요"):
        korean.predict(BR_ORDER, BR_EMAIL, None, "", [], api_name="/refund_claim_submit")
    # Answering an offer on someone else's claim: refused, in Korean too.
    with pytest.raises(Exception, match="이 이메일 주소로 된 해당 신청을 찾을 수 없습니다"):
        korean.predict("R-000001", BR_EMAIL, api_name="/refund_offer_accept")

    # No language preference: English, as before.
    plain = Client(f"{url}/widget/", verbose=False)
    with pytest.raises(Exception, match="We could not find an order with this number and email address"):
        plain.predict("PP-999999", BR_EMAIL, "damaged", "", [], api_name="/refund_claim_submit")
    assert services.refunds.list_cases() == [], "no claim was stored from the refused requests"

    # A real claim with a file that is not a photo: the claim is kept, the file's note is in Korean.
    archive = handle_file(str(zip_named_jpg(tmp_path / "사진.jpg")))
    number, _offer, notes = korean.predict(
        BR_ORDER, BR_EMAIL, "damaged", "화면 모서리가 깨져서 도착했습니다.", [archive], api_name="/refund_claim_submit"
    )
    assert number == "R-000001"
    assert "일부 파일이 추가되지 않았습니다" in notes and "압축 파일" in notes, notes
    stored = services.refunds.case_detail(number)
    assert "archive" in str(stored.audit), "the audit trail keeps the English reason"

    # The page's translations (Gradio picks one by the browser's language): every language, labels and limits.
    config = httpx.get(f"{url}/widget/config", timeout=30).json()
    translations = config["i18n_translations"]
    assert translations["ko"]["form.order_no"] == "주문 번호"
    assert translations["ar"]["reason.damaged"] == "وصل تالفًا"
    limit = str(services.settings.max_images_per_claim)
    assert f"{limit} 枚" in translations["ja"]["form.intro"], translations["ja"]["form.intro"]
    labels = [c["props"].get("label") for c in config["components"] if c["props"].get("label")]
    assert any("form.order_no" in str(label) for label in labels), "the form's labels are catalog keys"
