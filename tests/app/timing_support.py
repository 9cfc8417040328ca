"""What the timing controller's tests and the timing editor's tests share: a song of four lines
in two stanzas, a fake player on a hand-advanced clock, and a recorder of what is said."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from karaoke.app.timing import TimingController
from karaoke.core.clock import PlaybackClock
from karaoke.core.formats import read_lyrics
from karaoke.player.fake_player import FakePlayer
from tests.conftest import FakeTime

WORDS = "Con mi burrito sabanero\nred neuronal\n\ndel lenguaje natural\nvoy entrenando\n"
MEDIA_LENGTH_MS = 180_000


def write_song(folder: Path) -> tuple[Path, Path]:
    """A (fake) media file and plain-text lyrics of four lines in two stanzas."""
    media = folder / "song.mp4"
    media.write_bytes(b"the fake player never reads it")
    lyrics = folder / "words.txt"
    lyrics.write_text(WORDS)
    return media, lyrics


def fake_player_factory(fake_time: FakeTime) -> Callable:
    def make(_song):
        return FakePlayer(MEDIA_LENGTH_MS, now_ns=fake_time), None

    return make


def new_controller(
    fake_time: FakeTime, media: Path, lyrics: Path, output: Path, **options
) -> TimingController:
    """A controller on the fake player, not started yet; no waveform unless ``decode`` is
    given."""
    options.setdefault("decode", None)
    return TimingController(
        media,
        read_lyrics(lyrics),
        output,
        make_player=fake_player_factory(fake_time),
        make_clock=lambda: PlaybackClock(fake_time),
        **options,
    )


def make_controller(
    fake_time: FakeTime, media: Path, lyrics: Path, output: Path, *, resume: bool = False, **options
) -> TimingController:
    """:func:`new_controller`, started, answering ``resume`` if a journal is found."""
    controller = new_controller(fake_time, media, lyrics, output, **options)
    controller.start(lambda _offer: resume)
    return controller


class Said:
    """Every sentence a controller says: status lines (with whether they warn) and banners."""

    def __init__(self, controller: TimingController) -> None:
        self.status: list[tuple[str, bool]] = []
        self.banners: list[str] = []
        self.banner_cleared = 0
        # Each Text is made as it is said: in the language installed at that moment.
        controller.status.connect(lambda text, warn, _ms: self.status.append((text(), warn)))
        controller.banner.connect(lambda text: self.banners.append(text()))
        controller.banner_cleared.connect(self._cleared)

    def _cleared(self) -> None:
        self.banner_cleared += 1

    @property
    def last(self) -> str:
        return self.status[-1][0]


def advance_to(controller: TimingController, fake_time: FakeTime, media_ms: int) -> None:
    """Let the wall clock run until the *media* reaches ``media_ms`` (slower or faster with the
    speed), with a coarse player update on the way, as libvlc sends."""
    session = controller.session
    fake_time.advance((media_ms - session.position_ms()) / session.rate)
    session.player.tick()


def tap_at(controller: TimingController, fake_time: FakeTime, media_times, tap=None) -> None:
    """Play from where the media is and tap (``tap``, or :meth:`tap`) at each media time."""
    if not controller.session.playing:
        controller.play()
    for media_ms in media_times:
        advance_to(controller, fake_time, media_ms)
        (tap or controller.tap)()
