"""The one error type users see: a single line naming the file (and line) and the problem."""

from __future__ import annotations


class GeneratorError(Exception):
    """A problem with the user's input or files, reported as one line, never a traceback."""

    def __init__(self, path: str, message: str, line: int | None = None) -> None:
        self.path = path
        self.message = message
        self.line = line
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"
