"""Starting libvlc without Qt, and a media's length read before playing (for the command line)."""

import subprocess
import sys

from karaoke.player.vlc_instance import media_length_ms
from tests.conftest import REPO

DEMO_VIDEO = REPO / "lyrics" / "mi-modelito-sabanero" / "mi-modelito-sabanero.mp4"


def test_the_length_of_a_tone_and_of_the_demo_video(tone_3s):
    assert media_length_ms(tone_3s) == 3_000
    assert media_length_ms(DEMO_VIDEO) == 160_800  # 2:40.8, as the player reports it


def test_no_length_for_a_missing_file_or_one_that_is_no_media(tmp_path):
    text = tmp_path / "notes.mp3"
    text.write_text("not a sound\n" * 50)
    assert media_length_ms(tmp_path / "gone.mp4") is None
    assert media_length_ms(text) is None


def test_no_length_without_libvlc(monkeypatch, tone_3s):
    monkeypatch.setitem(sys.modules, "vlc", None)  # `import vlc` raises ImportError
    assert media_length_ms(tone_3s) is None


def test_reading_the_length_loads_no_qt():
    """The command line asks before any window: it need not pay for importing Qt."""
    code = (
        "import sys; from karaoke.player.vlc_instance import media_length_ms; "
        f"print(media_length_ms({str(DEMO_VIDEO)!r}), any(m.startswith('PySide6') for m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60
    )
    assert result.stdout.split() == ["160800", "False"], result.stderr
