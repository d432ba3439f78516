"""The `kg` command line. Each subcommand lives in its own module under kg.commands and registers there.

Bad input (kg.errors.InputError) becomes one clear line on stderr and exit code 2, never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from kg.errors import InputError

# Subcommand modules, in the order `kg --help` lists them. Each defines NAME, HELP, add_arguments(parser)
# and run(args) -> int.
COMMAND_MODULES = (
    "kg.commands.build",
    "kg.commands.query",
    "kg.commands.validate",
    "kg.commands.view",
    "kg.commands.export",
    "kg.commands.serve",
    "kg.commands.push",
    "kg.commands.extract",
    "kg.commands.eval",
    "kg.commands.calibrate",
    "kg.commands.analyze",
    "kg.commands.report",
)


def make_parser() -> tuple[argparse.ArgumentParser, dict]:
    parser = argparse.ArgumentParser(prog="kg", description="Diplomacy knowledge-graph builder.")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    runners = {}
    for module_name in COMMAND_MODULES:
        module = importlib.import_module(module_name)
        command = sub.add_parser(module.NAME, help=module.HELP, description=module.HELP)
        module.add_arguments(command)
        runners[module.NAME] = module.run
    return parser, runners


def main(argv: list[str] | None = None) -> int:
    try:
        parser, runners = make_parser()
    except ModuleNotFoundError as exc:
        # kg run by an interpreter the project was not installed into (e.g. `python3 -m kg` from a checkout)
        print(
            f"kg: error: the package {exc.name!r} is missing from {sys.executable}; install the project into "
            "this interpreter (pip install -e .) or run the kg installed in your virtual environment",
            file=sys.stderr,
        )
        return 2
    args = parser.parse_args(argv)
    try:
        return runners[args.command](args)
    except InputError as exc:
        print(f"kg {args.command}: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("kg: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    raise SystemExit(main())
