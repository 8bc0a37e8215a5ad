"""What every `python -m app …` command shares: a domain error ends the command with its message and exit 2."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable


def guarded(handler: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    def run(args: argparse.Namespace) -> int:
        from app.errors import CopilotError

        try:
            return handler(args)
        except CopilotError as exc:
            print(exc.user_message, file=sys.stderr)
            return 2

    return run
