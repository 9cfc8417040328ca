"""The app as ``karaoke`` runs it, with a log of when things happen inside it, for
``python -m benchmarks.display_sync --probe``: where the end-to-end error comes from.

    python -m benchmarks.display_sync_probe LOG [--no-seek-hold] [--frame-ms MS] -- [karaoke's arguments]

Each line of LOG is ``kind monotonic_s value``, on the machine's one monotonic clock (the
benchmark's captures use it too):

- ``vlc_time``: libvlc's TimeChanged (its media ms), stamped in libvlc's callback;
- ``vlc_playing``: libvlc's Playing;
- ``seek``: the session was asked to seek (target media ms);
- ``tick``: the session's frame tick emitted this position (media ms);
- ``paint``: the lyrics view finished painting the position it was given (lyrics ms).

Nothing here changes what the app does, only the recording is added; except with
``--no-seek-hold``, which makes the clock's learned seek latency 0 (the clock as it was before
it learned it), to measure the hold's effect under the same conditions, and ``--frame-ms``,
which sets the session's frame tick (16 ms) to try another.
"""

from __future__ import annotations

import sys
import time


def install(log_path: str) -> None:
    from karaoke.app.session import PlaybackSession
    from karaoke.player.vlc_player import VlcPlayer, _Event
    from karaoke.ui.shared.lyrics_view import LyricsView

    log = open(log_path, "w", buffering=1, encoding="utf-8")  # noqa: SIM115 (lives as the app)

    def write(kind: str, value: float) -> None:
        log.write(f"{kind} {time.monotonic():.6f} {value}\n")

    on_event = VlcPlayer._on_libvlc_event

    def recording_event(self, event, kind) -> None:
        if kind is _Event.TIME:
            write("vlc_time", event.u.new_time)
        elif kind is _Event.PLAYING:
            write("vlc_playing", 0)
        on_event(self, event, kind)

    VlcPlayer._on_libvlc_event = recording_event  # type: ignore[method-assign]

    emit_tick = PlaybackSession.tick

    def recording_tick(self) -> None:
        before = self._last_emitted
        emit_tick(self)
        if self._last_emitted != before:
            write("tick", self._last_emitted)

    PlaybackSession.tick = recording_tick  # type: ignore[method-assign]

    seek = PlaybackSession.seek

    def recording_seek(self, media_ms: int) -> None:
        write("seek", media_ms)
        seek(self, media_ms)

    PlaybackSession.seek = recording_seek  # type: ignore[method-assign]

    paint = LyricsView.paintEvent

    def recording_paint(self, event) -> None:
        paint(self, event)
        write("paint", self._position_ms)

    LyricsView.paintEvent = recording_paint  # type: ignore[method-assign]


def main() -> None:
    if "--" not in sys.argv[2:]:
        raise SystemExit(__doc__.splitlines()[3].strip())
    split = sys.argv.index("--", 2)
    install(sys.argv[1])
    options = sys.argv[2:split]
    if "--no-seek-hold" in options:
        from karaoke.core.clock import PlaybackClock

        PlaybackClock.seek_latency_ms = property(lambda self: 0.0)  # type: ignore[assignment]
    if "--frame-ms" in options:
        from karaoke.app import session

        session.FRAME_MS = int(options[options.index("--frame-ms") + 1])
    from karaoke.cli.main import main as karaoke

    sys.exit(karaoke(sys.argv[split + 1 :]))


if __name__ == "__main__":
    main()


# Reading the log against the captures ----------------------------------------------------------


def read_log(path: str) -> dict[str, list[tuple[float, float]]]:
    """The log as {kind: [(monotonic s, value), …]} in time order."""
    events: dict[str, list[tuple[float, float]]] = {}
    with open(path, encoding="utf-8") as log:
        for line in log:
            parts = line.split()
            if len(parts) == 3:
                events.setdefault(parts[0], []).append((float(parts[1]), float(parts[2])))
    return events


def libvlc_line(events: dict, start_s: float, end_s: float) -> tuple[float, float] | None:
    """libvlc's time as a line (intercept ms at ``start_s``, slope ms/s) through its time updates
    between ``start_s`` and ``end_s`` (None with fewer than 3)."""
    from benchmarks.stats import line_fit

    points = [(t - start_s, v) for t, v in events.get("vlc_time", []) if start_s <= t <= end_s]
    return line_fit(points) if len(points) >= 3 else None


def last_before(series: list[tuple[float, float]], at_s: float) -> tuple[float, float] | None:
    import bisect

    index = bisect.bisect_right(series, (at_s, float("inf"))) - 1
    return series[index] if index >= 0 else None


def decompose(captures: list[dict], events: dict, start_s: float, end_s: float) -> dict:
    """:func:`decompose_values` summarised (p50/p95/p99/max of the magnitude, signed mean)."""
    return summarise_parts(decompose_values(captures, events, start_s, end_s))


def summarise_parts(parts: dict[str, list[float]]) -> dict:
    from benchmarks.stats import summary

    return {
        name: summary(values) | {"mean_signed_ms": sum(values) / len(values)}
        for name, values in parts.items()
        if values
    }


def decompose_values(
    captures: list[dict], events: dict, start_s: float, end_s: float
) -> dict[str, list[float]]:
    """For the captures between ``start_s`` and ``end_s`` (one stretch of steady play), the
    error split in parts, each ms (signed: + means the first is ahead):

    - ``screen_vs_clock``: the lyric on screen − the app's clock at the capture (the clock
      extrapolated from its last tick at 1 ms/ms): the tick's phase, painting and the flush;
    - ``screen_vs_painted``: the lyric on screen − what the view last finished painting;
    - ``clock_vs_libvlc``: the clock at the capture − libvlc's time line there;
    - ``libvlc_vs_video``: libvlc's time line − the video frame on screen (its middle)."""
    from benchmarks.display_sync_decode import lyric_error_ms as wrapped

    line = libvlc_line(events, start_s, end_s)
    parts: dict[str, list[float]] = {
        "screen_vs_clock": [], "screen_vs_painted": [], "clock_vs_libvlc": [],
        "libvlc_vs_video": [],
    }  # fmt: skip
    ticks, paints = events.get("tick", []), events.get("paint", [])
    for capture in captures:
        at = capture["at_s"]
        tick, paint = last_before(ticks, at), last_before(paints, at)
        if line is None or tick is None or paint is None or not start_s <= at <= end_s:
            continue
        clock = tick[1] + (at - tick[0]) * 1000
        libvlc = line[0] + line[1] * (at - start_s)
        parts["screen_vs_clock"].append(wrapped(capture["fraction"], clock))
        parts["screen_vs_painted"].append(wrapped(capture["fraction"], paint[1]))
        parts["clock_vs_libvlc"].append(clock - libvlc)
        parts["libvlc_vs_video"].append(libvlc - capture["video_ms"])
    return parts
