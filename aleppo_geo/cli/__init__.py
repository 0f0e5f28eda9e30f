"""The ``aleppo-geo`` command.

Each sub-command lives in its own module (``cmd_*.py``) exposing
``register(subparsers)``; the module sets ``func`` on its parser, which
receives the parsed ``args`` and returns the process exit code.
"""
from __future__ import annotations

import argparse
import logging
import sys
from importlib import import_module

from aleppo_geo import __version__

COMMAND_MODULES = ("cmd_gazetteer", "cmd_extract", "cmd_evaluate", "cmd_map", "cmd_train", "cmd_agreement")


class UserError(Exception):
    """A problem with the user's input: printed as one line, exit code 2."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="aleppo-geo",
        description="Find, resolve and map the places named in war reporting on Aleppo.",
    )
    parser.add_argument("--version", action="version", version=f"aleppo-geo {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log debug messages")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        try:
            module = import_module(f"aleppo_geo.cli.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"aleppo_geo.cli.{name}":
                continue  # command not built yet
            raise
        module.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.INFO,
        format="aleppo-geo: %(levelname)s: %(message)s",
        stream=sys.stderr,
    )
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return 2
    try:
        return int(args.func(args) or 0)
    except UserError as exc:
        print(f"aleppo-geo: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (`aleppo-geo ... | head`): not an error worth a traceback.
        import os

        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
