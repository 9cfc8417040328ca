"""The installed PySide6 must not lose a reference to True on each Signal.emit().

PySide6 6.12.0 does, on Python 3.11, and the interpreter aborts ("Fatal Python error:
bool_dealloc") after a few hundred signals — a few seconds into a song. pyproject.toml keeps us
off that release; this catches a relapse. It runs in a fresh interpreter so that nothing else
moves the count.
"""

import subprocess
import sys

PROBE = """
import sys
from PySide6.QtCore import QCoreApplication, QObject, Signal

class Source(QObject):
    fired = Signal(int)

app = QCoreApplication([])
source = Source()
before = sys.getrefcount(True)
for i in range(5000):
    source.fired.emit(i)
print(before - sys.getrefcount(True))
"""


def test_five_thousand_emits_leave_true_alone():
    run = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr[-2000:]
    assert abs(int(run.stdout.strip())) < 50
