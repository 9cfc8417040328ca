"""Reading a media's waveform off the GUI thread: a plain Python thread runs the decoder
(:func:`karaoke.player.decode.decode_envelope` unless another is given), and the result comes
back to the GUI thread as a queued Qt signal. The editor works on without it if it fails."""

from __future__ import annotations

import contextlib
import threading
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal, SignalInstance

from karaoke.player.decode import Cancelled, DecodeError, Decoder, decode_envelope


class WaveformLoader(QObject):
    """Reads a media's envelope on a worker thread; ``ready`` or ``failed`` (a sentence) arrive
    on the GUI thread, at most once per :meth:`start`, and never after :meth:`cancel`."""

    ready = Signal(object)  # Envelope
    failed = Signal(str)

    def __init__(self, decode: Decoder = decode_envelope, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._decode = decode
        self._cancelled = threading.Event()
        # Not ``thread``: that would hide QObject.thread().
        self.worker: threading.Thread | None = None

    def start(self, media: Path) -> None:
        self._cancelled = threading.Event()
        self.worker = threading.Thread(
            target=self._run, args=(media, self._cancelled), name="karaoke-waveform", daemon=True
        )
        self.worker.start()

    def cancel(self) -> None:
        """Stop waiting: the decoder gives up at its next look, and nothing is reported."""
        self._cancelled.set()

    def _run(self, media: Path, cancelled: threading.Event) -> None:
        try:
            envelope = self._decode(media, cancelled.is_set)
        except Cancelled:
            return
        except DecodeError as error:
            self._emit(self.failed, str(error), cancelled)
        except Exception as error:  # a worker thread must report, never die silently
            # Translated here, on the worker thread: QCoreApplication.translate is thread-safe.
            sentence = QCoreApplication.translate(
                "WaveformLoader", "the audio could not be read (%1)"
            ).replace("%1", str(error))
            self._emit(self.failed, sentence, cancelled)
        else:
            self._emit(self.ready, envelope, cancelled)

    def _emit(self, signal: SignalInstance, value: object, cancelled: threading.Event) -> None:
        if cancelled.is_set():
            return
        # RuntimeError: the window (and this object) is already gone; nobody is waiting.
        with contextlib.suppress(RuntimeError):
            signal.emit(value)
