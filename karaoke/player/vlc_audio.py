"""Sing-along audio for the libvlc player: the lead voice taken out, the key shifted.

Two ways to take the voice out, checked on libvlc 3.0.24 with recorded output (``--aout=afile``,
see ``tests/player/test_vlc_audio.py``):

- **The song's instrumental** (``instrumental = "…"`` in ``song.toml``): added to the media as an
  audio *slave* (``libvlc_media_slaves_add``, public since libvlc 3.0). It plays in step with the
  media as a second audio track, and ``audio_set_track`` switches between the two live: the
  position holds, and the sound runs on (no gap longer than its usual 50 ms blocks).
- **VLC's ``karaoke`` audio filter** otherwise: it plays ``L − R`` on both channels, so what is
  panned to the centre — usually the lead voice — cancels out and what is panned aside stays.
  It needs stereo sound (libvlc leaves mono sound untouched). Changing it restarts libvlc's
  audio output, which the sound runs through without a gap: nothing is reloaded.

The key shift is VLC's ``scaletempo_pitch`` filter (``pitch-shift`` in semitones, ±12): a 440 Hz
tone shifted by +2 plays at 494 Hz, by −3 at 370 Hz (at 1× and at 0.8×), and the speed is kept;
a pure tone comes out pure (all but 0.01 % of its energy within 15 Hz of the new pitch).

libvlc 3 has no public call that enables an audio filter: ``--audio-filter`` given to the
instance and ``:audio-filter`` given to a media are both ignored by a media player (it creates
its own empty ``audio-filter`` variable), and ``libvlc_media_player_set_equalizer`` can only
name the equalizer. So :class:`CoreVariables` sets the ``audio-filter`` variable itself, as that
equalizer call does inside libvlc: on the media player (for audio outputs made later) and on its
audio output, whose variable callback rebuilds the filters at once, without a reload. It calls
libvlccore's exported plugin API (``var_SetChecked``, ``var_Create``, ``var_Type``,
``vlc_list_children``, ``vlc_list_release``) through ctypes, and reads the object type, the first
field of every VLC 3 object: stable across libvlc 3.0.x (``libvlccore.so.9``), refused on any
other major version. Where libvlccore cannot be reached, vocals off works only with an
instrumental, and :meth:`SingAlong.problem` says why.

All of it runs on the GUI thread, never inside a libvlc event callback.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import struct
from pathlib import Path
from typing import Any

#: libvlccore's variable types (``vlc_variables.h``, VLC 3).
VLC_VAR_STRING = 0x0040
VLC_VAR_FLOAT = 0x0050
VLC_VAR_CLASS = 0x00F0
#: The audio filters, by their VLC module names.
KARAOKE_FILTER = "karaoke"
PITCH_FILTER = "scaletempo_pitch"
#: VLC's own limit of ``pitch-shift``, semitones.
PITCH_LIMIT = 12
#: The highest priority of a media's slave (libvlc's "the user's own choice").
SLAVE_PRIORITY = 4
#: The type of VLC's audio output objects (``aout_New``).
AUDIO_OUTPUT = b"audio output"


_NO_CORE = "libvlccore (VLC's core library) cannot be found beside libvlc"


class _ObjectList(ctypes.Structure):
    """VLC 3's ``vlc_list_t``: ``i_type`` (unused here), ``i_count``, ``p_values``."""

    _fields_ = [
        ("i_type", ctypes.c_int),
        ("i_count", ctypes.c_int),
        ("p_values", ctypes.POINTER(ctypes.c_void_p)),
    ]


def _load_core() -> tuple[Any | None, str]:
    """libvlccore, already loaded with libvlc, and its variable functions; or None and why."""
    import vlc  # loaded by load_libvlc before any player exists

    version = vlc.libvlc_get_version().decode(errors="replace")
    if not version.startswith("3."):
        return None, f"libvlc {version} is not libvlc 3"
    folder = os.path.dirname(getattr(vlc.dll, "_name", "") or "")
    names = ("libvlccore.so.9", "libvlccore.dll", "libvlccore.dylib")
    # Beside libvlc first (Windows, macOS), then by name: on Linux libvlc has loaded it already.
    candidates = [*(os.path.join(folder, name) for name in names if folder), *names]
    for name in candidates:
        try:
            return ctypes.CDLL(name), ""
        except OSError:
            continue
    found = ctypes.util.find_library("vlccore")  # slow (runs ldconfig): the last resort
    try:
        return (ctypes.CDLL(found), "") if found else (None, _NO_CORE)
    except OSError:
        return None, _NO_CORE


class CoreVariables:
    """Sets the audio filters of one libvlc media player (``mp``, a python-vlc MediaPlayer)."""

    def __init__(self, core: Any, mp: Any) -> None:
        void, text, number = ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int
        self._player = ctypes.cast(mp._as_parameter_, void).value
        # vlc_value_t is an 8-byte union passed by value, in an integer register on x86-64,
        # Windows x64 and arm64 alike: a pointer for strings, the float's bits for floats.
        self._set_text = ctypes.CFUNCTYPE(number, void, text, number, text)(
            ("var_SetChecked", core)
        )
        self._set_bits = ctypes.CFUNCTYPE(number, void, text, number, ctypes.c_uint64)(
            ("var_SetChecked", core)
        )
        self._create = ctypes.CFUNCTYPE(number, void, text, number)(("var_Create", core))
        self._type = ctypes.CFUNCTYPE(number, void, text)(("var_Type", core))
        self._children = ctypes.CFUNCTYPE(ctypes.POINTER(_ObjectList), void)(
            ("vlc_list_children", core)
        )
        self._release = ctypes.CFUNCTYPE(None, ctypes.POINTER(_ObjectList))(
            ("vlc_list_release", core)
        )
        # The player has no pitch-shift variable of its own: a filter made later inherits it.
        self._create(self._player, b"pitch-shift", VLC_VAR_FLOAT)

    def _has(self, obj: int, name: bytes, kind: int) -> bool:
        return self._type(obj, name) & VLC_VAR_CLASS == kind

    def set_filters(self, chain: str, semitones: int) -> bool:
        """Play through ``chain`` (VLC filter names joined by ``:``, "" for none), with a pitch
        shift of ``semitones``. True when the audio output took it."""
        pitch = struct.unpack("<I", struct.pack("<f", float(semitones)))[0]
        self._set_bits(self._player, b"pitch-shift", VLC_VAR_FLOAT, pitch)
        self._set_text(self._player, b"audio-filter", VLC_VAR_STRING, chain.encode())
        children = self._children(self._player)
        if not children:
            return False
        done = False
        try:
            listed = children.contents
            for index in range(listed.i_count):
                child = listed.p_values[index]
                kind = ctypes.c_char_p.from_address(child).value  # the object's type name
                if kind != AUDIO_OUTPUT or not self._has(child, b"audio-filter", VLC_VAR_STRING):
                    continue
                if self._has(child, b"pitch-shift", VLC_VAR_FLOAT):  # a pitch filter runs now
                    self._set_bits(child, b"pitch-shift", VLC_VAR_FLOAT, pitch)
                # Its callback asks the audio output to rebuild its filters, on its own thread.
                done = self._set_text(child, b"audio-filter", VLC_VAR_STRING, chain.encode()) == 0
        finally:
            self._release(children)
        return done


class SingAlong:
    """Vocals off and the key shift for one media player ``mp`` (the GUI thread only)."""

    def __init__(self, mp: Any) -> None:
        self._mp = mp
        #: The instrumental was chosen before the input played: :meth:`resync` once it does.
        self.resync_due = False
        self._variables: CoreVariables | None = None
        self._unavailable = ""  # why the filters cannot be set; "" until tried or when they can
        self._tried = False
        self._instrumental = False  # the current media has the song's instrumental as a slave
        self._vocals_off = False
        self._semitones = 0

    def use_media(self, media: Any | None, instrumental: str | None) -> None:
        """A new ``media`` (a python-vlc Media, not yet playing): attach ``instrumental`` to it
        (a readable audio file), then play it as the state says."""
        import vlc

        self._instrumental = False
        if media is not None and instrumental is not None:
            uri = Path(instrumental).resolve().as_uri()
            added = media.slaves_add(vlc.MediaSlaveType.audio, SLAVE_PRIORITY, uri)
            self._instrumental = added == 0
        self._set_filters()

    def apply(self, vocals_off: bool, semitones: int) -> None:
        """Take the voice out or put it back, shift the key: live, keeping the position."""
        self._vocals_off = vocals_off
        self._semitones = max(-PITCH_LIMIT, min(PITCH_LIMIT, semitones))
        self._set_filters()
        self.choose_track()

    def choose_track(self) -> None:
        """With an instrumental: play its track (vocals off) or the media's first audio track.
        Called again whenever libvlc adds a stream: the tracks exist only once it plays."""
        if not self._instrumental:
            return
        tracks = [track for track, _ in self._mp.audio_get_track_description() or () if track >= 0]
        if len(tracks) < 2:
            return
        # The slave's stream comes after every stream of the media itself.
        wanted = tracks[-1] if self._vocals_off else tracks[0]
        switched = self._mp.audio_get_track() != wanted
        if switched:
            self._mp.audio_set_track(wanted)
        # libvlc 3 leaves a slave's track silent when it is chosen after a seek: seeking to
        # where the player is makes the slave's demuxer catch up with the media's.
        now_ms = self._mp.get_time()
        if switched and now_ms > 0:
            self._mp.set_time(now_ms)
        elif switched and wanted != tracks[0]:
            # Chosen before it plays: a seek made before play may have reached the slave
            # while its track was not selected (its demuxer then refuses it and stops).
            self.resync_due = True

    def resync(self) -> None:
        """Once the input plays: seek to where it is, so the instrumental follows."""
        self.resync_due = False
        now_ms = self._mp.get_time()
        if now_ms > 0:
            self._mp.set_time(now_ms)

    def _set_filters(self) -> None:
        chain = [KARAOKE_FILTER] if self._vocals_off and not self._instrumental else []
        if self._semitones:
            chain.append(PITCH_FILTER)
        if not chain and not self._tried:
            return  # never asked for a filter: libvlccore is left alone
        variables = self._core_variables()
        if variables is not None:
            variables.set_filters(":".join(chain), self._semitones)

    def _core_variables(self) -> CoreVariables | None:
        if not self._tried:
            self._tried = True
            core, self._unavailable = _load_core()
            try:
                self._variables = CoreVariables(core, self._mp) if core is not None else None
            except AttributeError as error:  # a function missing from this libvlccore
                self._unavailable = f"libvlccore lacks {error}"
        return self._variables

    def problem(self, media: Any | None) -> str:
        """Why vocals off cannot take the voice out of ``media``, or "" when it can."""
        import vlc

        if media is None or self._instrumental:
            return ""
        if self._core_variables() is None:
            return f"VLC's audio filters cannot be reached ({self._unavailable})"
        channels = [
            track.audio.contents.channels
            for track in media.tracks_get() or ()
            if track.type == vlc.TrackType.audio
        ]
        if channels and max(channels) < 2:
            return "its sound is mono, so the voice cannot be told from the music"
        return ""
