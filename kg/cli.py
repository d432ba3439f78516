"""The `kg` command line. Each subcommand lives in its own module under kg.commands and registers there.

Bad input (kg.errors.InputError) becomes one clear line on stderr and exit code 2, never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from kg.errors import InputError

# Subcommand modules by name, in the order `kg --help` lists them. Each defines NAME, HELP,
# add_arguments(parser) and run(args) -> int.
COMMANDS = {
    "build": "kg.commands.build",
    "query": "kg.commands.query",
    "validate": "kg.commands.validate",
    "view": "kg.commands.view",
    "export": "kg.commands.export",
    "serve": "kg.commands.serve",
    "push": "kg.commands.push",
    "extract": "kg.commands.extract",
    "eval": "kg.commands.eval",
    "calibrate": "kg.commands.calibrate",
    "analyze": "kg.commands.analyze",
    "report": "kg.commands.report",
}
COMMAND_MODULES = tuple(COMMANDS.values())


def make_parser(command: str | None = None) -> tuple[argparse.ArgumentParser, dict]:
    """The parser with every subcommand; with command (a known name), only that one's module is imported
    and its arguments added: a `kg query` need not import the builder, spaCy's loader, igraph or the
    viewer (the others are still there, without their arguments, so usage and errors read the same)."""
    parser = argparse.ArgumentParser(prog="kg", description="Diplomacy knowledge-graph builder.")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    runners = {}
    for name, module_name in COMMANDS.items():
        if command is not None and name != command:
            sub.add_parser(name)
            continue
        module = importlib.import_module(module_name)
        parsed = sub.add_parser(module.NAME, help=module.HELP, description=module.HELP)
        module.add_arguments(parsed)
        runners[module.NAME] = module.run
    return parser, runners


def _command_in(argv: list[str]) -> str | None:
    """The subcommand argv names, when it is its first word and a known one (else None: build them all)."""
    return argv[0] if argv and argv[0] in COMMANDS else None


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    try:
        parser, runners = make_parser(_command_in(argv))
    except ModuleNotFoundError as exc:
        return _missing(exc)
    args = parser.parse_args(argv)
    try:
        return runners[args.command](args)
    except ModuleNotFoundError as exc:  # a command imports what it needs when it runs
        return _missing(exc)
    except InputError as exc:
        print(f"kg {args.command}: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("kg: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


def _missing(exc: ModuleNotFoundError) -> int:
    # kg run by an interpreter the project was not installed into (e.g. `python3 -m kg` from a checkout)
    print(
        f"kg: error: the package {exc.name!r} is missing from {sys.executable}; install the project into "
        "this interpreter (pip install -e .) or run the kg installed in your virtual environment",
        file=sys.stderr,
    )
    return 2


if __name__ == "__main__":
    raise SystemExit(main())
