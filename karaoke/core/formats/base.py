"""What a lyrics format is to the rest of the app: one :class:`LyricsFormat` record.

Each format module (``subrip.py``, ``lrc.py``, ``plain.py``) ends with its record; the registry
in :mod:`karaoke.core.formats` lists the records. Nothing outside a format's module needs to
know which format it is: callers ask the record (can it be written, does it keep word timings,
how late a time can it hold, what does writing lose).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from karaoke.core.model import Line, Lyrics

#: How many leading bytes of a file a format's ``sniff`` is shown (headers and a few notes of
#: an UltraStar file fit).
SNIFF_BYTES = 4096


class Reader(Protocol):
    """``read(data, path, encoding)``: the file's bytes, its path (for messages) and the
    encoding the user chose (None: detect it; see :func:`decoding.decode_lyrics`) → lyrics.
    Must return valid lyrics or raise :class:`~karaoke.core.errors.SongError`, for any bytes."""

    def __call__(self, data: bytes, path: str, encoding: str | None = None) -> Lyrics: ...


#: ``losses(lines, words)``: one sentence per kind of thing writing ``lines`` would change
#: (``words``: whether they are written with their word timings); empty when nothing is lost.
LossReport = Callable[[Sequence[Line], bool], list[str]]


@dataclass(frozen=True, slots=True)
class WriteOptions:
    """What a writer is told besides the lines. A format that cannot hold one of these ignores
    it (its module says what it loses)."""

    #: Indices into the lines where a stanza starts (0 always is).
    stanza_starts: tuple[int, ...] = (0,)
    #: The song's title.
    title: str | None = None
    #: Write word timings where the format holds them.
    words: bool = True


#: What a writer is told when nothing is said: one stanza, no title, word timings.
DEFAULT_OPTIONS = WriteOptions()

#: ``write(lines, options)``: lines (in time order) → the text of a file of the format.
TextWriter = Callable[[Sequence[Line], WriteOptions], str]


@dataclass(frozen=True, slots=True)
class LyricsFormat:
    """One lyrics format.

    Invariants (checked on creation): ``extensions`` is not empty and each is lower case with
    its dot (``".srt"``); ``max_time_ms``, ``holds_words`` and ``losses`` are only given for a
    format that has ``write``, and ``holds_words`` only for a ``timed`` one.
    """

    #: For people: ``"SubRip"``.
    name: str
    #: File name endings, lower case, with the dot; the first is the usual one.
    extensions: tuple[str, ...]
    read: Reader
    #: None: the format is read but never written.
    write: TextWriter | None = None
    #: The latest time (ms) ``write`` can put in a file so that ``read`` reads it back;
    #: None: no limit (or no times at all).
    max_time_ms: int | None = None
    #: Whether ``write`` keeps word timings (so that ``read`` gives them back).
    holds_words: bool = False
    #: What ``write`` loses beyond word timings; None: nothing else.
    losses: LossReport | None = None
    #: Whether the files hold real times; False for plain text, whose lines ``read`` spaces
    #: evenly (their :attr:`~karaoke.core.model.Lyrics.timed` is False).
    timed: bool = True
    #: ``sniff(head)``: whether a file that starts with ``head`` (its first bytes, up to
    #: ``SNIFF_BYTES`` of them) is of this format. Only for a format that shares an extension
    #: with another (UltraStar's ``.txt``): the registry asks it before choosing the format
    #: that does not sniff. None: the extension alone decides.
    sniff: Callable[[bytes], bool] | None = None

    def __post_init__(self) -> None:
        if not self.extensions:
            raise ValueError(f"{self.name}: a format needs at least one extension")
        for extension in self.extensions:
            if not extension.startswith(".") or extension != extension.lower():
                raise ValueError(f"{self.name}: extension {extension!r} must be like '.srt'")
        writing_only = self.max_time_ms is not None or self.holds_words or self.losses is not None
        if self.write is None and writing_only:
            raise ValueError(f"{self.name}: max_time_ms, holds_words and losses need a writer")
        if self.holds_words and not self.timed:
            raise ValueError(f"{self.name}: word timings need a format with times")

    @property
    def writable(self) -> bool:
        return self.write is not None
