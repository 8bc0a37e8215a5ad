"""Checks by code on crafted listings in several scripts: what passes, and every reason a listing is flagged."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.domain.listings import CheckIssue, GlossaryTerm, Listing
from app.services.language import LanguageIdentifier
from app.services.listings.checks import check_listing
from app.services.listings.fact_check import build_index, unsupported_facts
from app.services.listings.marketplaces import MarketplaceProfile, load_profiles
from knowledge.products import Product, load_products

pytestmark = pytest.mark.unit

CORPUS = Path(__file__).resolve().parents[3] / "knowledge" / "corpus"
PROFILES = load_profiles()
IDENTIFIER = LanguageIdentifier()
GLOSSARY = [
    GlossaryTerm(source="PixelPort", kind="keep"),
    GlossaryTerm(source="portable monitor", kind="prefer", language="ko", target="휴대용 모니터"),
]


@pytest.fixture(scope="module")
def monitor() -> Product:
    return next(p for p in load_products(CORPUS) if p.id == "PP-156-FHD")


# Another store's product, so nothing below depends on the demo catalog's values.
KETTLE = Product(
    id="AQ-KT200", title="AquaBrew KT200 Electric Kettle 1.7 L, 2200 W, Stainless Steel", source="t.yaml",
    category="kitchen", price="39.90", currency="EUR",
    specs={"capacity": "1.7 L", "power": "2200 W", "voltage": "220–240 V", "material": "stainless steel",
           "keep warm": "no", "cord": "0.75 m"},
    warranty_months=24, description="Boils 1.7 L in about 4 minutes; auto shut-off and boil-dry protection.",
)


def _check(listing: Listing, product: Product, language: str, market: str = "shopify",
           glossary: list[GlossaryTerm] | None = None, profile: MarketplaceProfile | None = None) -> list[CheckIssue]:
    return check_listing(listing, product=product, index=build_index(product), language=language,
                         profile=profile or PROFILES[market], glossary=GLOSSARY if glossary is None else glossary,
                         identifier=IDENTIFIER)


def _codes(issues: list[CheckIssue]) -> set[str]:
    return {issue.code for issue in issues}


GOOD = {
    "ko": Listing(
        title='PixelPort 15.6" 휴대용 모니터 FHD IPS 60Hz',
        bullets=["1920 x 1080 IPS 패널, 300니트 밝기", "USB-C 케이블 하나로 영상, 소리, 전원 연결", "무게 0.75 kg, 18개월 보증"],
        description="가볍고 얇은 15.6인치 휴대용 모니터입니다. 노트북과 게임기에 연결해 듀얼 스크린으로 사용하세요.",
        keywords=["휴대용 모니터", "포터블 모니터"]),
    "ja": Listing(
        title="PixelPort 15.6インチ モバイルモニター フルHD IPS 60Hz",
        bullets=["１９２０×１０８０ のIPSパネル、輝度300nit", "USB-Cケーブル1本で映像・音声・電源を接続"],
        description="薄くて軽い15.6インチのモバイルモニターです。ノートパソコンやゲーム機のサブ画面として使えます。",
        keywords=["モバイルモニター"]),
    "zh": Listing(
        title="PixelPort 15.6英寸便携显示器 全高清 IPS 60Hz",
        bullets=["1920 x 1080 IPS 面板，亮度 300 尼特", "一根 USB-C 线即可传输视频、音频和供电"],
        description="轻薄的15.6英寸便携显示器，适合笔记本电脑和游戏机作为第二块屏幕使用，出差旅行都很方便。",
        keywords=["便携显示器"]),
    "ar": Listing(
        title="شاشة PixelPort محمولة ١٥٫٦ بوصة بدقة 1920 x 1080",
        bullets=["لوحة IPS بسطوع 300 شمعة", "كابل USB-C واحد للصورة والصوت والطاقة"],
        description="شاشة محمولة خفيفة ونحيفة مقاس 15.6 بوصة، مثالية كشاشة ثانية للحاسوب المحمول وأجهزة الألعاب أثناء السفر.",
        keywords=["شاشة محمولة"]),
    "ru": Listing(
        title="Портативный монитор PixelPort 15,6 дюйма, Full HD IPS, 60 Гц",
        bullets=["Матрица IPS 1920 x 1080, яркость 300 нит", "Один кабель USB-C для видео, звука и питания"],
        description="Лёгкий и тонкий портативный монитор с диагональю 15,6 дюйма для ноутбука и игровой приставки. Гарантия 18 месяцев.",
        keywords=["портативный монитор"]),
    "pl": Listing(
        title="PixelPort przenośny monitor 15,6 cala Full HD IPS 60 Hz",
        bullets=["Matryca IPS 1920 x 1080, jasność 300 nitów", "Jeden kabel USB-C przesyła obraz, dźwięk i zasilanie"],
        description="Lekki i smukły przenośny monitor 15,6 cala, idealny jako drugi ekran do laptopa i konsoli w podróży.",
        keywords=["przenośny monitor"]),
    "fr": Listing(
        title="PixelPort écran portable 15,6 pouces Full HD IPS 60 Hz",
        bullets=["Dalle IPS 1920 x 1080 mate, luminosité de 300 nits", "Un seul câble USB-C pour l'image, le son et l'alimentation"],
        description="Écran portable léger et très fin, idéal comme second écran pour l'ordinateur portable ou la console en déplacement.",
        keywords=["écran portable"]),
}


@pytest.mark.parametrize("language", sorted(GOOD))
def test_a_faithful_listing_passes_every_check(monitor: Product, language: str) -> None:
    assert _check(GOOD[language], monitor, language) == []


def test_invented_refresh_rate_and_hdr_grade_are_flagged_in_korean_and_japanese(monitor: Product) -> None:
    korean = GOOD["ko"].model_copy(update={"title": 'PixelPort 15.6" 휴대용 모니터 FHD IPS 144Hz'})
    issues = _check(korean, monitor, "ko")
    assert [(i.code, i.field) for i in issues] == [("unsupported_number", "title")] and "144Hz" in issues[0].detail

    japanese = GOOD["ja"].model_copy(update={"bullets": ["HDR1000対応のIPSパネル、輝度300nit"]})
    issues = _check(japanese, monitor, "ja")
    assert _codes(issues) == {"unsupported_identifier"} and "HDR1000" in issues[0].detail


def test_video_line_counts_follow_the_resolution() -> None:
    screen = Product(id="SCR-1", title="Screen", source="t.yaml", specs={"resolution": "1920 x 1080"})
    assert unsupported_facts("Full HD 1080p", build_index(screen))["identifier"] == []
    assert unsupported_facts("QHD 1440p", build_index(screen))["identifier"] == ["1440p"]


@pytest.mark.parametrize(("language", "text"), [
    ("ko", "iPad 및 Thunderbolt 노트북과 호환되고 Dolby 사운드를 지원하는 휴대용 모니터입니다."),
    ("ru", "Портативный монитор со звуком Dolby, совместимый с iPad и ноутбуками Thunderbolt."),
])
def test_names_the_facts_do_not_have_are_flagged_in_other_scripts(monitor: Product, language: str, text: str) -> None:
    details = " ".join(i.detail for i in _check(Listing(title="PixelPort", description=text), monitor, language))
    assert "'iPad'" in details and "'Dolby'" in details
    assert "'Thunderbolt'" not in details  # the facts name Thunderbolt/USB4 laptops


def test_wrong_unit_on_a_real_number_is_flagged(monitor: Product) -> None:
    # 300 is in the facts, but as nits, not as grams.
    listing = GOOD["zh"].model_copy(update={"bullets": ["重量仅 300 克"]})
    assert _codes(_check(listing, monitor, "zh")) == {"unsupported_number"}


@pytest.mark.parametrize(("language", "text"), [
    ("ar", "شاشة محمولة مقاومة للماء مثالية للسفر والعمل في أي مكان تريده مع حاسوبك المحمول."),
    ("ru", "Портативный монитор с сенсорным экраном для ноутбука и игровой приставки в поездках."),
    ("de", "Wasserdichter tragbarer Bildschirm mit eingebautem Akku für Laptop und Spielkonsole unterwegs."),
    ("zh", "这款便携显示器支持无线投屏，适合笔记本电脑和游戏机在旅行中使用，非常方便。"),
])
def test_features_the_product_lacks_are_flagged(monitor: Product, language: str, text: str) -> None:
    listing = Listing(title="PixelPort 15.6", description=text)
    issues = [i for i in _check(listing, monitor, language) if i.code == "unsupported_claim"]
    assert issues, _check(listing, monitor, language)


def test_resolution_classes_are_claims_backed_by_the_facts() -> None:
    catalog = {p.id: p for p in load_products(CORPUS)}
    listing = Listing(title="PixelPort UHD", description="Ein tragbarer Monitor mit UHD-Auflösung für unterwegs.")
    assert "unsupported_claim" in _codes(_check(listing, catalog["PP-156-FHD"], "de"))
    assert "unsupported_claim" not in _codes(_check(listing, catalog["PP-156-4K-OLED"], "de"))


def test_a_touch_claim_is_fine_for_the_touch_model() -> None:
    touch = next(p for p in load_products(CORPUS) if p.id == "PP-156-TOUCH")
    listing = Listing(title="PixelPort 15.6 touch", description="Портативный монитор с сенсорным экраном для ноутбука.")
    assert not [i for i in _check(listing, touch, "ru") if i.code == "unsupported_claim"]


def test_diacritics_decimal_commas_and_ranges_of_another_store_are_read() -> None:
    listing = Listing(
        title="AquaBrew KT200 Wasserkocher 1,7 l, 2200 W, Edelstahl",
        bullets=["220–240 V, Kabel 0,75 m"],
        description="Kocht 1,7 Liter in etwa 4 Minuten, mit Abschaltautomatik und Trockengehschutz. 24 Monate Garantie.",
    )
    assert _check(listing, KETTLE, "de", glossary=[]) == []
    wrong = listing.model_copy(update={"title": "AquaBrew KT300 Wasserkocher 2,0 l, 3000 W"})
    details = " ".join(i.detail for i in _check(wrong, KETTLE, "de", glossary=[]))
    assert "KT300" in details and "2,0 l" in details and "3000 W" in details


def test_text_in_another_language_is_flagged(monitor: Product) -> None:
    issues = _check(GOOD["fr"], monitor, "de")
    assert _codes(issues) == {"language"} and "French" in issues[0].detail


def test_brand_translated_and_preferred_term_missing_break_the_glossary(monitor: Product) -> None:
    listing = GOOD["ko"].model_copy(update={
        "title": '픽셀포트 15.6" 포터블 모니터 FHD IPS 60Hz',
        "description": "가볍고 얇은 15.6인치 포터블 모니터입니다. 노트북과 게임기에 연결해 듀얼 스크린으로 사용하세요.",
        "keywords": ["포터블 모니터"]})
    details = [i.detail for i in _check(listing, monitor, "ko") if i.code == "glossary"]
    assert any("PixelPort" in d for d in details) and any("휴대용 모니터" in d for d in details)


def test_marketplace_limits_and_forbidden_words(monitor: Product) -> None:
    long_title = GOOD["fr"].model_copy(update={"title": "PixelPort " + "écran portable " * 8})
    issues = _check(long_title, monitor, "fr", market="ebay")
    assert ("length", "title") in {(i.code, i.field) for i in issues}
    assert ("length", "bullets") in {(i.code, i.field) for i in issues}  # eBay has no bullet field

    promo = Listing(title="PixelPort portable monitor - free shipping!", bullets=["Best seller in 2026"],
                    description="A light 15.6 inch portable monitor with one USB-C cable for video, sound and power.")
    forbidden = [i for i in _check(promo, monitor, "en", market="amazon") if i.code == "forbidden"]
    assert {"title"} <= {i.field for i in forbidden} and any("'!'" in i.detail for i in forbidden)
    assert any("best seller" in i.detail for i in forbidden)


@pytest.mark.parametrize("payload", [
    "<script>alert(1)</script>", '<img src=x onerror="steal()">', "javascript:alert(1)", "[click](http://evil.example)",
    "&#60;b&#62;",
])
def test_markup_and_script_are_refused(monitor: Product, payload: str) -> None:
    listing = GOOD["fr"].model_copy(update={"description": GOOD["fr"].description + " " + payload})
    assert "html" in _codes(_check(listing, monitor, "fr"))


def test_every_profile_cites_its_sources() -> None:
    assert {"amazon", "ebay", "aliexpress", "shopify", "mercadolivre", "coupang"} <= set(PROFILES)
    for profile in PROFILES.values():
        assert profile.sources and all("http" in source for source in profile.sources)


def test_amazon_search_terms_are_counted_in_bytes(monitor: Product) -> None:
    # 90 Hangul characters are under 249 characters but 270 UTF-8 bytes: over Amazon's search-term limit.
    listing = GOOD["ko"].model_copy(update={"keywords": ["휴대용 모니터"] * 2 + ["모니터" * 26]})
    issues = [i for i in _check(listing, monitor, "ko", market="amazon") if (i.code, i.field) == ("length", "keywords")]
    assert issues and "bytes" in issues[0].detail
    assert not [i for i in _check(listing, monitor, "ko", market="shopify") if (i.code, i.field) == ("length", "keywords")]
