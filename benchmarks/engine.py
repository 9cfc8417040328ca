"""Engine benchmark: parse time of 10,000-line lyrics files, timeline lookups per second.

    .venv/bin/python -m benchmarks.engine [--json PATH]

Goals (2-core machine): a 10,000-line SRT or LRC parses in under 150 ms; a 10,000-line ASS with
a ``\\k`` on every syllable, or UltraStar file (a note per syllable), in under 300 ms; at least
1,000,000 lookups/s. Not a test: it prints numbers, and the JSON is for ``docs/performance.md``.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import time
from pathlib import Path

from karaoke.core.formats.ass import read_ass
from karaoke.core.formats.lrc import read_lrc
from karaoke.core.formats.subrip import read_subrip
from karaoke.core.formats.ultrastar import read_ultrastar
from karaoke.core.timeline import Timeline

LINES = 10_000
WORDS = [
    "con",
    "mi",
    "burrito",
    "sabanero",
    "voy",
    "entrenando",
    "modelo",
    "red",
    "neuronal",
    "atención",
    "tuki",
]


def _text(rng: random.Random) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 9)))


def make_srt(lines: int = LINES, seed: int = 1) -> bytes:
    rng = random.Random(seed)
    cues = []
    for i in range(lines):
        start = i * 3000
        cues.append(f"{i + 1}\n{_srt_time(start)} --> {_srt_time(start + 2500)}\n{_text(rng)}\n")
    return "\n".join(cues).encode()


def make_lrc(lines: int = LINES, seed: int = 1, *, word_stamps: bool = False) -> bytes:
    """Line stamps only, or (``word_stamps``) enhanced LRC with a ``<mm:ss.xx>`` on every word."""
    rng = random.Random(seed)
    rows = []
    for i in range(lines):
        words = _text(rng).split()
        if word_stamps:
            body = "".join(f"<{_lrc_time(i * 3000 + k * 300)}>{w} " for k, w in enumerate(words))
        else:
            body = " ".join(words)
        rows.append(f"[{_lrc_time(i * 3000)}]{body}")
    return "\n".join(rows).encode()


def _syllables(word: str) -> list[str]:
    """``word`` in pieces of up to three letters: syllables enough for timing a parse."""
    return [word[i : i + 3] for i in range(0, len(word), 3)]


def make_ass(lines: int = LINES, seed: int = 1) -> bytes:
    """An Aegisub-style karaoke script: one Dialogue a line, a ``{\\kNN}`` before every
    syllable (~120,000 of them), each syllable 20 cs."""
    rng = random.Random(seed)
    rows = [
        "[Script Info]",
        "ScriptType: v4.00+",
        "",
        "[V4+ Styles]",
        "Format: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, "
        "BackColour, Bold, Italic, Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, "
        "BorderStyle, Outline, Shadow, Alignment, MarginL, MarginR, MarginV, Encoding",
        "Style: Default,Arial,48,&H00FFFFFF,&H000000FF,&H00000000,&H00000000,0,0,0,0,100,100,0,0,"
        "1,2,0,2,10,10,10,1",
        "",
        "[Events]",
        "Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text",
    ]
    for i in range(lines):
        words = _text(rng).split()
        body = " ".join("".join(f"{{\\k20}}{s}" for s in _syllables(w)) for w in words)
        start = i * 3000
        rows.append(
            f"Dialogue: 0,{_ass_time(start)},{_ass_time(start + 2500)},Default,,0,0,0,,{body}"
        )
    return "\n".join(rows).encode()


def make_ultrastar(lines: int = LINES, seed: int = 1) -> bytes:
    """A solo UltraStar song at 300 BPM (50 ms a beat): a note per syllable, a line break after
    each line of words."""
    rng = random.Random(seed)
    rows = ["#TITLE:Benchmark", "#ARTIST:Benchmark", "#MP3:bench.mp3", "#BPM:300", "#GAP:0"]
    for i in range(lines):
        beat = i * 60
        for w, word in enumerate(_text(rng).split()):
            for k, syllable in enumerate(_syllables(word)):
                text = f" {syllable}" if w and not k else syllable
                rows.append(f": {beat} 2 {rng.randint(0, 12)} {text}")
                beat += 2
        rows.append(f"- {beat + 1}")
    rows.append("E")
    return "\n".join(rows).encode()


def _ass_time(ms: int) -> str:
    h, rest = divmod(ms, 3_600_000)
    m, rest = divmod(rest, 60_000)
    return f"{h}:{m:02d}:{rest // 1000:02d}.{rest % 1000 // 10:02d}"


def _srt_time(ms: int) -> str:
    h, rest = divmod(ms, 3_600_000)
    m, rest = divmod(rest, 60_000)
    s, ms = divmod(rest, 1000)
    return f"{h:02d}:{m:02d}:{s:02d},{ms:03d}"


def _lrc_time(ms: int) -> str:
    m, rest = divmod(ms, 60_000)
    return f"{m:02d}:{rest / 1000:05.2f}"


def parse_ms(reader, data: bytes, repeat: int = 7) -> float:
    """Median wall time of ``repeat`` parses, in ms."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        reader(data, "bench")
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def lookups_per_second(timeline: Timeline, count: int = 1_000_000) -> float:
    """Random ``line_at`` lookups over the whole song (the per-frame call)."""
    rng = random.Random(2)
    end = timeline.lines[-1].end_ms
    probes = [rng.randrange(end) for _ in range(count)]
    line_at = timeline.line_at
    start = time.perf_counter()
    for t in probes:
        line_at(t)
    return count / (time.perf_counter() - start)


def run() -> dict[str, float]:
    srt, lrc = make_srt(), make_lrc()
    lyrics = read_subrip(srt, "bench.srt")
    return {
        "srt_parse_ms": parse_ms(read_subrip, srt),
        "lrc_parse_ms": parse_ms(read_lrc, lrc),
        "enhanced_lrc_parse_ms": parse_ms(read_lrc, make_lrc(word_stamps=True)),
        "ass_parse_ms": parse_ms(read_ass, make_ass()),
        "ultrastar_parse_ms": parse_ms(read_ultrastar, make_ultrastar()),
        "lookups_per_s": lookups_per_second(Timeline(lyrics.lines)),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", type=Path, help="also write the numbers here")
    args = parser.parse_args()
    results = run()
    print(f"{'figure':<28}{'value':>14}  goal")
    print(f"{'10,000-line SRT parse':<28}{results['srt_parse_ms']:>11.1f} ms  < 150 ms")
    print(f"{'10,000-line LRC parse':<28}{results['lrc_parse_ms']:>11.1f} ms  < 150 ms")
    print(
        f"{'  same, a stamp on each word':<28}{results['enhanced_lrc_parse_ms']:>11.1f} ms"
        "  (~65,000 words)"
    )
    print(f"{'10,000-line ASS (k tags)':<28}{results['ass_parse_ms']:>11.1f} ms  < 300 ms")
    print(f"{'10,000-line UltraStar':<28}{results['ultrastar_parse_ms']:>11.1f} ms  < 300 ms")
    print(f"{'timeline lookups':<28}{results['lookups_per_s']:>12,.0f}/s  ≥ 1,000,000/s")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()
