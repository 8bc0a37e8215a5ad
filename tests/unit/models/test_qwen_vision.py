"""Pure parts of the Qwen2.5-VL input pipeline (no model, no transformers)."""

from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from models.errors import UnsupportedInputError
from models.qwen_vision import (
    PATCH_FACTOR,
    fetch_image,
    fetch_video,
    patchify_video,
    sample_frame_count,
    smart_resize,
    to_qwen_messages,
)
from models.types import ChatMessage, ImagePart, TextPart, VideoPart
from tests.support.fixtures_models import write_mp4, write_png

pytestmark = pytest.mark.unit


def test_to_qwen_messages_uses_file_uris_and_video_sampling(tmp_path: Path) -> None:
    image, clip = write_png(tmp_path / "a b.png"), write_mp4(tmp_path / "c.mp4")
    messages = [
        ChatMessage(role="system", content="one"),
        ChatMessage(role="system", content="two"),
        ChatMessage(
            role="user",
            content=[
                TextPart(text="see"),
                ImagePart(path=image),
                VideoPart(path=clip, fps=0.5, max_frames=6),
            ],
        ),
    ]
    system, user = to_qwen_messages(messages, min_pixels=100, max_pixels=1000)
    assert system == {"role": "system", "content": [{"type": "text", "text": "one\n\ntwo"}]}
    text, img, vid = user["content"]
    assert text == {"type": "text", "text": "see"}
    assert img == {"type": "image", "image": image.resolve().as_uri(), "min_pixels": 100, "max_pixels": 1000}
    assert img["image"].startswith("file:///") and "a%20b.png" in img["image"]
    assert vid["video"] == clip.resolve().as_uri() and vid["fps"] == 0.5 and vid["max_frames"] == 6


def test_to_qwen_messages_rejects_missing_files(tmp_path: Path) -> None:
    with pytest.raises(UnsupportedInputError):
        to_qwen_messages([ChatMessage(role="user", content=[ImagePart(path=tmp_path / "x.png")])])


@given(
    height=st.integers(min_value=10, max_value=4000),
    width=st.integers(min_value=10, max_value=4000),
    min_tokens=st.integers(min_value=4, max_value=64),
    extra_tokens=st.integers(min_value=0, max_value=2000),
)
def test_smart_resize_gives_patch_multiples_within_bounds(
    height: int, width: int, min_tokens: int, extra_tokens: int
) -> None:
    if max(height, width) / min(height, width) > 200:
        return
    min_pixels = min_tokens * PATCH_FACTOR**2
    max_pixels = (min_tokens + extra_tokens) * PATCH_FACTOR**2
    h, w = smart_resize(height, width, PATCH_FACTOR, min_pixels, max_pixels)
    assert h % PATCH_FACTOR == 0 and w % PATCH_FACTOR == 0 and min(h, w) >= PATCH_FACTOR
    if min(h, w) > PATCH_FACTOR:  # not clamped to one patch on the short side
        assert h * w <= max_pixels or h * w <= min_pixels * 2  # over max only when rounding up to min


def test_fetch_image_resizes_to_patch_grid(tmp_path: Path) -> None:
    path = write_png(tmp_path / "p.png", size=(100, 60))
    image = fetch_image({"image": path.as_uri(), "min_pixels": 4 * 784, "max_pixels": 16 * 784})
    assert image.mode == "RGB" and image.width % 28 == 0 and image.height % 28 == 0


@pytest.mark.parametrize(
    ("total", "video_fps", "fps", "max_frames", "expected"),
    [
        (8, 4.0, 2.0, 16, 4),
        (100, 25.0, 1.0, 16, 4),
        (300, 10.0, 2.0, 16, 16),
        (9, 4.0, 4.0, 16, 8),
        (300, 10.0, 1.0, 7, 6),
    ],
)
def test_sample_frame_count_follows_qwen_vl_utils(total, video_fps, fps, max_frames, expected) -> None:
    assert sample_frame_count(total, video_fps, fps, max_frames) == expected


def test_fetch_video_samples_and_resizes(tmp_path: Path) -> None:
    clip = write_mp4(tmp_path / "c.mp4", frames=8, fps=4)
    frames, sample_fps = fetch_video({"video": clip.as_uri(), "fps": 2.0, "max_frames": 16,
                                      "min_pixels": 4 * 784, "max_pixels": 8 * 784})  # fmt: skip
    t, c, h, w = frames.shape
    assert (t, c) == (4, 3) and h % 28 == 0 and w % 28 == 0 and frames.dtype == np.uint8
    assert sample_fps == pytest.approx(2.0)
    assert frames[0].mean() < frames[-1].mean()  # the clip gets brighter frame by frame: order kept


def test_fetch_video_rejects_non_video(tmp_path: Path) -> None:
    path = tmp_path / "x.mp4"
    path.write_text("nope")
    with pytest.raises(UnsupportedInputError):
        fetch_video({"video": path.as_uri()})


def test_patchify_video_layout_matches_qwen2vl_video_processor() -> None:
    processor = SimpleNamespace(
        patch_size=2, merge_size=2, temporal_patch_size=2, image_mean=[0, 0, 0], image_std=[1, 1, 1],
        rescale_factor=1.0,
    )  # fmt: skip
    frames = np.arange(3 * 3 * 8 * 4, dtype=np.float32).reshape(3, 3, 8, 4)  # T=3 (padded to 4), C, H, W
    patches, grid = patchify_video(frames, processor)
    assert grid == (2, 4, 2)
    assert patches.shape == (2 * 4 * 2, 3 * 2 * 2 * 2)
    # Row 0: first temporal group, top-left patch; features ordered (C, t, ph, pw).
    expected = np.stack([frames[0:2, c, 0:2, 0:2] for c in range(3)]).reshape(-1)
    np.testing.assert_array_equal(patches[0], expected)
    # Rows are ordered (t, h-block, w-block, h-in-block, w-in-block): row 1 = patch right of row 0.
    expected_right = np.stack([frames[0:2, c, 0:2, 2:4] for c in range(3)]).reshape(-1)
    np.testing.assert_array_equal(patches[1], expected_right)
    # The padded last temporal group repeats the last frame.
    np.testing.assert_array_equal(patches[8][:8], np.stack([frames[2, 0, 0:2, 0:2]] * 2).reshape(-1))
