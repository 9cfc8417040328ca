"""A private Xvfb display for one test: started on a free display number, stopped afterwards."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def xvfb_display(size: str = "1920x1080") -> Iterator[str]:
    """Yield ``":N"`` for a fresh Xvfb screen of ``size`` (WxH, 24-bit)."""
    if shutil.which("Xvfb") is None:
        raise RuntimeError(
            "Xvfb is not installed; the test setup installs it (apt-get install xvfb)"
        )
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_end), "-screen", "0", f"{size}x24", "-nolisten", "tcp"],
        pass_fds=(write_end,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    try:
        with os.fdopen(read_end) as pipe:
            number = pipe.readline().strip()
        if not number:
            raise RuntimeError("Xvfb did not start")
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=10)
