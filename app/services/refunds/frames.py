"""Video probing and bounded frame sampling with PyAV (never more than a fixed number of decoded frames)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import av
from PIL import Image

# Whatever the container claims, we stop decoding after this many frames.
MAX_DECODED_FRAMES = 3_600
THUMB_EDGE = 768


class UnreadableVideoError(ValueError):
    """The file is not a video PyAV can decode."""


@dataclass(frozen=True)
class VideoProbe:
    duration_s: float
    width: int
    height: int
    codec: str


def probe_video(path: Path) -> VideoProbe:
    """Duration and size; also decodes the first frame so a truncated or fake file fails here."""
    try:
        with av.open(str(path)) as container:
            if not container.streams.video:
                raise UnreadableVideoError("no video stream")
            stream = container.streams.video[0]
            duration = _duration_s(container, stream)
            first = next(container.decode(stream), None)
            if first is None:
                raise UnreadableVideoError("no decodable frame")
            return VideoProbe(
                duration_s=duration, width=first.width, height=first.height, codec=stream.codec_context.name
            )
    except (av.FFmpegError, OSError, StopIteration, IndexError) as exc:
        raise UnreadableVideoError(str(exc)) from exc


def _duration_s(container: av.container.InputContainer, stream: av.video.stream.VideoStream) -> float:
    if stream.duration is not None and stream.time_base is not None:
        return float(stream.duration * stream.time_base)
    if container.duration is not None:
        return container.duration / av.time_base
    return 0.0


def sample_frames(path: Path, max_frames: int) -> list[Image.Image]:
    """Up to `max_frames` RGB frames spread evenly over the video (the middle of each equal slice)."""
    if max_frames < 1:
        return []
    try:
        with av.open(str(path)) as container:
            stream = container.streams.video[0]
            duration = _duration_s(container, stream)
            if duration > 0:
                return _by_time(container, stream, duration, max_frames)
            return _by_count(container, stream, max_frames)
    except (av.FFmpegError, OSError, IndexError) as exc:
        raise UnreadableVideoError(str(exc)) from exc


def _thumb(frame: av.VideoFrame) -> Image.Image:
    image = frame.to_image().convert("RGB")
    image.thumbnail((THUMB_EDGE, THUMB_EDGE))
    return image


def _by_time(
    container: av.container.InputContainer, stream: av.video.stream.VideoStream, duration: float, n: int
) -> list[Image.Image]:
    targets = [duration * (i + 0.5) / n for i in range(n)]
    picked: list[Image.Image] = []
    last: av.VideoFrame | None = None
    for index, frame in enumerate(container.decode(stream)):
        last = frame
        while targets and frame.time is not None and frame.time >= targets[0]:
            picked.append(_thumb(frame))
            targets.pop(0)
        if not targets or index >= MAX_DECODED_FRAMES:
            break
    if targets and last is not None:  # the container over-reported its duration
        picked.append(_thumb(last))
    return picked


def _by_count(
    container: av.container.InputContainer, stream: av.video.stream.VideoStream, n: int
) -> list[Image.Image]:
    frames: list[Image.Image] = []
    for index, frame in enumerate(container.decode(stream)):
        if (
            index % 10 == 0
        ):  # keep memory bounded: every 10th frame, at most MAX_DECODED_FRAMES / 10 thumbnails
            frames.append(_thumb(frame))
        if index >= MAX_DECODED_FRAMES:
            break
    if len(frames) <= n:
        return frames
    step = len(frames) / n
    return [frames[int(i * step + step / 2)] for i in range(n)]


def save_frames(path: Path, out_dir: Path, max_frames: int) -> list[Path]:
    """Sampled frames as JPEG files (for models without video input and for the console gallery)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    saved = []
    for i, image in enumerate(sample_frames(path, max_frames)):
        target = out_dir / f"{path.stem}-frame{i:02d}.jpg"
        image.save(target, format="JPEG", quality=88)
        saved.append(target)
    return saved
