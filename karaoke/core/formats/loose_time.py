"""LOOSE_TIME warnings, shared by the readers that repair times players read (SubRip, WebVTT).

A file with one loose stamp usually has hundreds, all of the same form (no milliseconds, a
two-digit fraction…). So each form gets one warning, at the first timing row that has it, which
then names how many rows after it have that form too (and the first few of them): the user
learns what was repaired and where, without a warning per row.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from karaoke.core.errors import Problem, ProblemCode

#: The most timing rows a warning lists besides its own.
LISTED = 5


@dataclass(slots=True)
class TimeReport:
    """The problems found reading a file; of them, one LOOSE_TIME warning per form of loose
    stamp. Call :meth:`finish` once the file is read."""

    path: str
    problems: list[Problem]
    #: Per form: the index of its warning in ``problems`` and the lines of its timing rows.
    _seen: dict[str, tuple[int, list[int]]] = field(default_factory=dict)

    def loose(self, line: int, form: str, message: str) -> None:
        """A stamp of ``form`` (a name: ``"milliseconds"``…) on timing row ``line``: warned with
        ``message`` the first time the form is seen, counted after that."""
        if form in self._seen:
            lines = self._seen[form][1]
            if lines[-1] != line:
                lines.append(line)
            return
        self._seen[form] = (len(self.problems), [line])
        self.problems.append(Problem(self.path, line, message, ProblemCode.LOOSE_TIME))

    def finish(self) -> None:
        """Name, in each warning, the other timing rows with its form."""
        for index, lines in self._seen.values():
            more = lines[1:]
            if more:
                shown = ", ".join(map(str, more[:LISTED])) + (", …" if len(more) > LISTED else "")
                first = self.problems[index]
                message = f"{first.message} (and {len(more)} more timing line(s): {shown})"
                self.problems[index] = Problem(self.path, first.line, message, first.code)
