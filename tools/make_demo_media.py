"""Build the demo video for the bundled song, ``lyrics/mi-modelito-sabanero/mi-modelito-sabanero.mp4``, and its
sing-along instrumental, ``lyrics/mi-modelito-sabanero/mi-modelito-sabanero-instrumental.ogg``.

Everything in it is made here, from sources the project owns; nothing is downloaded and no
existing melody is used:

- **Audio**: an original, cheerful cumbia-flavoured instrumental in G major at 100 BPM, synthesised
  with numpy: a chord per bar (I–IV–V7–I family), an off-beat comping "accordion", a bass line,
  a soft kick, a güiro scrape and a llamador hit, and a flute-like melody that plays only while a
  lyric line is sung (it follows the cues of ``lyrics.srt``). Optionally a spoken guide voice
  (espeak-ng) reads each line from its cue start, squeezed to fit inside the cue, under the music.
- **Instrumental** (``--instrumental``, audio only, no video is made): the same synthesis without
  the guide voice and without the flute, which doubles the sung line (singers replace it): the
  backing of the video's sound sample for sample, at the same gain, so that "vocals off" switches
  between the two without a jump in time or level. Its gain comes from the full mix, so make it
  with the same ``--no-voice`` choice as the video. Vorbis in Ogg, quality 0 (about 60 kb/s
  stereo, 1.2 MB): libvlc 3.0.24 plays it as the video's audio slave sample-exact in step
  (measured by the timestamps of what its ``amem`` output plays, across a track switch). Opus (in
  Ogg, Matroska or WebM) and AAC in .m4a stayed silent after the switch; ADTS AAC and MP3 played
  23 ms and 100-125 ms late. Like any Ogg, Matroska or MP4 slave, libvlc 3 ends it when the media
  is seeked while another audio track plays ("seek failed for slave 0 -> EOF": its demuxer
  cannot seek without a chosen track); a seek made once its track plays brings it back.
- **Video**: 640×360 at 10 fps. A title card during the intro and the outro, then one card per
  stanza (its own colour gradient and the stanza's Spanish title, drawn large), with beat dots, a
  small spectrum and a progress bar so that the picture keeps moving. The lyrics are *not* drawn:
  the app draws them.

The timings come from the song package itself, read through :func:`karaoke.core.package.open_song`.
The result is deterministic (fixed seeds, bit-exact flags, one encoder thread).

ffmpeg (with libx264 and libvorbis) and numpy are needed only to regenerate the media, never by
the app::

    apt-get install ffmpeg espeak-ng fonts-dejavu-core   # espeak-ng is optional (guide voice)
    .venv/bin/pip install numpy
    .venv/bin/python tools/make_demo_media.py [--out PATH] [--no-voice]
    .venv/bin/python tools/make_demo_media.py --instrumental [PATH] [--no-voice]
"""

from __future__ import annotations

import argparse
import colorsys
import copy
import math
import shutil
import subprocess
import sys
import tempfile
import textwrap
import wave
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

try:
    import numpy as np
except ImportError:  # pragma: no cover - depends on the machine
    sys.exit(
        "make_demo_media: numpy is needed to build the demo media: .venv/bin/pip install numpy"
    )

if TYPE_CHECKING:
    from karaoke.core.model import Line, Song

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SONG = ROOT / "lyrics" / "mi-modelito-sabanero"
DEFAULT_OUT = ROOT / "lyrics" / "mi-modelito-sabanero" / "mi-modelito-sabanero.mp4"
DEFAULT_INSTRUMENTAL = (
    ROOT / "lyrics" / "mi-modelito-sabanero" / "mi-modelito-sabanero-instrumental.ogg"
)

# --- Timing (all times are int milliseconds) -------------------------------------------------
BEAT_MS = 600  # 100 BPM
BEATS_PER_BAR = 4
BAR_MS = BEAT_MS * BEATS_PER_BAR  # 2400 ms
EIGHTH_MS = BEAT_MS // 2
OUTRO_BARS = 2  # one bar of groove, then one held final chord
CARD_LEAD_MS = BAR_MS  # a stanza's card appears up to one bar before its first line
FADE_MS = 300  # cross-fade between cards

# --- Audio --------------------------------------------------------------------------------------
SAMPLE_RATE = 44_100
PEAK_DBFS = -3.0
SEED = 20_201_224
VOICE_SPEED_WPM = 150
VOICE_FILL = 0.95  # the spoken line may use at most this fraction of its cue
INSTRUMENTAL_QUALITY = "0"  # Vorbis VBR quality: about 60 kb/s stereo, 1.2 MB for the 2:41

# --- Video --------------------------------------------------------------------------------------
WIDTH, HEIGHT = 640, 360
FPS = 10
FRAME_MS = 1000 // FPS
FONT_BOLD = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")
FONT_REGULAR = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
GLYPH_WIDTH_EM = 0.6  # average advance of DejaVu Sans Bold, to wrap text without a rasteriser
TEXT_MAX_WIDTH = WIDTH - 80
SPECTRUM_BANDS = 32
TITLE_HUE = 0.68  # indigo
# One hue per stanza card, far from each other and from the title card's.
STANZA_HUES = (0.0, 0.33, 0.07, 0.86, 0.47, 0.13, 0.78, 0.22, 0.56, 0.94, 0.4, 0.03)

# Chords: bass note and a close voicing, as MIDI note numbers (G major).
CHORDS: dict[str, tuple[int, tuple[int, ...]]] = {
    "G": (43, (55, 59, 62)),
    "C": (48, (55, 60, 64)),
    "D7": (50, (54, 57, 60)),
    "Em": (40, (55, 59, 64)),
    "Am": (45, (57, 60, 64)),
}
INTRO_CHORDS = ("G", "C", "Am", "D7")
# Two bars per sung line, by the line's role in its stanza; the bar after a stanza is "G".
LINE_CHORDS = {"open": ("G", "C"), "middle": ("Em", "D7"), "close": ("Am", "D7")}
MELODY_SCALE = (62, 64, 66, 67, 69, 71, 72, 74, 76, 78, 79)  # D4..G5 in G major


# =================================================================================================
# Song and timeline
# =================================================================================================


def load_song(path: Path) -> Song:
    """Open the song package through the project's own reader."""
    try:
        from karaoke.core.package import open_song
    except ImportError:  # running from a checkout without the package installed
        sys.path.insert(0, str(ROOT))
        from karaoke.core.package import open_song
    opened = open_song(path)
    if opened.errors:
        raise SystemExit(f"make_demo_media: the song has errors: {opened.errors}")
    return opened.song


def total_ms(song: Song) -> int:
    """The media's length: the last cue rounded up to a bar, plus the outro bars."""
    last_end = max(line.end_ms for line in song.lines)
    return -(-last_end // BAR_MS) * BAR_MS + OUTRO_BARS * BAR_MS


def line_role(position: int, count: int) -> str:
    """The chord pattern of the line at ``position`` in a stanza of ``count`` lines."""
    if position == count - 1:
        return "close"
    return "open" if position % 2 == 0 else "middle"


@dataclass(frozen=True, slots=True)
class SungLine:
    """A lyric line with its place in the song's structure."""

    line: Line
    stanza: int
    role: str


def sung_lines(song: Song) -> list[SungLine]:
    """Every line with its stanza index and chord role (lines outside stanzas: one group)."""
    result: list[SungLine] = []
    groups = [(s.first_line, s.end_line) for s in song.stanzas] or [(0, len(song.lines))]
    for index, (first, end) in enumerate(groups):
        for position, line in enumerate(song.lines[first:end]):
            result.append(SungLine(line, index, line_role(position, end - first)))
    return result


def bar_chords(song: Song, bars: int) -> list[str]:
    """The chord of every bar: intro pattern, two chords per sung line, "G" elsewhere."""
    chords = ["G"] * bars
    for bar, name in enumerate(INTRO_CHORDS[:bars]):
        chords[bar] = name
    for sung in sung_lines(song):
        first_bar = sung.line.start_ms // BAR_MS
        for offset, name in enumerate(LINE_CHORDS[sung.role]):
            if 0 <= first_bar + offset < bars:
                chords[first_bar + offset] = name
    return chords


@dataclass(frozen=True, slots=True)
class Card:
    """One visual segment of the video, ``[start_ms, end_ms)``."""

    start_ms: int
    end_ms: int
    caption: str
    title: str
    subtitle: str
    hue: float


def cards(song: Song, end_ms: int) -> list[Card]:
    """The title card, one card per stanza (from its lead-in bar), and the title card again."""
    starts: list[int] = []
    previous_end = 0
    for stanza in song.stanzas:
        lines = song.lines[stanza.first_line : stanza.end_line]
        starts.append(max(previous_end, lines[0].start_ms - CARD_LEAD_MS))
        previous_end = max(line.end_ms for line in lines)
    outro_ms = -(-previous_end // BAR_MS) * BAR_MS if song.stanzas else end_ms
    title = Card(
        0,
        starts[0] if starts else end_ms,
        "Karaoke de ciencia",
        song.title,
        song.subtitle,
        TITLE_HUE,
    )
    result = [title]
    count = len(song.stanzas)
    for index, stanza in enumerate(song.stanzas):
        stop = starts[index + 1] if index + 1 < count else outro_ms
        hue = STANZA_HUES[index % len(STANZA_HUES)]
        text = stanza.title.get("es") or next(iter(stanza.title.values()), "")
        result.append(Card(starts[index], stop, f"Estrofa {index + 1} de {count}", text, "", hue))
    if outro_ms < end_ms:
        result.append(
            Card(
                outro_ms,
                end_ms,
                "Karaoke de ciencia",
                song.title,
                "¡Gracias por cantar!",
                TITLE_HUE,
            )
        )
    return result


# =================================================================================================
# Audio synthesis (lengths in samples, times in ms)
# =================================================================================================


def ms_to_samples(ms: float) -> int:
    """Milliseconds to a sample count at :data:`SAMPLE_RATE`."""
    return round(ms * SAMPLE_RATE / 1000)


def midi_hz(note: float) -> float:
    """The frequency of a MIDI note number (A4 = 69 = 440 Hz)."""
    return 440.0 * 2.0 ** ((note - 69) / 12)


def seconds(samples: int) -> np.ndarray:
    """Time in seconds of each of ``samples`` samples."""
    return np.arange(samples) / SAMPLE_RATE


def envelope(samples: int, attack_ms: float, decay_ms: float, release_ms: float = 8) -> np.ndarray:
    """Linear attack, exponential decay (time constant ``decay_ms``), short click-free release."""
    t_ms = seconds(samples) * 1000
    env = np.minimum(1.0, t_ms / max(attack_ms, 1e-3)) * np.exp(-t_ms / decay_ms)
    tail = min(samples, ms_to_samples(release_ms))
    if tail:
        env[-tail:] *= np.linspace(1.0, 0.0, tail)
    return env


def harmonic_tone(freq: float, samples: int, partials: Sequence[float]) -> np.ndarray:
    """A sum of harmonics of ``freq`` with amplitudes ``partials`` (first = fundamental)."""
    t = seconds(samples)
    tone = np.zeros(samples)
    for number, amplitude in enumerate(partials, start=1):
        if freq * number < SAMPLE_RATE / 2:
            tone += amplitude * np.sin(2 * np.pi * freq * number * t)
    return tone


def bass_note(note: int, dur_ms: int) -> np.ndarray:
    """A round plucked bass: fundamental, a little second harmonic, decaying."""
    samples = ms_to_samples(dur_ms)
    return harmonic_tone(midi_hz(note), samples, (1.0, 0.35, 0.1)) * envelope(samples, 6, 320, 40)


def comp_stab(notes: Sequence[int], dur_ms: int = 260, decay_ms: float = 110) -> np.ndarray:
    """A short off-beat chord, accordion-ish: bright partials, two slightly detuned voices."""
    samples = ms_to_samples(dur_ms)
    stab = np.zeros(samples)
    for note in notes:
        for detune in (0.998, 1.002):
            stab += harmonic_tone(midi_hz(note) * detune, samples, (1.0, 0.5, 0.32, 0.18, 0.08))
    return stab / (2 * len(notes)) * envelope(samples, 8, decay_ms, 30)


def kick(dur_ms: int = 320) -> np.ndarray:
    """A soft synth kick: a sine sweeping from ~130 Hz down to 48 Hz."""
    t = seconds(ms_to_samples(dur_ms))
    freq = 48 + 85 * np.exp(-t / 0.03)
    return np.sin(2 * np.pi * np.cumsum(freq) / SAMPLE_RATE) * envelope(t.size, 2, 110, 30)


def guiro(noise: np.ndarray, dur_ms: int) -> np.ndarray:
    """A güiro/guacharaca scrape: high-passed noise chopped by the instrument's ridges."""
    samples = ms_to_samples(dur_ms)
    t = seconds(samples)
    hiss = np.diff(noise[: samples + 1])
    ridges = (0.5 + 0.5 * np.sin(2 * np.pi * 52 * t)) ** 3
    shape = np.sin(np.pi * np.minimum(1.0, t / (dur_ms / 1000))) ** 0.7
    return hiss * (0.35 + 0.65 * ridges) * shape


def llamador(noise: np.ndarray, dur_ms: int = 180) -> np.ndarray:
    """A small drum hit: a falling 220 Hz tone with a touch of noise."""
    samples = ms_to_samples(dur_ms)
    t = seconds(samples)
    freq = 175 + 60 * np.exp(-t / 0.02)
    body = np.sin(2 * np.pi * np.cumsum(freq) / SAMPLE_RATE)
    return (body + 0.3 * noise[:samples]) * envelope(samples, 1, 55, 20)


def flute_note(note: int, dur_ms: int) -> np.ndarray:
    """A flute-like melody note: near-sine with delayed vibrato and a soft swell."""
    samples = ms_to_samples(dur_ms)
    t = seconds(samples)
    depth = 0.004 * np.clip((t - 0.15) / 0.2, 0.0, 1.0)
    phase = 2 * np.pi * midi_hz(note) * np.cumsum(1 + depth * np.sin(2 * np.pi * 5.5 * t))
    phase /= SAMPLE_RATE
    tone = np.sin(phase) + 0.22 * np.sin(2 * phase) + 0.07 * np.sin(3 * phase)
    env = np.minimum(1.0, t / 0.03) * (0.8 + 0.2 * np.exp(-t / 0.12))
    tail = min(samples, ms_to_samples(70))
    env[-tail:] *= np.linspace(1.0, 0.0, tail)
    return tone * env


class Mixer:
    """A stereo bus with a mono reverb send; signals are placed at sample offsets."""

    def __init__(self, samples: int) -> None:
        self.dry = np.zeros((2, samples))
        self.send = np.zeros(samples)

    def copy(self) -> Mixer:
        """A mixer holding what this one holds so far (later additions are not shared)."""
        twin = Mixer(self.send.size)
        twin.dry[:] = self.dry
        twin.send[:] = self.send
        return twin

    def add(
        self, signal: np.ndarray, at_ms: float, gain: float, pan: float = 0.0, reverb: float = 0.0
    ) -> None:
        """Mix ``signal`` in at ``at_ms``; ``pan`` from -1 (left) to 1 (right), constant power."""
        start = ms_to_samples(at_ms)
        stop = min(self.send.size, start + signal.size)
        if stop <= start:
            return
        part = signal[: stop - start] * gain
        angle = (pan + 1) * math.pi / 4
        self.dry[0, start:stop] += part * math.cos(angle)
        self.dry[1, start:stop] += part * math.sin(angle)
        if reverb:
            self.send[start:stop] += part * reverb

    def render(self, rng: np.random.Generator) -> np.ndarray:
        """Dry bus plus a small stereo room (noise impulse responses), shape (2, samples)."""
        length = ms_to_samples(900)
        decay = np.exp(-seconds(length) / 0.22)
        size = 1 << (self.send.size + length).bit_length()
        spectrum = np.fft.rfft(self.send, size)
        out = self.dry.copy()
        for channel in range(2):
            impulse = rng.standard_normal(length) * decay
            impulse[: ms_to_samples(12)] = 0.0  # pre-delay
            impulse /= np.sqrt(np.sum(impulse**2))
            wet = np.fft.irfft(spectrum * np.fft.rfft(impulse, size), size)[: self.send.size]
            out[channel] += wet
        return out


def play_backing(mixer: Mixer, chords: Sequence[str], noise: np.ndarray) -> None:
    """Bass, comping, kick, güiro and llamador for every bar; the last bar is a held chord."""
    hit = llamador(noise[1000:])
    thump = kick()
    for bar, name in enumerate(chords):
        bass, voicing = CHORDS[name]
        t0 = bar * BAR_MS
        if bar == len(chords) - 1:  # final chord, left ringing
            mixer.add(thump, t0, 0.45)
            mixer.add(bass_note(bass, BAR_MS), t0, 0.5)
            for index, note in enumerate(voicing):
                ring = comp_stab([note], BAR_MS, decay_ms=700)
                mixer.add(ring, t0 + 40 * index, 0.3, pan=0.3, reverb=0.35)
            continue
        fifth = bass + 7 if bass + 7 <= 52 else bass - 5
        for beat, note, dur, gain in ((0, bass, 560, 0.5), (1.5, bass, 260, 0.32),
                                      (2, fifth, 560, 0.45), (3.5, fifth, 260, 0.3)):  # fmt: skip
            mixer.add(bass_note(note, dur), t0 + beat * BEAT_MS, gain)
        for beat in range(BEATS_PER_BAR):
            beat_ms = t0 + beat * BEAT_MS
            mixer.add(comp_stab(voicing), beat_ms + EIGHTH_MS, 0.22, pan=0.35, reverb=0.25)
            mixer.add(guiro(noise[beat * 7000 :], 170), beat_ms, 0.05, pan=-0.45)
            mixer.add(guiro(noise[beat * 7000 + 9000 :], 60), beat_ms + EIGHTH_MS, 0.035, pan=-0.45)
            mixer.add(guiro(noise[beat * 7000 + 12000 :], 60), beat_ms + 450, 0.035, pan=-0.45)
        for beat in (0, 2):
            mixer.add(thump, t0 + beat * BEAT_MS, 0.5)
        for beat in (1.5, 3.5):
            mixer.add(hit, t0 + beat * BEAT_MS, 0.14, pan=0.15, reverb=0.2)


def chord_pitch_classes(name: str) -> set[int]:
    """Pitch classes (0 = C) of a chord's voicing and bass."""
    bass, voicing = CHORDS[name]
    return {note % 12 for note in (bass, *voicing)}


def make_motif(
    chords: tuple[str, str], eighths: int, rng: np.random.Generator
) -> list[tuple[int, int, int]]:
    """An original phrase: ``(start_eighth, length_eighths, midi_note)`` filling ``eighths``.

    Mostly eighths and quarters (syllables) and a long last note; the contour rises in the first
    half and falls in the second, by scale steps; notes on the beat snap to chord tones.
    """
    last = 3 if eighths >= 8 else 1
    body = eighths - last
    lengths: list[int] = []
    while sum(lengths) < body:
        lengths.append(min(int(rng.choice([1, 1, 1, 2, 2, 3])), body - sum(lengths)))
    lengths.append(last)
    rising = np.array([0.06, 0.14, 0.15, 0.38, 0.27])  # weights of steps -2..2
    position = 0
    degree = int(rng.choice([3, 5, 7]))  # G4, B4 or D5
    phrase: list[tuple[int, int, int]] = []
    for index, length in enumerate(lengths):
        chord = chords[0] if position < eighths // 2 else chords[1]
        weights = rising if position < eighths * 0.45 else rising[::-1]
        target = degree + int(rng.choice([-2, -1, 0, 1, 2], p=weights))
        target = int(np.clip(target, 1, len(MELODY_SCALE) - 2))
        if position % 2 == 0 or index == len(lengths) - 1:
            tones = chord_pitch_classes(chord)
            candidates = [d for d, n in enumerate(MELODY_SCALE) if n % 12 in tones]
            moved = [d for d in candidates if d != degree] or candidates
            target = min(moved, key=lambda d: (abs(d - target), d))
        degree = target
        phrase.append((position, length, MELODY_SCALE[degree]))
        position += length
    return phrase


def play_melody(mixer: Mixer, lines: Sequence[SungLine]) -> None:
    """The melody: a phrase per sung line (reused by role and stanza parity); rests elsewhere."""
    motifs: dict[tuple[str, int, int], list[tuple[int, int, int]]] = {}
    for sung in lines:
        line = sung.line
        eighths = max(1, round(line.duration_ms / EIGHTH_MS))
        key = (sung.role, sung.stanza % 2, eighths)
        if key not in motifs:
            seed = [SEED, sorted(LINE_CHORDS).index(sung.role), sung.stanza % 2, eighths]
            motifs[key] = make_motif(LINE_CHORDS[sung.role], eighths, np.random.default_rng(seed))
        step_ms = line.duration_ms / eighths
        for start, length, note in motifs[key]:
            dur_ms = round(length * step_ms * (0.92 if length > 1 else 0.85))
            mixer.add(
                flute_note(note, dur_ms),
                line.start_ms + start * step_ms,
                0.24,
                pan=-0.1,
                reverb=0.35,
            )


# --- Guide voice ---------------------------------------------------------------------------


def speak(text: str, window_ms: int, workdir: Path, index: int) -> np.ndarray:
    """espeak-ng speaking ``text``, sped up with ffmpeg ``atempo`` to fit ``window_ms``, mono."""
    raw = workdir / f"voice-{index:02d}.wav"
    spoken = " ".join(text.replace("’", "").split())
    subprocess.run(
        ["espeak-ng", "-v", "es", "-s", str(VOICE_SPEED_WPM), "-w", str(raw), spoken],
        check=True,
        capture_output=True,
    )
    with wave.open(str(raw)) as source:
        length_ms = source.getnframes() * 1000 / source.getframerate()
    limit_ms = window_ms * VOICE_FILL
    tempo = max(1.0, length_ms / limit_ms)
    pcm = subprocess.run(
        ["ffmpeg", "-nostdin", "-v", "error", "-i", str(raw),
         "-af", f"atempo={tempo:.4f},aresample={SAMPLE_RATE}",
         "-ac", "1", "-f", "f32le", "-"],
        check=True, capture_output=True,
    ).stdout  # fmt: skip
    voice = np.frombuffer(pcm, dtype="<f4").astype(np.float64)[: ms_to_samples(limit_ms)]
    fade = min(voice.size, ms_to_samples(40))
    if fade:
        voice[-fade:] *= np.linspace(1.0, 0.0, fade)
    peak = float(np.max(np.abs(voice))) if voice.size else 0.0
    return voice / peak if peak else voice


def play_voice(mixer: Mixer, lines: Sequence[SungLine], workdir: Path) -> bool:
    """Mix the guide voice under the music; False (with a note) when espeak-ng is unavailable."""
    if shutil.which("espeak-ng") is None:
        print("make_demo_media: espeak-ng not found; making the instrumental without guide voice")
        return False
    try:
        voices = [speak(s.line.text, s.line.duration_ms, workdir, i) for i, s in enumerate(lines)]
    except (subprocess.CalledProcessError, OSError, wave.Error) as error:
        print(f"make_demo_media: guide voice failed ({error}); making the instrumental only")
        return False
    for sung, voice in zip(lines, voices, strict=True):
        mixer.add(voice, sung.line.start_ms, 0.75, reverb=0.12)
    return True


@dataclass(frozen=True, slots=True)
class Audio:
    """The synthesised sound: each mix has shape (2, samples)."""

    mix: np.ndarray  # the video's sound: backing, flute melody and (maybe) the guide voice
    accompaniment: np.ndarray  # the backing alone, at the mix's gain: the instrumental
    has_voice: bool


def make_audio(song: Song, end_ms: int, workdir: Path, voice: bool) -> Audio:
    """The full mix, peak at :data:`PEAK_DBFS`; the accompaniment (the mix without the melody
    and the voice, sample for sample: same room, fade and gain); whether the mix has a voice."""
    rng = np.random.default_rng(SEED)
    noise = rng.standard_normal(ms_to_samples(2000))
    mixer = Mixer(ms_to_samples(end_ms))
    lines = sung_lines(song)
    play_backing(mixer, bar_chords(song, end_ms // BAR_MS), noise)
    backing = mixer.copy()
    play_melody(mixer, lines)
    has_voice = voice and play_voice(mixer, lines, workdir)
    room = copy.deepcopy(rng)  # the accompaniment's reverb draws the same impulse responses
    mix = mixer.render(rng)
    accompaniment = backing.render(room)
    fade = ms_to_samples(1500)
    curve = np.linspace(1.0, 0.0, fade) ** 2
    mix[:, -fade:] *= curve
    accompaniment[:, -fade:] *= curve
    gain = 10 ** (PEAK_DBFS / 20) / np.max(np.abs(mix))
    mix *= gain
    accompaniment *= gain
    return Audio(mix, accompaniment, has_voice)


def write_wav(path: Path, mix: np.ndarray) -> None:
    """Write a (2, samples) float mix in [-1, 1] as 16-bit stereo PCM."""
    pcm = np.round(np.clip(mix.T, -1.0, 1.0) * 32767).astype("<i2")
    with wave.open(str(path), "wb") as sink:
        sink.setnchannels(2)
        sink.setsampwidth(2)
        sink.setframerate(SAMPLE_RATE)
        sink.writeframes(pcm.tobytes())


# =================================================================================================
# Video: numpy draws the moving backgrounds, ffmpeg's drawtext the text
# =================================================================================================


def hsv(hue: float, saturation: float, value: float) -> np.ndarray:
    """An RGB colour in [0, 1] from HSV."""
    return np.array(colorsys.hsv_to_rgb(hue % 1.0, saturation, value))


def background(hue: float) -> np.ndarray:
    """A card's backdrop, float RGB (HEIGHT, WIDTH, 3): vertical gradient and a soft glow."""
    y = np.linspace(0.0, 1.0, HEIGHT)[:, None, None]
    top, bottom = hsv(hue, 0.6, 0.62), hsv(hue + 0.06, 0.8, 0.2)
    image = top * (1 - y) + bottom * y
    yy, xx = np.mgrid[0:HEIGHT, 0:WIDTH]
    glow = np.exp(-(((xx - WIDTH / 2) / 260) ** 2 + ((yy - 165) / 110) ** 2))
    return np.broadcast_to(image, (HEIGHT, WIDTH, 3)) + 0.12 * glow[:, :, None]


def spectrum_levels(mix: np.ndarray, frames: int) -> np.ndarray:
    """Per video frame, the level in [0, 1] of :data:`SPECTRUM_BANDS` log-spaced bands."""
    mono = mix.mean(axis=0)
    hop = ms_to_samples(FRAME_MS)
    size = 4096
    window = np.hanning(size)
    freqs = np.fft.rfftfreq(size, 1 / SAMPLE_RATE)
    edges = np.geomspace(60, 9000, SPECTRUM_BANDS + 1)
    band = np.clip(np.searchsorted(edges, freqs) - 1, -1, SPECTRUM_BANDS)
    levels = np.zeros((frames, SPECTRUM_BANDS))
    for frame in range(frames):
        chunk = mono[frame * hop : frame * hop + size]
        power = np.abs(np.fft.rfft(np.pad(chunk, (0, size - chunk.size)) * window)) ** 2
        for index in range(SPECTRUM_BANDS):
            selected = power[band == index]
            levels[frame, index] = 10 * np.log10(selected.mean() + 1e-12) if selected.size else -120
    top = np.percentile(levels, 98, axis=0)
    levels = np.clip((levels - (top - 42)) / 42, 0.0, 1.0)
    for frame in range(1, frames):  # fall slowly, rise at once
        levels[frame] = np.maximum(levels[frame], levels[frame - 1] * 0.72)
    return levels


def blend(
    image: np.ndarray, box: tuple[int, int, int, int], colour: np.ndarray, alpha: float | np.ndarray
) -> None:
    """Paint ``colour`` over ``image[y0:y1, x0:x1]`` with opacity ``alpha`` (scalar or mask)."""
    y0, y1, x0, x1 = box
    region = image[y0:y1, x0:x1]
    if isinstance(alpha, np.ndarray):
        alpha = alpha[:, :, None]
    region[:] = region * (1 - alpha) + colour * alpha


def disc(radius: float, size: int) -> np.ndarray:
    """An anti-aliased disc of ``radius`` pixels centred in a ``size``×``size`` mask."""
    yy, xx = np.mgrid[0:size, 0:size] - (size - 1) / 2
    return np.clip(radius - np.hypot(xx, yy) + 0.5, 0.0, 1.0)


def card_at(card_list: Sequence[Card], t_ms: int) -> int:
    """Index of the card shown at ``t_ms``."""
    for index, card in enumerate(card_list):
        if card.start_ms <= t_ms < card.end_ms:
            return index
    return len(card_list) - 1


def draw_frame(
    t_ms: int,
    end_ms: int,
    card_list: Sequence[Card],
    backdrops: Sequence[np.ndarray],
    levels: np.ndarray,
) -> np.ndarray:
    """One RGB frame (uint8): cross-faded backdrop, beat dots, spectrum and progress bar."""
    index = card_at(card_list, t_ms)
    card = card_list[index]
    image = backdrops[index].copy()
    if index > 0 and t_ms < card.start_ms + FADE_MS:
        weight = 0.5 + 0.5 * (t_ms - card.start_ms) / FADE_MS
        image = backdrops[index - 1] * (1 - weight) + image * weight
    elif index + 1 < len(card_list) and t_ms >= card.end_ms - FADE_MS:
        weight = 0.5 * (t_ms - (card.end_ms - FADE_MS)) / FADE_MS
        image = image * (1 - weight) + backdrops[index + 1] * weight
    accent = hsv(card.hue, 0.3, 1.0)
    white = np.ones(3)

    beat, into_ms = divmod(t_ms, BEAT_MS)
    for dot in range(BEATS_PER_BAR):
        active = dot == beat % BEATS_PER_BAR
        radius = 6 + (5 * math.exp(-into_ms / 180) if active else 0)
        x, y, size = round(WIDTH / 2 + (dot - 1.5) * 34), 66, 25
        box = (y - size // 2, y - size // 2 + size, x - size // 2, x - size // 2 + size)
        blend(
            image, box, accent if active else white, disc(radius, size) * (0.95 if active else 0.3)
        )

    bar_width, gap, base, height = 14, 3, 332, 56
    left = (WIDTH - SPECTRUM_BANDS * (bar_width + gap) + gap) // 2
    for band, level in enumerate(levels[min(t_ms // FRAME_MS, len(levels) - 1)]):
        top = base - max(2, round(level * height))
        x0 = left + band * (bar_width + gap)
        blend(image, (top, base, x0, x0 + bar_width), white, 0.22)

    blend(image, (344, 350, 40, WIDTH - 40), white, 0.2)
    filled = 40 + round((WIDTH - 80) * min(1.0, t_ms / end_ms))
    blend(image, (344, 350, 40, filled), accent, 0.9)
    return (np.clip(image, 0.0, 1.0) * 255 + 0.5).astype(np.uint8)


# --- Text overlays ----------------------------------------------------------------------------


def wrap_balanced(text: str, columns: int) -> list[str]:
    """``text`` wrapped at ``columns`` characters, then re-wrapped as narrow as possible without
    adding a line, so that the lines have similar lengths (no lonely last word)."""
    lines = textwrap.wrap(text, columns, break_long_words=False)
    for narrower in range(columns - 1, 0, -1):
        candidate = textwrap.wrap(text, narrower, break_long_words=False)
        if len(candidate) > len(lines) or any(len(line) > narrower for line in candidate):
            break
        lines = candidate
    return lines


def fit_text(text: str, max_size: int, min_size: int, max_lines: int) -> tuple[int, list[str]]:
    """Font size (px) and balanced lines for ``text``: the fewest lines first (up to
    ``max_lines``), then the largest size at which those lines fit :data:`TEXT_MAX_WIDTH`."""
    for line_count in range(1, max_lines + 1):
        for size in range(max_size, min_size - 1, -1):
            columns = max(1, int(TEXT_MAX_WIDTH / (size * GLYPH_WIDTH_EM)))
            lines = textwrap.wrap(text, columns, break_long_words=False)
            fits = all(len(line) <= columns for line in lines)
            if fits and len(lines) <= line_count and (size >= 26 or line_count == max_lines):
                return size, wrap_balanced(text, columns)
    columns = max(1, int(TEXT_MAX_WIDTH / (min_size * GLYPH_WIDTH_EM)))
    return min_size, textwrap.wrap(text, columns)


def filter_path(path: Path) -> str:
    """A path quoted for an ffmpeg filter option value."""
    return "'" + str(path).replace("\\", "/").replace("'", r"'\''").replace(":", r"\:") + "'"


def text_alpha(card: Card, end_ms: int) -> str:
    """drawtext ``alpha`` expression fading the text in and out at the card's edges."""
    terms = ["1"]
    if card.start_ms > 0:
        terms.append(f"(t-{card.start_ms / 1000:.3f})/{FADE_MS / 1000:.3f}")
    if card.end_ms < end_ms:
        terms.append(f"({card.end_ms / 1000:.3f}-t)/{FADE_MS / 1000:.3f}")
    expression = terms[0]
    for term in terms[1:]:
        expression = f"min({expression},{term})"
    return f"max(0,{expression})"


def drawtext(
    text: str,
    y: int,
    size: int,
    font: Path,
    card: Card,
    end_ms: int,
    workdir: Path,
    counter: Iterator[int],
    colour: str = "white",
) -> str:
    """One centred drawtext filter for ``text`` (read from a UTF-8 file) on ``card``."""
    text_file = workdir / f"text-{next(counter):03d}.txt"
    text_file.write_text(text, encoding="utf-8")
    options = {
        "fontfile": filter_path(font),
        "textfile": filter_path(text_file),
        "expansion": "none",
        "fontsize": str(size),
        "fontcolor": colour,
        "shadowcolor": "black@0.45",
        "shadowx": "2",
        "shadowy": "2",
        "x": "'(w-text_w)/2'",
        "y": str(y),
        "alpha": f"'{text_alpha(card, end_ms)}'",
        "enable": f"'between(t,{card.start_ms / 1000:.3f},{card.end_ms / 1000:.3f})'",
    }
    return "drawtext=" + ":".join(f"{key}={value}" for key, value in options.items())


def text_filters(card_list: Sequence[Card], end_ms: int, workdir: Path) -> list[str]:
    """drawtext filters for every card: a small caption, the big title, an optional subtitle."""
    counter = iter(range(10_000))
    filters: list[str] = []
    for card in card_list:
        filters.append(
            drawtext(
                card.caption.upper(),
                22,
                15,
                FONT_REGULAR,
                card,
                end_ms,
                workdir,
                counter,
                "white@0.8",
            )
        )
        size, lines = fit_text(card.title, 44 if card.subtitle else 36, 20, 3)
        line_height = round(size * 1.25)
        block = line_height * len(lines) + (44 if card.subtitle else 0)
        y = 175 - block // 2
        for line in lines:
            filters.append(drawtext(line, y, size, FONT_BOLD, card, end_ms, workdir, counter))
            y += line_height
        if card.subtitle:
            filters.append(
                drawtext(
                    card.subtitle,
                    y + 10,
                    24,
                    FONT_REGULAR,
                    card,
                    end_ms,
                    workdir,
                    counter,
                    "white@0.9",
                )
            )
    return filters


def encode(
    out: Path, wav: Path, end_ms: int, card_list: Sequence[Card], levels: np.ndarray, workdir: Path
) -> None:
    """Pipe the numpy frames through ffmpeg (drawtext, libx264, AAC) into ``out``."""
    for font in (FONT_BOLD, FONT_REGULAR):
        if not font.is_file():
            raise SystemExit(
                f"make_demo_media: missing font {font}; apt-get install fonts-dejavu-core"
            )
    graph = workdir / "graph.txt"
    graph.write_text(
        "[0:v]" + ",".join([*text_filters(card_list, end_ms, workdir), "format=yuv420p"]) + "[v]\n",
        encoding="utf-8",
    )
    partial = out.with_name(out.stem + ".partial" + out.suffix)
    command = [
        "ffmpeg", "-nostdin", "-hide_banner", "-loglevel", "error", "-y",
        "-f", "rawvideo", "-pix_fmt", "rgb24", "-s", f"{WIDTH}x{HEIGHT}", "-framerate", str(FPS),
        "-i", "pipe:0", "-i", str(wav),
        "-filter_complex_script", str(graph), "-map", "[v]", "-map", "1:a",
        "-c:v", "libx264", "-preset", "veryslow", "-crf", "30", "-tune", "animation",
        "-g", str(5 * FPS), "-threads", "1",
        "-c:a", "aac", "-b:a", "96k", "-ar", str(SAMPLE_RATE), "-ac", "2",
        "-t", f"{end_ms / 1000:.3f}", "-map_metadata", "-1",
        "-fflags", "+bitexact", "-flags:v", "+bitexact", "-flags:a", "+bitexact",
        "-movflags", "+faststart", str(partial),
    ]  # fmt: skip
    backdrops = [background(card.hue) for card in card_list]
    process = subprocess.Popen(command, stdin=subprocess.PIPE)
    assert process.stdin is not None
    try:
        for frame in range(end_ms // FRAME_MS):
            t_ms = frame * FRAME_MS
            process.stdin.write(draw_frame(t_ms, end_ms, card_list, backdrops, levels).tobytes())
    except BrokenPipeError:
        pass
    finally:
        process.stdin.close()
    if process.wait() != 0:
        partial.unlink(missing_ok=True)
        raise SystemExit("make_demo_media: ffmpeg failed (see its message above)")
    partial.replace(out)


def encode_instrumental(out: Path, wav: Path, end_ms: int) -> None:
    """Encode the accompaniment ``wav`` into ``out``: Vorbis in Ogg, stereo, no metadata, the
    same bytes on every run (bit-exact flags: no encoder tag, fixed Ogg serial numbers)."""
    partial = out.with_name(out.stem + ".partial" + out.suffix)
    command = [
        "ffmpeg", "-nostdin", "-hide_banner", "-loglevel", "error", "-y", "-i", str(wav),
        "-c:a", "libvorbis", "-q:a", INSTRUMENTAL_QUALITY, "-ac", "2", "-ar", str(SAMPLE_RATE),
        "-t", f"{end_ms / 1000:.3f}", "-map_metadata", "-1",
        "-fflags", "+bitexact", "-flags:a", "+bitexact", "-f", "ogg", str(partial),
    ]  # fmt: skip
    if subprocess.run(command, check=False).returncode != 0:
        partial.unlink(missing_ok=True)
        raise SystemExit("make_demo_media: ffmpeg failed (see its message above)")
    partial.replace(out)


# =================================================================================================


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """Command-line options."""
    parser = argparse.ArgumentParser(description="Build the demo video of the bundled song.")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="the .mp4 to write")
    parser.add_argument("--song", type=Path, default=DEFAULT_SONG, help="the song package")
    parser.add_argument("--no-voice", action="store_true", help="leave out the espeak-ng voice")
    parser.add_argument(
        "--instrumental",
        type=Path,
        nargs="?",
        const=DEFAULT_INSTRUMENTAL,
        metavar="PATH",
        help="write only the sing-along instrumental (no voice, no flute) to this .ogg "
        f"instead of the video (default: {DEFAULT_INSTRUMENTAL.relative_to(ROOT)})",
    )
    args = parser.parse_args(argv)
    if args.instrumental and args.instrumental.suffix.lower() != ".ogg":
        parser.error(f"the instrumental is Vorbis in Ogg: name it .ogg ({args.instrumental})")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    """Build the demo media; returns the process exit status."""
    args = parse_args(argv)
    if shutil.which("ffmpeg") is None:
        raise SystemExit(
            "make_demo_media: ffmpeg is needed to build the demo media "
            "(apt-get install ffmpeg); the app itself does not need it"
        )
    song = load_song(args.song)
    end_ms = total_ms(song)
    out: Path = args.instrumental or args.out
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="demo-media-") as tmp:
        workdir = Path(tmp)
        print(f"make_demo_media: synthesising {end_ms / 1000:.1f} s of audio")
        audio = make_audio(song, end_ms, workdir, voice=not args.no_voice)
        wav = workdir / "mix.wav"
        if args.instrumental:
            write_wav(wav, audio.accompaniment)
            encode_instrumental(out, wav, end_ms)
            note = "accompaniment: no voice, no melody"
        else:
            write_wav(wav, audio.mix)
            print(f"make_demo_media: rendering {end_ms // FRAME_MS} frames and encoding")
            levels = spectrum_levels(audio.mix, end_ms // FRAME_MS)
            encode(out, wav, end_ms, cards(song, end_ms), levels, workdir)
            note = "with guide voice" if audio.has_voice else "instrumental only"
    print(f"make_demo_media: wrote {out} ({out.stat().st_size / 1e6:.2f} MB, {note})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
