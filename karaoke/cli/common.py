"""What every sub-command shares: exit statuses and an argument parser whose usage errors are
one line."""

from __future__ import annotations

import argparse
from typing import NoReturn

#: Exit statuses: clean, problems found (``check``), unusable input or usage error.
EXIT_OK, EXIT_PROBLEMS, EXIT_UNUSABLE = 0, 1, 2


class Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line and exit status 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_UNUSABLE, f"{self.prog}: {message} (see {self.prog} --help)\n")
