"""The waveform loader: the decoder runs off the GUI thread, its result or its failure (as a
sentence) arrives on the GUI thread, and a cancelled load reports nothing."""

from __future__ import annotations

import threading

import pytest

from karaoke.app.waveform_loader import WaveformLoader
from karaoke.core.envelope import Envelope
from karaoke.player.decode import Cancelled, DecodeError


def test_the_loader_reports_on_the_gui_thread(qtbot, tmp_path):
    threads = []

    def decode(_media, _cancelled):
        threads.append(threading.current_thread())
        return Envelope(10, b"\x01\x02")

    loader = WaveformLoader(decode)
    loader.ready.connect(lambda _envelope: threads.append(threading.current_thread()))
    with qtbot.waitSignal(loader.ready, timeout=5000) as ready:
        loader.start(tmp_path / "x.wav")
    assert ready.args == [Envelope(10, b"\x01\x02")]
    assert threads[1] is threading.main_thread()
    assert threads[0] is loader.worker and threads[0] is not threading.main_thread()


@pytest.mark.parametrize(
    ("error", "sentence"),
    [
        (RuntimeError("boom"), "the audio could not be read (boom)"),
        (DecodeError("the media has no audio track"), "the media has no audio track"),
    ],
)
def test_the_loader_turns_any_failure_into_a_sentence(qtbot, tmp_path, error, sentence):
    def decode(_media, _cancelled):
        raise error

    loader = WaveformLoader(decode)
    with qtbot.waitSignal(loader.failed, timeout=5000) as failed:
        loader.start(tmp_path / "x.wav")
    assert failed.args == [sentence]


def test_a_cancelled_load_reports_nothing(qtbot, tmp_path):
    may_finish = threading.Event()
    seen_cancel = []

    def decode(_media, cancelled):
        may_finish.wait(5)
        seen_cancel.append(cancelled())
        if cancelled():
            raise Cancelled
        return Envelope(10, b"\x01")

    loader = WaveformLoader(decode)
    reports = []
    loader.ready.connect(reports.append)
    loader.failed.connect(reports.append)
    loader.start(tmp_path / "x.wav")
    loader.cancel()
    may_finish.set()
    assert loader.worker is not None
    loader.worker.join(5)
    qtbot.wait(50)  # a queued report would arrive now
    assert seen_cancel == [True] and reports == []


def test_the_failure_sentence_is_in_the_interface_language(qtbot, tmp_path):
    from tests.ui.interface_texts import in_language

    def decode(_media, _cancelled):
        raise RuntimeError("boom")

    loader = WaveformLoader(decode)
    with in_language("es"), qtbot.waitSignal(loader.failed, timeout=5000) as failed:
        loader.start(tmp_path / "x.wav")
    assert failed.args == ["no se pudo leer el audio (boom)"]
