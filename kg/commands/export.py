from __future__ import annotations

import sys
from pathlib import Path

from kg.errors import InputError
from kg.export import write_outputs, write_text_atomic
from kg.formats import FORMATS
from kg.sources import add_source_arguments, open_source

NAME = "export"
HELP = "Write the store (.kg/store) or a graph file in an interchange format, deterministically."


def add_arguments(parser) -> None:
    parser.add_argument("--format", required=True, choices=sorted(FORMATS), metavar="FORMAT",
                        help="; ".join(f"{name}: {fmt.description}" for name, fmt in sorted(FORMATS.items())))
    parser.add_argument("--out", default=None, metavar="PATH",
                        help="file to write (default: standard output); for csv, the folder the tables go into")
    add_source_arguments(parser)


def run(args) -> int:
    fmt = FORMATS[args.format]
    out = Path(args.out) if args.out else None
    if fmt.tables:
        return _write_tables(args, fmt, out)
    if out is not None and out.is_dir():
        raise InputError(f"--out is a folder; give a file name such as kg{fmt.extension}", out)
    data = fmt.writer(open_source(args.store, args.data))
    if out is None:
        sys.stdout.buffer.write(data)
        return 0
    write_text_atomic(out, data.decode("utf-8"))
    print(f"wrote: {out} ({len(data):,} bytes)", file=sys.stderr)
    return 0


def _write_tables(args, fmt, out: Path | None) -> int:
    if out is None:
        raise InputError(f"--format {args.format} writes several tables: give --out FOLDER")
    if out.exists() and not out.is_dir():
        raise InputError("--out must be a folder for this format", out)
    files = fmt.writer(open_source(args.store, args.data))
    write_outputs(out, {name: data.decode("utf-8") for name, data in files.items()})
    print(f"wrote: {', '.join(str(out / name) for name in files)}", file=sys.stderr)
    return 0
