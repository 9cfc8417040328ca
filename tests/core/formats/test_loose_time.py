"""One LOOSE_TIME warning per form of loose time, naming the timing rows after the first."""

from karaoke.core.errors import ProblemCode
from karaoke.core.formats.loose_time import TimeReport


def test_one_warning_per_form_naming_at_most_five_more_rows():
    report = TimeReport("a.vtt", [])
    for line in (3, 3, 6, 9, 12, 15, 18, 21):  # line 3 has two stamps of the form
        report.loose(line, "milliseconds", "time '00:01' has no milliseconds")
    report.loose(9, "digits", "time '00:02.5' has fewer than 3 digits")
    report.finish()
    assert [(p.line, p.code) for p in report.problems] == [
        (3, ProblemCode.LOOSE_TIME),
        (9, ProblemCode.LOOSE_TIME),
    ]
    assert report.problems[0].message == (
        "time '00:01' has no milliseconds (and 6 more timing line(s): 6, 9, 12, 15, 18, …)"
    )
    assert report.problems[1].message == "time '00:02.5' has fewer than 3 digits"
