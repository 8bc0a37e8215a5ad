"""Start a vLLM OpenAI-compatible server for a model profile.

python -m models.serve qwen2.5-vl-7b --port 8000
python -m models.serve qwen2.5-coder-0.5b-cpu --model-path /data/qwen-0.5b --dry-run
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

from models.profiles import ModelProfile, list_profiles, load_profile


def build_serve_command(
    profile: ModelProfile,
    *,
    port: int = 8000,
    host: str = "0.0.0.0",
    model_path: str | None = None,
    python: str = sys.executable,
    extra_args: Sequence[str] = (),
) -> list[str]:
    """`vllm serve` (run as `python -m vllm.entrypoints.cli.main serve`, so the same venv) for `profile`."""
    model = model_path or profile.local_path or profile.hf_id
    command = [
        python, "-m", "vllm.entrypoints.cli.main", "serve", model,
        "--served-model-name", profile.served_name,
        "--host", host,
        "--port", str(port),
        "--max-model-len", str(profile.max_model_len),
    ]  # fmt: skip
    if profile.limit_mm_per_prompt:
        # vLLM parses this flag as JSON: '{"image": 8, "video": 2}'.
        command += ["--limit-mm-per-prompt", json.dumps(profile.limit_mm_per_prompt, sort_keys=True)]
    return [*command, *profile.vllm_args, *extra_args]


def serve_env(profile: ModelProfile, base: Mapping[str, str]) -> dict[str, str]:
    """`base` (usually os.environ) plus the profile's variables; explicit base values win."""
    return {**profile.env, **base}


def describe(command: Sequence[str], profile: ModelProfile) -> str:
    """A copy-pasteable shell line."""
    env = " ".join(f"{k}={shlex.quote(v)}" for k, v in sorted(profile.env.items()))
    return f"{env} {shlex.join(command)}".strip()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m models.serve", description=__doc__.splitlines()[0])
    parser.add_argument("profile", help=f"profile name ({', '.join(list_profiles())}) or YAML path")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--host", default="0.0.0.0")
    parser.add_argument("--model-path", help="serve weights from this folder instead of the profile's")
    parser.add_argument("--dry-run", action="store_true", help="print the command line and exit")
    args, extra = parser.parse_known_args(argv)  # unknown flags go to vLLM unchanged

    profile = load_profile(args.profile)
    command = build_serve_command(
        profile, port=args.port, host=args.host, model_path=args.model_path, extra_args=extra
    )
    if args.dry_run:
        print(describe(command, profile))
        return 0
    local = args.model_path or profile.local_path
    if local and not Path(local).exists():
        print(f"model folder not found: {local} (pass --model-path)", file=sys.stderr)
        return 2
    os.execvpe(command[0], command, serve_env(profile, os.environ))
    return 0  # not reached: exec replaces this process


if __name__ == "__main__":
    raise SystemExit(main())
