"""The one exception type for input a user can fix: the CLI turns it into a message and exit code 2."""


class InputError(Exception):
    """Bad input: a message naming the file (and line) and what to do about it."""

    def __init__(self, message: str, path: str | None = None, line: int | None = None):
        self.path = str(path) if path is not None else None
        self.line = line
        super().__init__(message)

    def __str__(self) -> str:
        where = ""
        if self.path:
            where = self.path + (f":{self.line}" if self.line else "") + ": "
        return where + self.args[0]
