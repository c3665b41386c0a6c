"""The clause map as a picture: one row per clause, a bar for each stretch it was in force.

Bars are coloured by clause kind; a circle marks a clause an amendment added,
a diamond one that replaced (or was replaced by) another, a square one that
an amendment ended, and a short bar a clause whose own term ran out. Every
amendment on the map has a dashed line across the rows and a label above
them (labels that would overlap go to rows of their own); ``today``, when
given, is a red line. Like :func:`~clausekit.render.timeline_to_svg`, the
drawing is deterministic, self-contained and escapes all text.

Examples:
    >>> import clausekit as ck
    >>> svg = ck.models.openai_microsoft().clause_map(
    ...     start="2019-01-01", end="2027-01-01", today="2025-11-15").to_svg()
    >>> svg.startswith('<svg xmlns="http://www.w3.org/2000/svg"')
    True
    >>> svg.count('class="clause-bar '), svg.count('class="row-label"'), "today 2025-11-15" in svg
    (27, 27, True)
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from xml.sax.saxutils import escape, quoteattr

from clausekit.render.svg import (
    _FONT,
    _MARGIN,
    _num,
    _place_rows,
    _shorten,
    _text_width,
    _tick_label,
    _ticks,
)

if TYPE_CHECKING:
    import pendulum

    from clausekit.render.clause_map import ClauseLife, ClauseMap

__all__ = ["KIND_COLOURS", "clause_map_to_svg"]

KIND_COLOURS: tuple[str, ...] = (
    "#4e79a7",
    "#f28e2b",
    "#59a14f",
    "#b07aa1",
    "#76b7b2",
    "#e15759",
    "#9c755f",
    "#edc948",
    "#ff9da7",
    "#86bcb6",
    "#8cd17d",
    "#bab0ac",
)
"""Bar colours, given to the kinds on a map in order of first appearance (then repeated)."""

_ROW = 22.0
_BAR = 12.0
_LABEL_ROW = 15.0
_INK = "#1a1a1a"
_TODAY = "#c62828"
_HALO = 'paint-order="stroke" stroke="#ffffff" stroke-width="3" stroke-linejoin="round"'


def _until(life: ClauseLife) -> str:
    return life.end.isoformat() if life.end is not None else "…"


def _tooltip(life: ClauseLife) -> str:
    text = (
        f"{life.clause.id} ({life.clause.kind}): {life.clause.title}. In force "
        f"{life.start} to {_until(life)} (excluded); "
    )
    if life.added == "replaced":
        text += f"replaced {life.replaced} through {life.amendment.id}"
    elif life.added == "before":
        text += f"in force before the map starts, through {life.amendment.id}"
    else:
        text += f"added by {life.amendment.id}"
    if life.ended == "expired":
        text += "; its term ends"
    elif life.ended is not None and life.ended_by is not None:
        text += f"; {life.ended} by {life.ended_by.id}"
        if life.replaced_by:
            text += f" (now {life.replaced_by})"
    return text + "."


def _shape(kind: str, x: float, y: float) -> str:
    """A small marker centred on (x, y): added, replaced, ended or expired."""
    if kind == "added":
        return (
            f'<circle class="mark-added" cx="{_num(x)}" cy="{_num(y)}" r="3.5" fill="#ffffff" '
            f'stroke="{_INK}" stroke-width="1.3"/>'
        )
    if kind == "replaced":
        points = f"{_num(x)},{_num(y - 5)} {_num(x + 5)},{_num(y)} {_num(x)},{_num(y + 5)} "
        points += f"{_num(x - 5)},{_num(y)}"
        return (
            f'<polygon class="mark-replaced" points="{points}" fill="#ffffff" '
            f'stroke="{_INK}" stroke-width="1.3"/>'
        )
    if kind == "ended":
        return (
            f'<rect class="mark-ended" x="{_num(x - 3.5)}" y="{_num(y - 3.5)}" width="7" '
            f'height="7" fill="{_INK}"/>'
        )
    return (
        f'<line class="mark-expired" x1="{_num(x)}" y1="{_num(y - 6)}" x2="{_num(x)}" '
        f'y2="{_num(y + 6)}" stroke="{_INK}" stroke-width="2"/>'
    )


def _text(x: float, y: float, text: str, *, cls: str, anchor: str = "start", **style: str) -> str:
    extra = "".join(f' {k.replace("_", "-")}="{v}"' for k, v in style.items())
    return (
        f'<text class="{cls}" x="{_num(x)}" y="{_num(y)}" text-anchor="{anchor}" '
        f'font-size="11"{extra}>{escape(text)}</text>'
    )


def clause_map_to_svg(clause_map: ClauseMap, *, width: int = 960, title: str | None = None) -> str:
    """Draw a clause map as a self-contained SVG document.

    Args:
        clause_map: the map, from :meth:`Agreement.clause_map()
            <clausekit.agreement.Agreement.clause_map>`.
        width: the drawing's width in pixels (the height follows from the rows).
        title: the heading; defaults to the agreement's title.

    Returns:
        An ``<svg>`` element as text, with ``xmlns`` set.
    """
    m = clause_map
    start, end = m.start, m.end
    total = max((end - start).days, 1)
    title = title if title is not None else f"{m.agreement}: clauses in force"
    ids = m.clause_ids
    rows = {clause_id: number for number, clause_id in enumerate(ids)}
    left, right = _MARGIN, width - _MARGIN
    longest = max((_text_width(i) for i in ids), default=0.0)
    label_w = min(longest + 14, 0.34 * (right - left))
    chart_left = left + label_w
    inner = right - chart_left

    def x_of(day: pendulum.Date) -> float:
        return chart_left + inner * (day - start).days / total

    # Amendment (and today) labels above the rows, in as many rows as needed to keep them apart.
    marks = [(x_of(mk.day), f"{mk.day} {mk.amendment.id}", False) for mk in m.markers]
    if m.today is not None and start <= m.today < end:
        marks.append((x_of(m.today), f"today {m.today}", True))
    marks.sort(key=lambda item: (item[0], item[1]))
    placed = _place_rows([(x, text) for x, text, _ in marks], right)
    label_rows = 1 + max((row for _, _, row, _ in placed), default=-1)
    labels_top = 62.0
    chart_top = labels_top + label_rows * _LABEL_ROW + 4
    chart_bottom = chart_top + len(ids) * _ROW
    body: list[str] = []

    # Row backgrounds, every other row shaded.
    for number in range(0, len(ids), 2):
        body.append(
            f'<rect class="row-shade" x="{_num(left)}" y="{_num(chart_top + number * _ROW)}" '
            f'width="{_num(right - left)}" height="{_num(_ROW)}" fill="#f4f5f7"/>'
        )
    # Amendment and today lines first, so bars and labels sit on top of them.
    lines, labels = [], []
    for (x, text, row, at_end), (_, _, is_today) in zip(placed, marks, strict=True):
        y = labels_top + row * _LABEL_ROW + 10
        colour = _TODAY if is_today else "#777777"
        dash = "" if is_today else ' stroke-dasharray="3 3"'
        lines.append(
            f'<line class="{"today" if is_today else "amendment"}" x1="{_num(x)}" '
            f'y1="{_num(y + 3)}" x2="{_num(x)}" y2="{_num(chart_bottom)}" stroke="{colour}" '
            f'stroke-width="{"1.5" if is_today else "1"}"{dash}/>'
        )
        labels.append(
            _text(
                x + (-3 if at_end else 3),
                y,
                text,
                cls="marker-label",
                anchor="end" if at_end else "start",
                fill=colour,
            ).replace("<text ", f"<text {_HALO} ", 1)
        )
    body += lines

    kinds = dict.fromkeys(life.clause.kind for life in m.lives)
    colour_of = {kind: KIND_COLOURS[n % len(KIND_COLOURS)] for n, kind in enumerate(kinds)}
    for life in m.lives:
        y = chart_top + rows[life.clause.id] * _ROW + (_ROW - _BAR) / 2
        x0, x1 = x_of(life.start), x_of(life.end or end)
        body.append(
            f'<rect class="clause-bar kind-{escape(life.clause.kind)}" x="{_num(x0)}" '
            f'y="{_num(y)}" width="{_num(max(x1 - x0, 1.0))}" height="{_num(_BAR)}" rx="2" '
            f'fill="{colour_of[life.clause.kind]}"><title>{escape(_tooltip(life))}</title></rect>'
        )
        middle = y + _BAR / 2
        if life.added != "before":
            body.append(_shape(life.added, x0, middle))
        if life.ended is not None:
            body.append(_shape(life.ended, x1, middle))
    for clause_id, number in rows.items():
        limit = max(4, int((label_w - 14) / _text_width("x")))
        body.append(
            _text(
                chart_left - 8,
                chart_top + number * _ROW + _ROW / 2 + 4,
                _shorten(clause_id, limit),
                cls="row-label",
                anchor="end",
                fill=_INK,
            )
        )
    body.append(
        f'<rect class="frame" x="{_num(chart_left)}" y="{_num(chart_top)}" '
        f'width="{_num(inner)}" height="{_num(chart_bottom - chart_top)}" fill="none" '
        'stroke="#333333" stroke-width="1"/>'
    )
    body += labels

    # The date axis under the rows.
    for tick in _ticks(start, end):
        tx = x_of(tick)
        body.append(
            f'<line class="tick" x1="{_num(tx)}" y1="{_num(chart_bottom)}" x2="{_num(tx)}" '
            f'y2="{_num(chart_bottom + 5)}" stroke="#333333" stroke-width="1"/>'
        )
        body.append(
            _text(
                tx,
                chart_bottom + 17,
                _tick_label(tick, start, end),
                cls="tick-label",
                anchor="middle",
                fill="#444444",
            ).replace('font-size="11"', 'font-size="10"')
        )

    # The legend: the kinds' colours, then the markers, wrapped to the width.
    items: list[tuple[str, str]] = [(f"kind:{kind}", kind) for kind in kinds]
    items += [
        ("added", "added"),
        ("replaced", "replaced / replaced by"),
        ("ended", "ended by an amendment"),
        ("expired", "its term ends"),
        ("amendment", "amendment"),
    ]
    if m.today is not None:
        items.append(("today", "today"))
    lx, ly = left, chart_bottom + 36
    for key, text in items:
        step = 18 + _text_width(text) + 16
        if lx + step > right and lx > left:
            lx, ly = left, ly + 18
        centre_y = ly + 6
        if key.startswith("kind:"):
            body.append(
                f'<rect class="legend" x="{_num(lx)}" y="{_num(ly)}" width="12" height="12" '
                f'rx="2" fill="{colour_of[key[5:]]}"/>'
            )
        elif key in ("amendment", "today"):
            colour, dash = (
                (_TODAY, "") if key == "today" else ("#777777", ' stroke-dasharray="3 3"')
            )
            body.append(
                f'<line class="legend" x1="{_num(lx + 6)}" y1="{_num(ly - 1)}" '
                f'x2="{_num(lx + 6)}" y2="{_num(ly + 13)}" stroke="{colour}" '
                f'stroke-width="1.5"{dash}/>'
            )
        else:
            body.append(_shape(key, lx + 6, centre_y))
        body.append(_text(lx + 18, ly + 10, text, cls="legend-label", fill=_INK))
        lx += step
    height = ly + 26

    subtitle = f"{start} to {end} (end excluded) · {len(ids)} clauses, {len(m.markers)} amendments"
    head = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{_num(height)}" '
        f'viewBox="0 0 {width} {_num(height)}" role="img" aria-label={quoteattr(title)} '
        f"font-family={quoteattr(_FONT)}>",
        f"<title>{escape(title)}</title>",
        f'<rect class="background" x="0" y="0" width="{width}" height="{_num(height)}" '
        'fill="#ffffff"/>',
        f'<text class="title" x="{_num(left)}" y="22" font-size="15" font-weight="700" '
        f'fill="{_INK}">{escape(_shorten(title, int((right - left) / 8.5)))}</text>',
        f'<text class="subtitle" x="{_num(left)}" y="40" font-size="11" fill="#555555">'
        f"{escape(subtitle)}</text>",
    ]
    return "\n".join([*head, *body, "</svg>"]) + "\n"
