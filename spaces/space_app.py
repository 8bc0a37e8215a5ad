"""The Hugging Face Space: the same app (console + buyer widget + API) with Qwen2.5-VL in-process.

`build_space` composes everything without loading weights (the model loads in `main`, or on first use), so it runs
on any CPU machine; `main` downloads the profile's weights (pre-fetched at Space build time by `preload_from_hub`),
loads them on the GPU when there is one, indexes the demo store and serves on 0.0.0.0:7860.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

import uvicorn
from fastapi import FastAPI

# First of the app imports on purpose: ZeroGPU wants `spaces` imported before anything initialises CUDA.
from zero_gpu import GPUChatModel, zero_gpu_decorator  # isort: skip

from app.server import create_app, uvicorn_options
from app.services.auth import MerchantCredentials, resolve_credentials
from app.settings import Settings
from app.wiring import Services, build_services
from knowledge.embedders import Embedder
from models.config import TransformersConfig
from models.profiles import ModelProfile, load_profile
from models.registry import build_chat_model
from models.types import ChatModel

log = logging.getLogger("space")

SPACE_HOST = "0.0.0.0"
SPACE_PORT = 7860  # what the Spaces proxy forwards to


@dataclass
class SpaceApp:
    services: Services
    api: FastAPI
    credentials: MerchantCredentials | None
    profile: ModelProfile
    # What the app calls (GPU-wrapped on ZeroGPU) and the in-process model underneath (for loading).
    model: ChatModel
    base_model: ChatModel

    def close(self) -> None:
        self.services.close()


def space_settings(settings: Settings, model_path: str) -> Settings:
    """The Space always runs the in-process backend; the Status tab reads these fields."""
    return settings.model_copy(
        update={
            "chat_backend": "transformers",
            "vision_backend": "transformers",
            "transformers_model_path": model_path,
            "vision_transformers_model_path": model_path,
        }
    )


def build_model(
    profile: ModelProfile, model_path: str, device: str, gpu_duration_s: int
) -> tuple[ChatModel, ChatModel]:
    """(model the app calls, in-process model). Nothing is loaded here."""
    on_gpu = device.startswith("cuda")
    base = build_chat_model(
        TransformersConfig(
            model_path=model_path,
            vision=True,
            device=device,
            # bf16 on a GPU (the profiles serve bf16); fp32 on a CPU, which lacks fast bf16 kernels.
            dtype="bfloat16" if on_gpu else "float32",
            # Bounded image size keeps one refund photo from taking a whole GPU slot.
            max_pixels=1024 * 28 * 28,
        )
    )
    decorate = zero_gpu_decorator(gpu_duration_s)
    if decorate is None:
        return base, base
    log.info("ZeroGPU: generations run inside spaces.GPU(duration=%ds)", gpu_duration_s)
    return GPUChatModel(base, decorate), base


def build_space(
    settings: Settings,
    *,
    model_path: str | None = None,
    device: str | None = None,
    embedder: Embedder | None = None,
) -> SpaceApp:
    """Compose the Space's app. `model_path` defaults to the profile's hub id; no weights are read."""
    profile = load_profile(settings.space_profile)
    path = model_path or profile.local_path or profile.hf_id
    settings = space_settings(settings, path)
    model, base = build_model(
        profile, path, device or settings.transformers_device, settings.space_gpu_duration_s
    )
    services = build_services(
        settings, chat_model=model, vision_model=model, embedder=embedder, start_models=False
    )
    credentials = resolve_credentials(
        settings.merchant_username,
        settings.merchant_password_hash.get_secret_value() if settings.merchant_password_hash else None,
        settings.demo_mode,
    )
    return SpaceApp(services, create_app(services, credentials), credentials, profile, model, base)


def _pick_device() -> str:
    import torch

    # On ZeroGPU, `spaces` makes CUDA look available at start-up and attaches the GPU per call.
    return "cuda" if torch.cuda.is_available() else "cpu"


def _download(profile: ModelProfile) -> str:
    if profile.local_path and Path(profile.local_path).is_dir():
        return profile.local_path
    from huggingface_hub import snapshot_download

    # Already in the cache when the Space was built with `preload_from_hub`.
    return snapshot_download(profile.hf_id)


def main() -> None:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    settings = Settings().model_copy(
        update={"host": SPACE_HOST, "port": SPACE_PORT, "demo_mode": True, "seed_demo_data": True}
    )
    profile = load_profile(settings.space_profile)
    space = build_space(settings, model_path=_download(profile), device=_pick_device())
    try:
        # Load before serving: on ZeroGPU weights must be placed outside the GPU-decorated calls, and elsewhere the
        # first buyer should not wait for a multi-GB load.
        load = getattr(space.base_model, "load", None)
        if callable(load):
            load()
        report = space.services.knowledge_admin.ingest_corpus()
        log.info("knowledge index ready: %s", report.summary())
        if space.credentials and space.credentials.generated_password:
            # Only the Space owner sees the logs. Set MC_MERCHANT_PASSWORD_HASH as a Space secret instead.
            print(
                f"Console login (demo, new each start): {space.credentials.username} / "
                f"{space.credentials.generated_password}"
            )
        uvicorn.run(
            space.api, host=SPACE_HOST, port=SPACE_PORT, log_level="warning",
            **uvicorn_options(settings.trusted_proxies, settings.http_keep_alive_s),
        )  # fmt: skip
    finally:
        space.close()
