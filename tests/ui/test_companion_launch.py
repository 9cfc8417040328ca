"""``karaoke --present --companion``, the real program in a subprocess (offscreen): it prints
where students connect on stderr and serves the student page there."""

from __future__ import annotations

import os
import queue
import socket
import subprocess
import sys
import threading
import urllib.request
from pathlib import Path

#: Every wait here is bounded (seconds).
START_TIMEOUT_S = 60.0
HTTP_TIMEOUT_S = 10.0


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def stderr_lines(process: subprocess.Popen[str]) -> queue.Queue[str]:
    """The process's stderr, line by line, read in a thread (so a wait can time out)."""
    lines: queue.Queue[str] = queue.Queue()

    def read() -> None:
        assert process.stderr is not None
        for line in process.stderr:
            lines.put(line)

    threading.Thread(target=read, daemon=True).start()
    return lines


def wait_for_students_line(lines: queue.Queue[str], said: list[str]) -> str:
    while True:
        line = lines.get(timeout=START_TIMEOUT_S)  # queue.Empty fails the test
        said.append(line)
        if line.startswith("Students: "):
            return line.strip()


def test_present_with_companion_prints_the_students_address_and_serves_it(tmp_path: Path):
    port = free_port()
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "KARAOKE_VLC_ARGS": "--aout=dummy",
        "XDG_CONFIG_HOME": str(tmp_path),  # the settings of this run only
        "XDG_DATA_HOME": str(tmp_path),
    }
    command = [sys.executable, "-m", "karaoke", "--present", "--companion", "--volume", "0"]
    command += ["--companion-interface", "127.0.0.1", "--companion-port", str(port)]
    process = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env
    )
    said: list[str] = []
    try:
        line = wait_for_students_line(stderr_lines(process), said)
        assert line == f"Students: http://127.0.0.1:{port}/", said
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=HTTP_TIMEOUT_S) as page:
            assert page.status == 200
            assert b"<html" in page.read().lower()
        assert not any("token" in text for text in said)  # the teacher's link is never printed
    finally:
        process.kill()
        process.wait(timeout=HTTP_TIMEOUT_S)
