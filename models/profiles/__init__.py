"""Model profiles: one YAML file per served model (what to serve and how), loaded as ModelProfile."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, model_validator

from models.config import VLLMConfig
from models.types import Capabilities

PROFILES_DIR = Path(__file__).parent

Modality = Literal["text", "image", "video"]

# Flags serve.py derives from typed fields; repeating them in vllm_args would be ambiguous.
_GENERATED_FLAGS = (
    "--model",
    "--served-model-name",
    "--host",
    "--port",
    "--max-model-len",
    "--limit-mm-per-prompt",
)


class ModelProfile(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str
    description: str = ""
    hf_id: str
    served_name: str
    local_path: str | None = None
    """Serve from this folder instead of `hf_id` (relative paths: to the working directory)."""
    max_model_len: int = Field(gt=0)
    modalities: list[Modality] = Field(min_length=1)
    limit_mm_per_prompt: dict[Literal["image", "video"], int] = Field(default_factory=dict)
    json_schema: bool = True
    vllm_args: list[str] = Field(default_factory=list)
    env: dict[str, str] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _consistent(self) -> ModelProfile:
        for arg in self.vllm_args:
            if arg.split("=", 1)[0] in _GENERATED_FLAGS:
                raise ValueError(f"{arg} is derived from the profile fields; remove it from vllm_args")
        for modality in self.limit_mm_per_prompt:
            if modality not in self.modalities:
                raise ValueError(f"limit_mm_per_prompt has {modality!r} but modalities are {self.modalities}")
        return self

    @property
    def capabilities(self) -> Capabilities:
        return Capabilities(
            streaming=True,
            images="image" in self.modalities,
            video="video" in self.modalities,
            json_schema=self.json_schema,
        )

    def vllm_config(self, base_urls: list[str], **overrides: object) -> VLLMConfig:
        """A client config for servers started from this profile."""
        return VLLMConfig.model_validate(
            {
                "base_urls": base_urls,
                "model": self.served_name,
                "capabilities": self.capabilities,
                **overrides,
            }
        )


def list_profiles() -> list[str]:
    """Names of the bundled profiles."""
    return sorted(p.stem for p in PROFILES_DIR.glob("*.yaml"))


def load_profile(name_or_path: str | Path) -> ModelProfile:
    """A bundled profile by name (`qwen2.5-vl-7b`) or any YAML file by path."""
    candidate = Path(name_or_path)
    path = candidate if candidate.suffix in (".yaml", ".yml") else PROFILES_DIR / f"{name_or_path}.yaml"
    if not path.is_file():
        raise FileNotFoundError(f"no model profile {name_or_path!r}; bundled: {', '.join(list_profiles())}")
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise ValueError(f"{path}: a profile must be a YAML mapping")
    return ModelProfile.model_validate(data)
