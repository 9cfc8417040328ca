"""Setting a song up to play, the same for every window that plays one (the player window, the
presentation): the player, the playback session, the remembered lyrics offset, the volume, the
translation under each line, the language of the explanations and what the user must be told.

QtCore only: the windows attach the video and show the notices.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from karaoke.app.players import PlayerFactory
from karaoke.app.session import PlaybackSession
from karaoke.app.settings import Settings
from karaoke.app.translations import current_language
from karaoke.core.clock import PlaybackClock
from karaoke.core.errors import ProblemCode, SongError
from karaoke.core.formats import read_lyrics
from karaoke.core.model import Song
from karaoke.core.package import OpenedSong
from karaoke.core.translation import align_translation

#: The languages the explanations are written in, with their names in their own language.
LANGUAGES = {"es": "Español", "en": "English"}
#: Explanations of a song in another language are shown in this one.
FALLBACK_LANGUAGE = "en"
#: The problems of a song that playing it shows: a file it names is missing.
_NOTICED = (ProblemCode.MEDIA_NOT_FOUND, ProblemCode.INSTRUMENTAL_NOT_FOUND)


@dataclass(slots=True)
class SongSetup:
    """A song ready to play. ``notices`` are sentences for a banner or status line, in order:
    why the video cannot play, a missing media file, a translation that could not be read."""

    session: PlaybackSession
    language: str
    translations: dict[int, str] = field(default_factory=dict)
    notices: list[str] = field(default_factory=list)
    #: Whether the player can show video (libvlc loaded and the song has media).
    video: bool = False


def explanation_language(song: Song, chosen: str | None, interface: str | None = None) -> str:
    """The language to explain ``song`` in: the user's choice (``--lang``, View ▸ Explanation
    language), else the interface's (``interface``, by default the installed one), else the
    song's own language when it is one the explanations are written in, else
    :data:`FALLBACK_LANGUAGE`."""
    if chosen:
        return chosen
    interface = interface or current_language()
    if interface in LANGUAGES:
        return interface
    return song.language if song.language in LANGUAGES else FALLBACK_LANGUAGE


def set_up_song(
    opened: OpenedSong,
    make_player: PlayerFactory,
    settings: Settings,
    *,
    make_clock: Callable[[], PlaybackClock] = PlaybackClock,
    offset_ms: int | None = None,
    translation: str | None = None,
    language: str | None = None,
) -> SongSetup:
    """Make the player and session for ``opened``. ``offset_ms`` given (``--offset``) is used
    and remembered; otherwise the offset remembered for this song, else the song's own. From
    then on every change of the offset (G/H) is remembered too. The translation under each line
    comes from the song's translation file for ``translation`` when one is chosen and gives
    some, else from the lines themselves (:func:`own_translations`)."""
    song = opened.song
    player, warning = make_player(song)
    session = PlaybackSession(song, player, make_clock())
    setup = SongSetup(session, explanation_language(song, language or settings.language))
    setup.video = player.has_video_output and song.media is not None and warning is None
    if warning:
        setup.notices.append(warning)
    setup.notices += [str(problem) for problem in opened.problems if problem.code in _NOTICED]

    key = song.source_path
    if offset_ms is None:
        offset_ms = settings.offset_for(key, song.offset_ms)
    else:
        settings.set_offset(key, offset_ms)
    session.set_offset(offset_ms)
    session.offset_changed.connect(lambda ms: settings.set_offset(key, ms))
    # Vocals off and the key, like the offset: remembered per song, from the first change on.
    session.set_vocals_off(settings.vocals_off_for(key))
    session.vocals_off_changed.connect(lambda on: settings.set_vocals_off(key, on))
    session.set_key_shift(settings.key_shift_for(key))
    session.key_shift_changed.connect(lambda semitones: settings.set_key_shift(key, semitones))
    session.set_volume(settings.volume)

    if translation:
        try:
            setup.translations = read_translation(song, translation)
        except SongError as error:
            setup.notices.append(str(error))
    if not setup.translations:
        setup.translations = own_translations(song)
    return setup


def own_translations(song: Song) -> dict[int, str]:
    """The translations the lyrics file gives its lines itself (an LRC line's second row with
    its stamp), line index → text; shown when no translation file is chosen or it gave none."""
    return {index: line.translation for index, line in enumerate(song.lines) if line.translation}


def read_translation(song: Song, language: str) -> dict[int, str]:
    """The song's translation into ``language``, line index → translated text; empty when the
    song has none. Raises :class:`SongError` when its file cannot be read."""
    path = song.translations.get(language)
    if path is None:
        return {}
    return align_translation(song.lines, read_lyrics(path).lines)
