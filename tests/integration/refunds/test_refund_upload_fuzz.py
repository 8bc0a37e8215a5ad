"""Upload fuzzing through RefundService.add_evidence: every bad file gets its own message, the claim survives."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import av
import pytest
from PIL import Image

from tests.integration.refunds.conftest import BR_EMAIL, BR_ORDER
from tests.integration.refunds.refund_media import (
    GPS_IFD,
    photo,
    sparse_file,
    truncated_jpeg,
    video,
    zip_named_jpg,
)

pytestmark = pytest.mark.integration


@pytest.fixture
def case_services(refund_services):  # type: ignore[no-untyped-def]
    services = refund_services(max_video_seconds=5)
    case = services.refunds.open_claim(BR_ORDER, BR_EMAIL, "damaged", "Chegou quebrado")
    return services, case


def test_bad_files_get_clear_messages_and_the_good_ones_are_kept(case_services, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    services, case = case_services
    empty = tmp_path / "empty.jpg"
    empty.write_bytes(b"")
    text = tmp_path / "notes.jpg"
    text.write_text("just some text, not a picture")
    pdf = tmp_path / "receipt.png"
    pdf.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")
    huge = sparse_file(tmp_path / "huge.jpg", 500 * 1024 * 1024)
    uploads = [
        (photo(tmp_path / "good.jpg", seed=1), "good.jpg"),
        (empty, "empty.jpg"),
        (text, "notes.jpg"),
        (pdf, "receipt.png"),
        (truncated_jpeg(tmp_path / "cut.jpg"), "cut.jpg"),
        (zip_named_jpg(tmp_path / "photos.jpg"), "photos.jpg"),
        (huge, "huge.jpg"),
        (video(tmp_path / "long.mp4", seconds=8), "long.mp4"),
        (video(tmp_path / "clip.webm", seconds=2, fmt="webm"), "clip.webm"),
    ]
    report = services.refunds.add_evidence(case.id, uploads)

    assert [e.original_name for e in report.accepted] == ["good.jpg", "clip.webm"]
    messages = {r.filename: r.message for r in report.rejected}
    assert "empty (0 bytes)" in messages["empty.jpg"]
    assert "not a supported photo or video" in messages["notes.jpg"]
    assert "application/pdf" in messages["receipt.png"]
    assert "damaged or incomplete" in messages["cut.jpg"]
    assert "archive" in messages["photos.jpg"] and "zip" in messages["photos.jpg"]
    assert "500 MB" in messages["huge.jpg"] and "at most 100 MB" in messages["huge.jpg"]
    assert "8 seconds" in messages["long.mp4"] and "at most 5 seconds" in messages["long.mp4"]
    assert all(name in message for name, message in messages.items()), "each message names its file"
    # The case and its good evidence are intact and the next step still works.
    assert len(services.refunds.case_detail(case.id).evidence) == 2
    assert services.refunds.propose(case.id).status == "review"
    rejected_audit = services.audit.for_case("refund", case.id)[1].detail["rejected"]
    assert len(rejected_audit) == 7


def test_the_500_mb_file_is_refused_without_reading_it(case_services, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    services, case = case_services
    huge = sparse_file(tmp_path / "huge.mp4", 500 * 1024 * 1024)
    tracemalloc.start()
    try:
        report = services.refunds.add_evidence(case.id, [(huge, "huge.mp4")])
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert not report.accepted
    assert "files may be at most" in report.rejected[0].message
    assert peak < 20 * 1024 * 1024, f"{peak / 2**20:.0f} MB allocated: the file was read"


def test_stored_copies_carry_no_gps_and_heic_becomes_jpeg(case_services, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    services, case = case_services
    original = photo(tmp_path / "gps.jpg", seed=3)
    assert Image.open(original).getexif().get_ifd(GPS_IFD), "the fixture really has GPS"
    uploads = [
        (original, "gps.jpg"),
        (photo(tmp_path / "phone.heic", seed=4, fmt="HEIF"), "phone.heic"),
        (photo(tmp_path / "screen.webp", seed=5, fmt="WEBP"), "screen.webp"),
        (video(tmp_path / "clip.mov", fmt="mov"), "clip.mov"),
    ]
    report = services.refunds.add_evidence(case.id, uploads)
    assert not report.rejected, report.rejected
    stored = {e.original_name: services.files.get(e.sha256) for e in report.accepted}
    for name in ("gps.jpg", "phone.heic", "screen.webp"):
        with Image.open(stored[name].path) as image:  # type: ignore[union-attr]
            assert not image.getexif().get_ifd(GPS_IFD) and len(image.getexif()) == 0, name
            assert "exif" not in image.info and "xmp" not in image.info
    assert stored["phone.heic"].mime == "image/jpeg"  # type: ignore[union-attr]
    with av.open(str(stored["clip.mov"].path)) as container:  # type: ignore[union-attr]
        assert not any("location" in key for key in container.metadata)
        assert container.streams.video[0].frames > 0


def test_count_limits_are_per_claim(refund_services, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    services = refund_services(max_images_per_claim=2)
    case = services.refunds.open_claim(BR_ORDER, BR_EMAIL, "damaged", "")
    report = services.refunds.add_evidence(
        case.id, [(photo(tmp_path / f"{i}.jpg", seed=i), f"{i}.jpg") for i in range(3)]
    )
    assert len(report.accepted) == 2
    assert "at most 2 photos" in report.rejected[0].message
    again = services.refunds.add_evidence(case.id, [(photo(tmp_path / "x.jpg", seed=9), "x.jpg")])
    assert not again.accepted and again.rejected
