"""One build at a time into an output folder: an advisory lock (fcntl) on the folder itself. A second
build into the same folder says that it waits, then waits; builds into other folders do not."""

from __future__ import annotations

import fcntl
import os
import sys
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def output_lock(out_dir: Path, wait: bool = True):
    out_dir.mkdir(parents=True, exist_ok=True)
    fd = os.open(out_dir, os.O_RDONLY)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if not wait:
                from kg.errors import InputError

                raise InputError("another kg build is writing into this folder; try again when it is done",
                                 out_dir) from None
            print(f"kg build: another build is writing into {out_dir}; waiting for it to finish", file=sys.stderr)
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock
