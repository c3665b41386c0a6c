"""Pictures of answers: a timeline as a self-contained SVG.

:func:`timeline_to_svg` draws a :class:`~clausekit.timeline.Timeline` as one
horizontal bar: a segment per answer, coloured by outcome, every change day
marked and labelled with the amendment (or other cause) behind it, a date
axis, a legend and a title. The drawing is deterministic (the same timeline
gives the same bytes on every machine), needs no font or script from
anywhere, and escapes every piece of text it shows.

Examples:
    >>> import clausekit as ck
    >>> src = ck.OutsideSource(url="https://example.org/d", title="Deal", published="2020-01-01",
    ...                        gloss="Acme distributes only via Beta in DE")
    >>> deal = ck.Agreement(id="d", title="Deal", parties=[ck.Party("Acme"), ck.Party("Beta"),
    ...     ck.Party("Gamma")], amendments=[ck.Amendment(id="signed", title="Signed",
    ...     effective="2020-01-01", evidence=[src], adds=[ck.Exclusivity(id="excl",
    ...     title="Exclusive in DE", evidence=[src], bound="Acme", beneficiary="Beta",
    ...     verb="appoint-distributor", scope=["DE"], consent_by="Beta")])])
    >>> gamma = ck.AppointDistributor(principal="Acme", distributor="Gamma", territory="DE")
    >>> svg = timeline_to_svg(deal.timeline(gamma, start="2019-01-01", end="2021-01-01"))
    >>> svg.startswith('<svg xmlns="http://www.w3.org/2000/svg"')
    True
    >>> svg.count('class="segment '), "2020-01-01 signed" in svg
    (2, True)
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape, quoteattr

import pendulum

if TYPE_CHECKING:
    from clausekit.agreement import Amendment
    from clausekit.timeline import Segment, Timeline

__all__ = ["OUTCOME_COLOURS", "TEXT_ON", "timeline_to_svg"]

OUTCOME_COLOURS: dict[str, str] = {
    "permitted": "#2e7d32",
    "conditional": "#f2a900",
    "unknown": "#8e8e8e",
    "prohibited": "#c62828",
}
"""The fill colour of each outcome (keyed by its value; an :class:`~clausekit.verdict.Outcome`
is its value), in the SVG and in the HTML badges."""

TEXT_ON: dict[str, str] = {
    "permitted": "#ffffff",
    "conditional": "#1a1a1a",
    "unknown": "#ffffff",
    "prohibited": "#ffffff",
}
"""The text colour that reads on each outcome's fill."""

_FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"
_MARGIN = 16.0
_BAR_TOP = 56.0
_BAR_HEIGHT = 40.0
_ROW = 16.0
_CHAR = 6.4  # a generous estimate of the width of one character at 11 px, for layout only


def _num(value: float) -> str:
    """A coordinate with at most two decimals and no trailing zeros (deterministic)."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _text_width(text: str, *, size: float = 11.0) -> float:
    return len(text) * _CHAR * size / 11.0


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _ticks(start: pendulum.Date, end: pendulum.Date) -> list[pendulum.Date]:
    """Round days strictly inside ``[start, end)`` for the axis: years, months or days."""
    days = (end - start).days
    ticks: list[pendulum.Date] = []
    if days > 3 * 366:
        years = end.year - start.year + 1
        step = max(1, math.ceil(years / 12))
        first = start.year if (start.month, start.day) == (1, 1) else start.year + 1
        ticks = [pendulum.Date(y, 1, 1) for y in range(first, end.year + 1, step)]
    elif days > 62:
        months = (end.year - start.year) * 12 + end.month - start.month + 1
        step = next(s for s in (1, 2, 3, 6, 12) if months / s <= 12)
        day = start if start.day == 1 else pendulum.Date(start.year, start.month, 1).add(months=1)
        while day < end:
            if (day.month - 1) % step == 0:
                ticks.append(day)
            day = day.add(months=1)
    else:
        step = max(1, math.ceil(days / 10))
        ticks = [start.add(days=n) for n in range(0, days, step)]
    return [t for t in ticks if start <= t < end]


def _tick_label(day: pendulum.Date, start: pendulum.Date, end: pendulum.Date) -> str:
    days = (end - start).days
    if days > 3 * 366:
        return str(day.year)
    if days > 62:
        return f"{day.year}-{day.month:02d}"
    return day.isoformat()


def _marker_label(segment: Segment) -> str:
    day = segment.period.start.isoformat()
    if segment.opened_by is not None:
        return f"{day} {segment.opened_by.id}"
    return f"{day} {_shorten(segment.cause, 48)}"


def _place_rows(items: list[tuple[float, str]], right: float) -> list[tuple[float, str, int, bool]]:
    """Give each label (x, text) a row so that no two labels in a row overlap.

    Returns (x, text, row, anchored_at_end) in the order given. Each label takes
    the first row whose labels end before it starts, else a new row below them.
    The rows' ends sit in a tree that keeps the smallest end of each range of
    rows, so finding that row costs log n, not a look at every row: thousands
    of crowded labels place in n·log n.
    """
    size = 1
    while size < len(items):
        size *= 2
    # Leaves: each row's end; a row not opened yet is -inf (free), and rows open in order,
    # so the first free leaf is the new row when no open one fits.
    least = [-math.inf] * (2 * size)
    placed: list[tuple[float, str, int, bool]] = []
    for x, text in items:
        width = _text_width(text) + 6
        at_end = x + width > right
        left, stop = (x - width, x) if at_end else (x, x + width)
        node = 1
        while node < size:  # down to the leftmost leaf whose end is before ``left``
            node = 2 * node if least[2 * node] < left else 2 * node + 1
        row = node - size
        least[node] = stop
        node //= 2
        while node:
            least[node] = min(least[2 * node], least[2 * node + 1])
            node //= 2
        placed.append((x, text, row, at_end))
    return placed


def timeline_to_svg(
    timeline: Timeline,
    *,
    title: str | None = None,
    width: int = 960,
    amendments: Iterable[Amendment] = (),
) -> str:
    """Draw a timeline as a self-contained SVG document.

    Args:
        timeline: the answers over a bounded period.
        title: the heading; defaults to the action in words.
        width: the drawing's width in pixels (the height follows from the labels).
        amendments: more amendments to mark on the axis even where they did not
            change the answer (drawn lighter); those outside the period are ignored.

    Returns:
        An ``<svg>`` element as text, with ``xmlns`` set, so it can be written to
        a ``.svg`` file, put in an ``<img>`` or inlined in HTML.

    Examples:
        >>> import clausekit as ck
        >>> src = ck.OutsideSource(url="https://example.org/d", title="Deal",
        ...                        published="2020-01-01", gloss="Beta is the only distributor")
        >>> deal = ck.Agreement(id="d", title="Deal", parties=[ck.Party("Acme"),
        ...     ck.Party("Beta"), ck.Party("Gamma")], amendments=[ck.Amendment(id="signed",
        ...     title="Signed", effective="2020-01-01", evidence=[src], adds=[ck.Exclusivity(
        ...     id="excl", title="Exclusive in DE", evidence=[src], bound="Acme",
        ...     beneficiary="Beta", verb="appoint-distributor", scope=["DE"])])])
        >>> gamma = ck.AppointDistributor(principal="Acme", distributor="Gamma", territory="DE")
        >>> svg = timeline_to_svg(deal.timeline(gamma, start="2019-01-01", end="2021-01-01"),
        ...                       title="Gamma & the <DE> market")
        >>> "Gamma &amp; the &lt;DE&gt; market" in svg
        True
        >>> 'fill="#c62828"' in svg   # the prohibited segment
        True
    """
    segments = timeline.segments
    start = timeline.period.start
    end = timeline.period.end or (segments[-1].period.end if segments else None)
    if end is None:
        end = start.add(days=1)
    total = max((end - start).days, 1)
    if title is None:
        title = segments[0].verdict.action_text if segments else "Timeline"
    left, right = _MARGIN, width - _MARGIN
    inner = right - left

    def x_of(day: pendulum.Date) -> float:
        return left + inner * (day - start).days / total

    body: list[str] = []
    # Segments, one rect each, with a tooltip and (where it fits) the outcome written on it.
    for segment in segments:
        outcome = segment.outcome
        seg_end = segment.period.end or end
        x0, x1 = x_of(segment.period.start), x_of(min(seg_end, end))
        until = segment.period.end.isoformat() if segment.period.end else "…"
        tip = f"{segment.period.start.isoformat()} to {until} (excluded): "
        tip += segment.verdict.headline()
        body.append(
            f'<rect class="segment outcome-{outcome.value}" x="{_num(x0)}" y="{_num(_BAR_TOP)}" '
            f'width="{_num(max(x1 - x0, 0.5))}" height="{_num(_BAR_HEIGHT)}" '
            f'fill="{OUTCOME_COLOURS[outcome]}" stroke="#ffffff" stroke-width="1.5">'
            f"<title>{escape(tip)}</title></rect>"
        )
        label = outcome.value.upper()
        if x1 - x0 >= _text_width(label) + 8:
            body.append(
                f'<text x="{_num((x0 + x1) / 2)}" y="{_num(_BAR_TOP + _BAR_HEIGHT / 2 + 4)}" '
                f'text-anchor="middle" font-size="11" font-weight="600" '
                f'fill="{TEXT_ON[outcome]}">{label}</text>'
            )
    body.append(
        f'<rect class="frame" x="{_num(left)}" y="{_num(_BAR_TOP)}" width="{_num(inner)}" '
        f'height="{_num(_BAR_HEIGHT)}" fill="none" stroke="#333333" stroke-width="1"/>'
    )

    # The date axis under the bar.
    axis_y = _BAR_TOP + _BAR_HEIGHT
    for tick in _ticks(start, end):
        tx = _num(x_of(tick))
        body.append(
            f'<line class="tick" x1="{tx}" y1="{_num(axis_y)}" x2="{tx}" y2="{_num(axis_y + 5)}" '
            'stroke="#333333" stroke-width="1"/>'
        )
        body.append(
            f'<text x="{tx}" y="{_num(axis_y + 17)}" text-anchor="middle" font-size="10" '
            f'fill="#444444">{escape(_tick_label(tick, start, end))}</text>'
        )

    # Change days (and extra amendments) marked on the bar and labelled in rows below it.
    marks: list[tuple[float, str, bool]] = [
        (x_of(s.period.start), _marker_label(s), True) for s in segments[1:]
    ]
    marked_days = {s.period.start for s in segments[1:]}
    for amendment in amendments:
        day = amendment.effective
        if start < day < end and day not in marked_days:
            marks.append((x_of(day), f"{day.isoformat()} {amendment.id}", False))
            marked_days.add(day)
    marks.sort(key=lambda m: (m[0], m[1]))
    labels_top = axis_y + 36
    placed = _place_rows([(x, text) for x, text, _ in marks], right)
    rows = 1 + max((row for _, _, row, _ in placed), default=-1)
    for (x, text, row, at_end), (_, _, changes) in zip(placed, marks, strict=True):
        y = labels_top + row * _ROW
        colour = "#1a1a1a" if changes else "#777777"
        dash = "" if changes else ' stroke-dasharray="3 3"'
        body.append(
            f'<line class="{"change" if changes else "amendment"}" x1="{_num(x)}" '
            f'y1="{_num(_BAR_TOP - 6)}" x2="{_num(x)}" y2="{_num(y - 10)}" stroke="{colour}" '
            f'stroke-width="1.2"{dash}/>'
        )
        anchor = "end" if at_end else "start"
        dx = -3 if at_end else 3
        body.append(
            f'<text class="mark-label" x="{_num(x + dx)}" y="{_num(y)}" text-anchor="{anchor}" '
            f'font-size="11" fill="{colour}">{escape(text)}</text>'
        )

    # The legend.
    legend_y = labels_top + rows * _ROW + (10 if rows else -6)
    lx = left
    for name in ("permitted", "conditional", "unknown", "prohibited"):
        body.append(
            f'<rect class="legend" x="{_num(lx)}" y="{_num(legend_y)}" width="12" height="12" '
            f'fill="{OUTCOME_COLOURS[name]}"/>'
        )
        body.append(
            f'<text x="{_num(lx + 17)}" y="{_num(legend_y + 10)}" font-size="11" '
            f'fill="#1a1a1a">{name}</text>'
        )
        lx += 17 + _text_width(name) + 22
    notes = []
    if any(changes for _, _, changes in marks):
        notes.append("solid line: the answer changes")
    if not all(changes for _, _, changes in marks):
        notes.append("dashed: an amendment that leaves it unchanged")
    height = legend_y + 24
    if notes:
        note = " · ".join(notes)
        note_x, note_y = lx + 6, legend_y + 10
        if note_x + _text_width(note) > right:  # no room beside the legend: a line of its own
            note_x, note_y = left, legend_y + 28
            height += 18
        body.append(
            f'<text x="{_num(note_x)}" y="{_num(note_y)}" font-size="11" '
            f'fill="#555555">{escape(note)}</text>'
        )

    subtitle = f"{start.isoformat()} to {end.isoformat()} (end excluded)"
    head = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{_num(height)}" '
        f'viewBox="0 0 {width} {_num(height)}" role="img" aria-label={quoteattr(title)} '
        f"font-family={quoteattr(_FONT)}>",
        f"<title>{escape(title)}</title>",
        f'<rect class="background" x="0" y="0" width="{width}" height="{_num(height)}" '
        'fill="#ffffff"/>',
        f'<text class="title" x="{_num(left)}" y="22" font-size="15" font-weight="700" '
        f'fill="#1a1a1a">{escape(_shorten(title, int(inner / 8.5)))}</text>',
        f'<text class="subtitle" x="{_num(left)}" y="40" font-size="11" fill="#555555">'
        f"{escape(subtitle)}</text>",
    ]
    return "\n".join([*head, *body, "</svg>"]) + "\n"
