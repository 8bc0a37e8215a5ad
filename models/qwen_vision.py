"""Qwen2.5-VL input preparation: ChatMessages -> qwen-vl-utils style messages -> model inputs.

Two interchangeable pipelines (same output keys, same resize rules):

* `QwenVLUtilsInputs` - the reference path: `AutoProcessor` + `qwen_vl_utils.process_vision_info`.
  Both need torchvision (qwen-vl-utils imports it at module level; transformers' Qwen2-VL video
  processor and `Qwen2_5_VLProcessor` construction need it too).
* `BuiltinVisionInputs` - no torchvision: tokenizer + the PIL image processor
  (`Qwen2VLImageProcessorPil`, which `AutoImageProcessor` picks when torchvision is missing), videos
  decoded with PyAV and patchified with numpy exactly like `Qwen2VLVideoProcessor.patchify`, and the
  placeholder expansion / `mm_token_type_ids` that `Qwen2_5_VLProcessor.__call__` would do.

`load_vision_inputs(path, "auto")` picks the reference path when torchvision is importable.
"""

from __future__ import annotations

import importlib.util
import json
import math
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Literal, Protocol, cast
from urllib.parse import unquote, urlparse

import numpy as np

from models.errors import UnsupportedInputError
from models.openai_messages import merge_system_messages
from models.types import ChatMessage, ImagePart, TextPart

VisionPipeline = Literal["auto", "qwen_vl_utils", "builtin"]

# The constants qwen-vl-utils 0.0.14 uses (vision_process.py), so both pipelines resize alike.
PATCH_FACTOR = 28  # patch_size 14 * spatial merge 2
IMAGE_MIN_PIXELS = 4 * PATCH_FACTOR**2
IMAGE_MAX_PIXELS = 16384 * PATCH_FACTOR**2
VIDEO_FRAME_MIN_PIXELS = 128 * PATCH_FACTOR**2
VIDEO_FRAME_MAX_PIXELS = 768 * PATCH_FACTOR**2
VIDEO_TOTAL_PIXELS = int(128000 * PATCH_FACTOR**2 * 0.9)
FRAME_FACTOR = 2
VIDEO_MIN_FRAMES = 4


def to_qwen_messages(
    messages: Sequence[ChatMessage], *, min_pixels: int | None = None, max_pixels: int | None = None
) -> list[dict[str, Any]]:
    """qwen-vl-utils message form: `{"type": "image", "image": "file:///..."}`, `{"type": "video", ...}`."""
    bounds: dict[str, int] = {}
    if min_pixels is not None:
        bounds["min_pixels"] = min_pixels
    if max_pixels is not None:
        bounds["max_pixels"] = max_pixels
    out: list[dict[str, Any]] = []
    for message in merge_system_messages(messages):
        content: list[dict[str, Any]] = []
        for part in message.parts:
            if isinstance(part, TextPart):
                content.append({"type": "text", "text": part.text})
            elif isinstance(part, ImagePart):
                content.append({"type": "image", "image": _file_uri(part.path, "image"), **bounds})
            else:
                content.append(
                    {
                        "type": "video",
                        "video": _file_uri(part.path, "video"),
                        "fps": part.fps,
                        "max_frames": part.max_frames,
                        **bounds,
                    }
                )
        out.append({"role": message.role, "content": content})
    return out


def _file_uri(path: Path, kind: str) -> str:
    if not path.is_file():
        raise UnsupportedInputError(f"The attached {kind} could not be read.", detail=f"{path}: not a file")
    return path.resolve().as_uri()


def _uri_path(uri: str) -> Path:
    return Path(unquote(urlparse(uri).path)) if uri.startswith("file://") else Path(uri)


class VisionInputs(Protocol):
    """Turns qwen-style messages into `model.generate(**inputs)` keyword arguments."""

    tokenizer: Any

    def __call__(self, qwen_messages: list[dict[str, Any]]) -> dict[str, Any]: ...


def torchvision_available() -> bool:
    return importlib.util.find_spec("torchvision") is not None


def load_vision_inputs(model_path: str, pipeline: VisionPipeline = "auto") -> VisionInputs:
    if pipeline == "qwen_vl_utils" or (pipeline == "auto" and torchvision_available()):
        return QwenVLUtilsInputs(model_path)
    return BuiltinVisionInputs(model_path)


class QwenVLUtilsInputs:
    """The reference pipeline (Qwen2.5-VL README): apply_chat_template -> process_vision_info -> processor."""

    def __init__(self, model_path: str) -> None:
        from transformers import AutoProcessor

        self.processor = AutoProcessor.from_pretrained(model_path)
        self.tokenizer = self.processor.tokenizer

    def __call__(self, qwen_messages: list[dict[str, Any]]) -> dict[str, Any]:
        from qwen_vl_utils import process_vision_info

        text = self.processor.apply_chat_template(qwen_messages, tokenize=False, add_generation_prompt=True)
        images, videos, video_kwargs = process_vision_info(qwen_messages, return_video_kwargs=True)
        inputs = self.processor(
            text=[text], images=images, videos=videos, padding=True, return_tensors="pt", **video_kwargs
        )
        return dict(inputs)


class BuiltinVisionInputs:
    """torchvision-free equivalent of QwenVLUtilsInputs (see module docstring)."""

    def __init__(self, model_path: str) -> None:
        from transformers import AutoImageProcessor, AutoTokenizer

        self.tokenizer = AutoTokenizer.from_pretrained(model_path)
        if not getattr(self.tokenizer, "chat_template", None):
            self.tokenizer.chat_template = _folder_chat_template(Path(model_path))
        self.image_processor = AutoImageProcessor.from_pretrained(model_path)
        self.image_token = "<|image_pad|>"
        self.video_token = "<|video_pad|>"
        self.image_token_id = self.tokenizer.convert_tokens_to_ids(self.image_token)
        self.video_token_id = self.tokenizer.convert_tokens_to_ids(self.video_token)

    def __call__(self, qwen_messages: list[dict[str, Any]]) -> dict[str, Any]:
        import torch

        text = cast(
            str, self.tokenizer.apply_chat_template(qwen_messages, tokenize=False, add_generation_prompt=True)
        )
        elements = [c for m in qwen_messages for c in m["content"] if c.get("type") in ("image", "video")]
        inputs: dict[str, Any] = {}
        merge = int(self.image_processor.merge_size) ** 2
        image_tokens: list[int] = []
        video_tokens: list[int] = []

        images = [fetch_image(e) for e in elements if e["type"] == "image"]
        if images:
            processed = self.image_processor(images=images, return_tensors="pt")
            inputs["pixel_values"] = processed["pixel_values"]
            inputs["image_grid_thw"] = processed["image_grid_thw"]
            image_tokens = [int(g.prod()) // merge for g in processed["image_grid_thw"]]

        videos = [e for e in elements if e["type"] == "video"]
        if videos:
            patches, grids, seconds = [], [], []
            for element in videos:
                frames, sample_fps = fetch_video(element)
                video_patches, grid = patchify_video(frames, self.image_processor)
                patches.append(video_patches)
                grids.append(grid)
                seconds.append(self.image_processor.temporal_patch_size / sample_fps)
            inputs["pixel_values_videos"] = torch.from_numpy(np.concatenate(patches, axis=0))
            inputs["video_grid_thw"] = torch.tensor(grids, dtype=torch.long)
            inputs["second_per_grid_ts"] = torch.tensor(seconds, dtype=torch.float32)
            video_tokens = [math.prod(g) // merge for g in grids]

        text = self._expand_placeholders(text, image_tokens, video_tokens)
        encoded = self.tokenizer([text], return_tensors="pt")
        ids = encoded["input_ids"]
        token_types = torch.zeros_like(ids)
        token_types[ids == self.image_token_id] = 1
        token_types[ids == self.video_token_id] = 2
        return {
            "input_ids": ids,
            "attention_mask": encoded["attention_mask"],
            "mm_token_type_ids": token_types,
            **inputs,
        }

    def _expand_placeholders(self, text: str, image_tokens: list[int], video_tokens: list[int]) -> str:
        """One placeholder per image/video -> one per merged patch, as Qwen2_5_VLProcessor does."""
        counts = {self.image_token: iter(image_tokens), self.video_token: iter(video_tokens)}
        found = {self.image_token: 0, self.video_token: 0}

        def expand(match: re.Match[str]) -> str:
            token = match.group(0)
            found[token] += 1
            n = next(counts[token], None)
            if n is None:
                raise UnsupportedInputError(detail=f"more {token} placeholders than media in the prompt")
            return token * n

        pattern = f"{re.escape(self.image_token)}|{re.escape(self.video_token)}"
        expanded = re.sub(pattern, expand, text)
        if found[self.image_token] != len(image_tokens) or found[self.video_token] != len(video_tokens):
            raise UnsupportedInputError(
                detail=f"chat template placed {found} placeholders for {len(image_tokens)} images, "
                f"{len(video_tokens)} videos"
            )
        return expanded


def _folder_chat_template(folder: Path) -> str | None:
    """Processor-level chat template files (Qwen repos ship chat_template.json)."""
    jinja = folder / "chat_template.jinja"
    if jinja.is_file():
        return jinja.read_text(encoding="utf-8")
    as_json = folder / "chat_template.json"
    if as_json.is_file():
        template = json.loads(as_json.read_text(encoding="utf-8")).get("chat_template")
        return template if isinstance(template, str) else None
    return None


def smart_resize(height: int, width: int, factor: int, min_pixels: int, max_pixels: int) -> tuple[int, int]:
    """qwen-vl-utils' rule: both sides multiples of `factor`, area within bounds, aspect kept."""
    if max(height, width) / min(height, width) > 200:
        raise UnsupportedInputError("The attached picture is too long and thin.", detail=f"{width}x{height}")
    h_bar = max(factor, round(height / factor) * factor)
    w_bar = max(factor, round(width / factor) * factor)
    if h_bar * w_bar > max_pixels:
        beta = math.sqrt((height * width) / max_pixels)
        h_bar = max(factor, math.floor(height / beta / factor) * factor)
        w_bar = max(factor, math.floor(width / beta / factor) * factor)
    elif h_bar * w_bar < min_pixels:
        beta = math.sqrt(min_pixels / (height * width))
        h_bar = math.ceil(height * beta / factor) * factor
        w_bar = math.ceil(width * beta / factor) * factor
    return h_bar, w_bar


def _to_rgb(image: Any) -> Any:
    from PIL import Image

    if image.mode == "RGBA":  # transparent areas become white, as qwen-vl-utils does
        background = Image.new("RGB", image.size, (255, 255, 255))
        background.paste(image, mask=image.split()[3])
        return background
    return image.convert("RGB")


def fetch_image(element: dict[str, Any]) -> Any:
    """A resized RGB PIL image for an `{"type": "image", "image": "file:///..."}` element."""
    from PIL import Image, UnidentifiedImageError

    path = _uri_path(element["image"])
    try:
        with Image.open(path) as opened:
            image = _to_rgb(opened)
    except (OSError, UnidentifiedImageError) as exc:
        raise UnsupportedInputError("The attached image could not be read.", detail=f"{path}: {exc}") from exc
    width, height = image.size
    new_h, new_w = smart_resize(
        height,
        width,
        PATCH_FACTOR,
        element.get("min_pixels", IMAGE_MIN_PIXELS),
        element.get("max_pixels", IMAGE_MAX_PIXELS),
    )
    return image.resize((new_w, new_h), Image.Resampling.BICUBIC)


def sample_frame_count(total_frames: int, video_fps: float, fps: float, max_frames: int) -> int:
    """qwen-vl-utils' smart_nframes: `fps` frames per second within [4, max_frames], even, <= total."""
    min_frames = math.ceil(VIDEO_MIN_FRAMES / FRAME_FACTOR) * FRAME_FACTOR
    max_frames = math.floor(min(max_frames, total_frames) / FRAME_FACTOR) * FRAME_FACTOR
    wanted = total_frames / video_fps * fps
    n = math.floor(min(max(wanted, min_frames), max_frames, total_frames) / FRAME_FACTOR) * FRAME_FACTOR
    if n < FRAME_FACTOR:
        raise UnsupportedInputError("The attached video is too short.", detail=f"{total_frames} frames")
    return n


def fetch_video(element: dict[str, Any]) -> tuple[np.ndarray, float]:
    """(frames uint8 array (T, C, H, W), sampled fps) for a `{"type": "video", ...}` element."""
    import av
    from PIL import Image

    path = _uri_path(element["video"])
    try:
        with av.open(str(path)) as container:
            stream = container.streams.video[0]
            video_fps = float(stream.average_rate or 1.0)
            total = stream.frames or _count_frames(path)
            n = sample_frame_count(
                total, video_fps, float(element.get("fps", 2.0)), element.get("max_frames", 768)
            )
            wanted = set(np.linspace(0, total - 1, n).round().astype(int).tolist())
            last = max(wanted)
            picked = []
            for index, frame in enumerate(container.decode(stream)):
                if index in wanted:
                    picked.append(frame.to_image())
                if index >= last:
                    break
    except (av.FFmpegError, OSError, IndexError) as exc:
        raise UnsupportedInputError("The attached video could not be read.", detail=f"{path}: {exc}") from exc
    while len(picked) < n:  # a container that over-reported its frame count
        picked.append(picked[-1])
    sample_fps = n / max(total, 1e-6) * video_fps
    height, width = picked[0].height, picked[0].width
    min_pixels = element.get("min_pixels", VIDEO_FRAME_MIN_PIXELS)
    max_pixels = max(
        min(VIDEO_FRAME_MAX_PIXELS, VIDEO_TOTAL_PIXELS / n * FRAME_FACTOR), int(min_pixels * 1.05)
    )
    max_pixels = min(element.get("max_pixels", max_pixels), max_pixels)
    new_h, new_w = smart_resize(height, width, PATCH_FACTOR, min_pixels, int(max_pixels))
    frames = [np.asarray(f.convert("RGB").resize((new_w, new_h), Image.Resampling.BICUBIC)) for f in picked]
    return np.stack(frames).transpose(0, 3, 1, 2), sample_fps


def _count_frames(path: Path) -> int:
    import av

    with av.open(str(path)) as container:
        return sum(1 for _ in container.decode(video=0))


def patchify_video(frames: np.ndarray, image_processor: Any) -> tuple[np.ndarray, tuple[int, int, int]]:
    """numpy port of Qwen2VLVideoProcessor rescale/normalize + patchify for one video (T, C, H, W)."""
    patch = int(image_processor.patch_size)
    merge = int(image_processor.merge_size)
    temporal = int(image_processor.temporal_patch_size)
    mean = np.asarray(image_processor.image_mean, dtype=np.float32).reshape(1, -1, 1, 1)
    std = np.asarray(image_processor.image_std, dtype=np.float32).reshape(1, -1, 1, 1)
    video = (frames.astype(np.float32) * float(image_processor.rescale_factor) - mean) / std
    if pad := -video.shape[0] % temporal:
        video = np.concatenate([video, np.repeat(video[-1:], pad, axis=0)], axis=0)
    t, c, h, w = video.shape
    grid_t, grid_h, grid_w = t // temporal, h // patch, w // patch
    patches = video.reshape(grid_t, temporal, c, grid_h // merge, merge, patch, grid_w // merge, merge, patch)
    patches = patches.transpose(0, 3, 6, 4, 7, 2, 1, 5, 8)
    flat = patches.reshape(grid_t * grid_h * grid_w, c * temporal * patch * patch)
    return np.ascontiguousarray(flat, dtype=np.float32), (grid_t, grid_h, grid_w)
