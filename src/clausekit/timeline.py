"""Answers over time: timelines of verdicts, and comparisons of two days.

Examples:
    >>> from clausekit.timeline import Segment  # built by Agreement.timeline / ask(during=)
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import attrs
import pendulum

from clausekit.errors import InvalidPeriodError
from clausekit.time import Period, to_day
from clausekit.verdict import Outcome, Verdict

if TYPE_CHECKING:
    from clausekit.actions import Action
    from clausekit.agreement import Amendment

__all__ = ["Change", "Comparison", "Segment", "Timeline"]


@attrs.frozen
class Segment:
    """A stretch of days over which the answer stays the same.

    Attributes:
        period: the days, half-open.
        verdict: the answer on every day of the period (computed on its first day).
        opened_by: the amendment that took effect on the first day, or None for the
            first segment and for changes that no amendment made (a clause's own
            term ending, a dated scenario fact).
        cause: what changed on the first day, in words.
    """

    period: Period
    verdict: Verdict
    opened_by: Amendment | None
    cause: str

    @property
    def outcome(self) -> Outcome:
        return self.verdict.outcome

    def describe(self) -> str:
        """One line: the period, the answer and what opened it."""
        return f"{self.period}: {self.verdict.headline()}  [{self.cause}]"


@attrs.frozen
class Timeline:
    """The answers to one question over a period, one segment per distinct answer.

    Attributes:
        action: what was asked about.
        period: the whole period asked about.
        segments: consecutive, non-overlapping, covering ``period`` exactly.
    """

    action: Action
    period: Period
    segments: tuple[Segment, ...]

    def __len__(self) -> int:
        return len(self.segments)

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self.segments)

    def __getitem__(self, index: int) -> Segment:
        return self.segments[index]

    def at(self, day: pendulum.Date) -> Verdict:
        """The verdict on ``day``.

        Raises:
            InvalidPeriodError: when ``day`` lies outside the timeline.
        """
        day = to_day(day, field="day")
        for segment in self.segments:
            if day in segment.period:
                # Same answer on every day of the segment; the verdict names the day asked.
                verdict = segment.verdict
                return verdict if verdict.on == day else attrs.evolve(verdict, on=day)
        raise InvalidPeriodError(
            f"day={day} lies outside this timeline ({self.period}); ask about a day inside it."
        )

    @property
    def change_days(self) -> tuple[pendulum.Date, ...]:
        """The first day of every segment after the first."""
        return tuple(s.period.start for s in self.segments[1:])

    def explain(self) -> str:
        """Every segment on its own line, then each segment's full explanation."""
        if not self.segments:
            return "(empty timeline)"
        head = self.segments[0].verdict.action_text
        lines = [f"Timeline for: {head}, {self.period}"]
        lines += ["  " + s.describe() for s in self.segments]
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.explain()

    def to_mermaid(self) -> str:
        """The timeline as a Mermaid gantt chart (see :func:`clausekit.render.timeline_to_mermaid`)."""
        from clausekit.render.mermaid import timeline_to_mermaid

        return timeline_to_mermaid(self)

    def to_svg(
        self,
        *,
        title: str | None = None,
        width: int = 960,
        amendments: Iterable[Amendment] = (),
    ) -> str:
        """The timeline as a self-contained SVG picture (see :func:`clausekit.render.timeline_to_svg`).

        Args:
            title: the heading; defaults to the action in words.
            width: the width in pixels.
            amendments: more amendments to mark even where they did not change the answer.
        """
        from clausekit.render.svg import timeline_to_svg

        return timeline_to_svg(self, title=title, width=width, amendments=amendments)

    def _repr_svg_(self) -> str:
        """Jupyter shows a timeline as its picture."""
        return self.to_svg()

    def _repr_html_(self) -> str:
        """Jupyter shows a timeline as its picture and a table of its segments."""
        from clausekit.render.html import timeline_to_html

        return timeline_to_html(self)


@attrs.frozen
class Change:
    """A day between two compared days on which the answer changed."""

    day: pendulum.Date
    amendment: Amendment | None
    cause: str
    before: Verdict
    after: Verdict

    def describe(self) -> str:
        return f"{self.day}: {self.cause} — {self.before.headline()} → {self.after.headline()}"


@attrs.frozen
class Comparison:
    """Two verdicts on two days and every change of answer between them.

    Attributes:
        first: the verdict on the earlier day.
        second: the verdict on the later day.
        changes: each day in between on which the answer (outcome, conditions or
            missing facts) changed, with the amendment that changed it.
    """

    action: Action
    first: Verdict
    second: Verdict
    changes: tuple[Change, ...]

    @property
    def changed_by(self) -> tuple[Amendment, ...]:
        """The amendments that changed the answer, in order."""
        return tuple(c.amendment for c in self.changes if c.amendment is not None)

    @property
    def same(self) -> bool:
        """True when both days have the same answer."""
        return self.first.answer_key() == self.second.answer_key()

    def explain(self) -> str:
        """Both answers and what changed in between, as text."""
        lines = [
            f"{self.first.on}: {self.first.headline()}",
            f"{self.second.on}: {self.second.headline()}",
        ]
        if not self.changes:
            lines.append("No amendment between the two days changed the answer.")
        else:
            lines.append("Changed by:")
            lines += ["  " + c.describe() for c in self.changes]
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.explain()

    def _repr_html_(self) -> str:
        """Jupyter shows a comparison as both coloured answers and the changes between them."""
        from clausekit.render.html import comparison_to_html

        return comparison_to_html(self)
