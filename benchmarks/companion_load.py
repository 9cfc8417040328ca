"""Load on the companion server: a class of simulated phones follows a whole song.

    .venv/bin/python -m benchmarks.companion_load [--phones 60] [--speed 4] [--json PATH]

The real :class:`~karaoke.companion.server.CompanionServer` runs in a child process of its own
(so its CPU time and memory are the server's alone), with the bundled song. The child replays the
song as the presentation would publish it: a state at every line change and one a second
between them (at ``--speed`` times real time), and at the end of each stanza a teaching pause
with the stanza's question, 2.5 s for answers, the reveal and the close. The phones are aiohttp
WebSocket clients in one asyncio loop of this process: each says hello, pings as the page does
(8 quick ones, then every 3 s), records every state with its receipt time and answers every
question (a random option after a random delay; a quarter change their mind once).

Figures: the broadcast delay (the state's ``server_ms`` stamp to its receipt, the same host
monotonic clock; the stamp is truncated to the ms, so delays read up to 1 ms long), lost and
duplicated states per phone (each published state is unique by its content, and the child says
which it published), the answers the server counted, and the server's CPU (process CPU time over
the run / wall time, % of one core) and memory (RSS after the run minus before the phones
joined; and the peak). Goals from issue 13: p99 ≤ 50 ms, 0 lost or duplicated, CPU ≤ 5 %.
"""

from __future__ import annotations

import argparse
import asyncio
import bisect
import json
import random
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from benchmarks.stats import percentile

#: At most this many phones (the server's own limit is 200 connections).
MAX_PHONES = 200
#: A whole run ends within this many seconds, or fails.
RUN_TIMEOUT_S = 600.0
#: A state between line changes, every this many wall seconds.
PERIODIC_S = 1.0
#: How long a question stays open for answers, and the revealed answer stays up, in seconds.
ANSWER_WINDOW_S = 2.5
REVEAL_S = 0.5


# The server: a child process --------------------------------------------------------------------


def _memory_kb(field_name: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field_name + ":"):
            return int(line.split()[1])
    return 0


class Replay:
    """Publishes the song's states as a presentation does, each unique by its content."""

    def __init__(self, server: Any, song: Any, speed: float) -> None:
        self.server, self.song, self.speed = server, song, speed
        self.starts = [line.start_ms for line in song.lines]
        self.published: list[list[Any]] = []  # [playing, position_ms, teaching_pause]
        self._seen: set[tuple[bool, int, bool]] = set()
        self._anchor = (0, 0.0)  # (position_ms, monotonic s) while playing

    def publish(self, playing: bool, position_ms: int, teaching_pause: bool = False) -> None:
        while (playing, position_ms, teaching_pause) in self._seen:
            position_ms += 1  # two states at one ms: keep them distinguishable
        self._seen.add((playing, position_ms, teaching_pause))
        line = bisect.bisect_right(self.starts, position_ms) - 1
        stanza = next(
            (i for i, s in enumerate(self.song.stanzas) if s.first_line <= line < s.end_line),
            None,
        )
        self.server.publish_state(
            playing, position_ms, self.speed, line if line >= 0 else None, stanza, False,
            teaching_pause,
        )  # fmt: skip
        self.published.append([playing, position_ms, teaching_pause])

    def play_from(self, position_ms: int) -> None:
        self._anchor = (position_ms, time.monotonic())
        self.publish(True, position_ms)

    def position_ms(self) -> int:
        start_ms, start_s = self._anchor
        return start_ms + int((time.monotonic() - start_s) * 1000 * self.speed)

    def play_until(self, target_ms: int) -> None:
        """Let the song play to ``target_ms``, with a periodic state every PERIODIC_S."""
        while (left_ms := target_ms - self.position_ms()) > 0:
            wait_s = left_ms / 1000 / self.speed
            if wait_s <= PERIODIC_S:
                time.sleep(wait_s)
                return
            time.sleep(PERIODIC_S)
            self.publish(True, self.position_ms())

    def teaching_pause(self, stanza_index: int, at_ms: int) -> None:
        self.publish(False, at_ms, teaching_pause=True)
        for question in self.song.stanzas[stanza_index].questions:
            self.server.publish_question(question)
            time.sleep(ANSWER_WINDOW_S)
            self.server.publish_reveal()
            time.sleep(REVEAL_S)
            self.server.publish_question(None)
        self.play_from(at_ms)

    def run(self) -> None:
        events = [(line.start_ms, -1) for line in self.song.lines]
        events += [
            (self.song.lines[s.end_line - 1].end_ms, k) for k, s in enumerate(self.song.stanzas)
        ]
        events.sort()
        self.play_from(events[0][0] - 1000)
        for at_ms, stanza in events:
            self.play_until(at_ms)
            if stanza < 0:
                self.publish(True, at_ms)
            else:
                self.teaching_pause(stanza, at_ms)
        self.publish(False, events[-1][0] + 1000)  # the end: the phones stop on this one


def serve(speed: float) -> None:
    """The child: start the server, say its port, replay the song on "go", report as JSON."""
    from karaoke.companion.hub import Limits
    from karaoke.companion.payload import song_payload
    from karaoke.companion.server import CompanionServer
    from karaoke.core.package import open_song
    from karaoke.resources import bundled_song

    song = open_song(bundled_song()).song
    # Every simulated phone comes from 127.0.0.1: lift the per-address limits (one address
    # stands for a class here), keep the totals the class network has.
    one_address_class = Limits(
        students_per_address=MAX_PHONES, voters_per_address=MAX_PHONES, http_per_address=400
    )
    server = CompanionServer(
        song_payload(song, "es"),
        host="127.0.0.1",
        port=0,
        on_command=lambda name: None,
        limits=one_address_class,
    )
    server.start(announce=False)
    print(json.dumps({"port": server.port}), flush=True)
    sys.stdin.readline()  # "go": every phone has joined
    rss_before, cpu_before, wall_before = _memory_kb("VmRSS"), time.process_time(), time.monotonic()
    replay = Replay(server, song, speed)
    replay.run()
    time.sleep(0.5)  # the last messages go out
    cpu_s, wall_s = time.process_time() - cpu_before, time.monotonic() - wall_before
    rounds = server.rounds()
    report = {
        "published": replay.published,
        "wall_s": wall_s,
        "cpu_percent_of_a_core": 100 * cpu_s / wall_s,
        "rss_before_mb": rss_before / 1024,
        "rss_after_mb": _memory_kb("VmRSS") / 1024,
        "peak_rss_mb": _memory_kb("VmHWM") / 1024,
        "rounds": [{"question": r.question.id, "counts": list(r.counts)} for r in rounds],
    }
    print(json.dumps(report), flush=True)
    sys.stdin.readline()  # "stop"
    server.stop()


# The phones: clients in this process -----------------------------------------------------------


@dataclass
class Phone:
    number: int
    states: list[tuple[bool, int, bool]] = field(default_factory=list)
    delays_ms: list[float] = field(default_factory=list)
    answered: dict[str, int] = field(default_factory=dict)  # question -> option echoed
    errors: list[str] = field(default_factory=list)


async def _pings(ws: Any) -> None:
    for gap_s in [0.15] * 8 + [3.0] * 10_000:
        await ws.send_json({"type": "ping", "client_ms": time.monotonic() * 1000})
        await asyncio.sleep(gap_s)


async def _answer(ws: Any, question: dict[str, Any], chooser: random.Random, fickle: bool) -> None:
    await asyncio.sleep(chooser.uniform(0.0, 1.0))
    options = len(question["options"])
    await ws.send_json(
        {"type": "answer", "question": question["id"], "option": chooser.randrange(options)}
    )
    if fickle:
        await asyncio.sleep(0.3)
        await ws.send_json(
            {"type": "answer", "question": question["id"], "option": chooser.randrange(options)}
        )


async def phone(http: Any, url: str, record: Phone, joined: Callable[[], None]) -> None:
    """One phone, from joining until it is cancelled (the run is over) or its socket closes."""
    chooser = random.Random(record.number)
    tasks: set[asyncio.Task[None]] = set()
    try:
        async with http.ws_connect(url) as ws:
            hello = {"type": "hello", "client_id": f"benchmark-phone-{record.number:04d}"}
            await ws.send_json(hello)
            tasks.add(asyncio.create_task(_pings(ws)))
            async for message in ws:
                received_ms = time.monotonic_ns() / 1e6  # before parsing: the receipt time
                _handle(json.loads(message.data), received_ms, record, joined, ws, chooser, tasks)
    finally:
        for task in tasks:
            task.cancel()


def _handle(
    data: dict[str, Any],
    received_ms: float,
    record: Phone,
    joined: Callable[[], None],
    ws: Any,
    chooser: random.Random,
    tasks: set[asyncio.Task[None]],
) -> None:
    kind = data["type"]
    if kind == "welcome":
        joined()
    elif kind == "state":
        record.delays_ms.append(received_ms - data["server_ms"])
        record.states.append((data["playing"], data["position_ms"], data["teaching_pause"]))
    elif kind == "question" and data["question"] is not None:
        fickle = record.number % 4 == 0
        tasks.add(asyncio.create_task(_answer(ws, data["question"], chooser, fickle)))
    elif kind == "answered" and data["question"] is not None and data["option"] is not None:
        record.answered[data["question"]] = data["option"]
    elif kind == "error":
        record.errors.append(data["reason"])


async def _run(phones: int, speed: float) -> tuple[list[Phone], dict[str, Any]]:
    import aiohttp

    child = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "benchmarks.companion_load", "--serve", str(speed),
        stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE,
    )  # fmt: skip
    assert child.stdin is not None and child.stdout is not None
    try:
        port = json.loads(await child.stdout.readline())["port"]
        records = [Phone(number) for number in range(phones)]
        everyone = asyncio.Event()
        count = [0]

        def joined() -> None:
            count[0] += 1
            if count[0] == phones:
                everyone.set()

        async with aiohttp.ClientSession() as http:
            tasks = [
                asyncio.create_task(phone(http, f"ws://127.0.0.1:{port}/ws", r, joined))
                for r in records
            ]
            await everyone.wait()
            child.stdin.write(b"go\n")
            report = json.loads(await child.stdout.readline())
            for task in tasks:
                task.cancel()  # the child wrote its report half a second after the last state
            await asyncio.gather(*tasks, return_exceptions=True)
        child.stdin.write(b"stop\n")
        await asyncio.wait_for(child.wait(), 15)
        return records, report
    finally:
        if child.returncode is None:
            child.kill()


def measure(phones: int = 60, speed: float = 4.0) -> dict[str, Any]:
    """Run the class of ``phones`` through the song replayed at ``speed``×; the figures."""
    if not 1 <= phones <= MAX_PHONES:
        raise ValueError(f"phones must be 1 to {MAX_PHONES}")
    records, server = asyncio.run(asyncio.wait_for(_run(phones, speed), RUN_TIMEOUT_S))
    published = Counter(tuple(state) for state in server["published"])
    lost = duplicated = unknown = 0
    for record in records:
        received = Counter(record.states)
        lost += sum(max(0, n - received[key]) for key, n in published.items())
        duplicated += sum(
            max(0, n - published[key]) for key, n in received.items() if key in published
        )
        unknown += sum(n for key, n in received.items() if key not in published)
    delays = [delay for record in records for delay in record.delays_ms]
    questions = [r["question"] for r in server["rounds"]]
    return {
        "phones": phones,
        "speed": speed,
        "wall_s": server["wall_s"],
        "states_published": len(server["published"]),
        "states_received": len(delays),
        "delay_ms": {
            "p50": percentile(delays, 0.50),
            "p99": percentile(delays, 0.99),
            "max": max(delays, default=float("nan")),
        },
        "lost": lost,
        "duplicated": duplicated,
        "unknown": unknown,
        "questions": len(questions),
        "answers_counted": [sum(r["counts"]) for r in server["rounds"]],
        "answers_echoed": sum(len(r.answered) for r in records),
        "page_errors": sorted({e for r in records for e in r.errors}),
        "cpu_percent_of_a_core": server["cpu_percent_of_a_core"],
        "rss_before_mb": server["rss_before_mb"],
        "rss_growth_mb": server["rss_after_mb"] - server["rss_before_mb"],
        "peak_rss_mb": server["peak_rss_mb"],
    }


def report_rows(result: dict[str, Any], row: Callable[..., None]) -> None:
    """The figures as rows of ``benchmarks.__main__``'s table: ``row(figure, value, goal, ok)``."""
    delay = result["delay_ms"]
    who = f"{result['phones']} phones, {result['speed']:g}×"
    row(
        f"companion, {who}: delay p50/p99",
        f"{delay['p50']:.1f}/{delay['p99']:.1f} ms",
        "p99 ≤ 50 ms",
        delay["p99"] <= 50,
    )
    row("companion: delay max", f"{delay['max']:.1f} ms")
    bad = result["lost"] + result["duplicated"] + result["unknown"]
    row(
        "companion: states lost / duplicated",
        f"{result['lost']} / {result['duplicated']}",
        "0",
        bad == 0,
    )
    expected = [result["phones"]] * result["questions"]
    row(
        f"companion: answers counted ({result['questions']} questions)",
        f"{min(result['answers_counted'], default=0)}–{max(result['answers_counted'], default=0)}",
        f"{result['phones']} each",
        result["answers_counted"] == expected,
    )
    cpu = result["cpu_percent_of_a_core"]
    row("companion: server CPU (share of one core)", f"{cpu:.1f} %", "≤ 5 %", cpu <= 5)
    row(
        "companion: server RSS growth / peak",
        f"{result['rss_growth_mb']:.1f} / {result['peak_rss_mb']:.0f} MB",
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.companion_load", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--phones", type=int, default=60, help=f"1 to {MAX_PHONES} (default 60)")
    parser.add_argument("--speed", type=float, default=4.0, help="replay speed (default 4×)")
    parser.add_argument("--json", type=Path, default=Path("benchmarks/results/companion_load.json"))
    parser.add_argument("--serve", type=float, help=argparse.SUPPRESS)  # the child process
    args = parser.parse_args()
    if args.serve is not None:
        serve(args.serve)
        return
    result = measure(args.phones, args.speed)

    def row(figure: str, value: str, goal: str = "", verdict: bool | None = None) -> None:
        mark = "" if verdict is None else ("ok" if verdict else "MISSED")
        print(f"{figure:<46}{value:>16}  {goal:<24}{mark}")

    print(f"{'figure':<46}{'value':>16}  {'goal':<24}")
    report_rows(result, row)
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
    print(f"\nJSON: {args.json}")


if __name__ == "__main__":
    main()
