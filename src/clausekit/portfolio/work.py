"""The work a portfolio question does in each chunk, in-process or on an executor's worker.

A chunk is a slice of the portfolio: agreements, or paths of contract files
that the worker loads itself (so only the paths travel, never an agreement).
Each item gets exactly one entry, in order: its answer, or the
:class:`~clausekit.portfolio.Failure` that stands in its place. For results
written to a file (:func:`~clausekit.portfolio.evaluate_to`) the worker turns
each entry into its JSON line, so only short strings travel back.
"""

from __future__ import annotations

import contextlib
import gc
import json
import os
import pickle
from collections.abc import Iterator, Sequence
from typing import Literal

import attrs
import pendulum

from clausekit.actions import Action
from clausekit.agreement import Agreement
from clausekit.errors import ClauseKitError
from clausekit.portfolio.results import Failure, failure
from clausekit.scenario import Scenario
from clausekit.time import Period
from clausekit.timeline import Timeline
from clausekit.verdict import Verdict

__all__ = ["Entry", "Item", "Question", "Row", "Rows", "answer_chunk", "as_item", "row"]

Item = Agreement | str
"""One item of a chunk: an agreement, or the path of a contract file (as text)."""
Entry = Verdict | Timeline | Failure
Rows = Literal["compact", "full"]
Row = tuple[str, str]
"""An entry written out: its kind (the outcome, ``"timeline"`` or ``"failed"``) and its JSON line."""


@attrs.frozen
class Question:
    """What every agreement is asked; travels to the workers once per chunk.

    ``rows`` asks for JSON lines instead of answers (see :func:`row`).
    """

    action: Action
    on: pendulum.Date | None
    period: Period | None
    scenario: Scenario | None
    timeline: bool
    rows: Rows | None = None

    def answer(self, agreement: Agreement) -> Verdict | Timeline:
        if self.period is not None:
            if self.timeline:
                return agreement.timeline(
                    self.action,
                    start=self.period.start,
                    end=self.period.end,
                    scenario=self.scenario,
                )
            return agreement.ask(self.action, during=self.period, scenario=self.scenario)
        assert self.on is not None
        # One question per agreement: the same verdict as ask(), without remembering it.
        return agreement._answer_once(self.action, self.on, self.scenario)


def portable(failed: Failure) -> Failure:
    """The failure with an exception that survives pickling (for results from workers)."""
    try:
        pickle.loads(pickle.dumps(failed.error))
    except Exception:
        return attrs.evolve(failed, error=ClauseKitError(f"{failed.kind}: {failed.message}"))
    return failed


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector, and restore it as it was.

    Loading and answering create no reference cycles that must go at once, but
    every collection the new objects trigger walks them and, through them,
    touches the agreements they point into: on 100k agreements that is a
    quarter of the time. Reference counting still frees everything as usual;
    pending cycles (a failure's traceback) are collected once the collector
    resumes.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def answer_chunk(
    question: Question, first: int, items: Sequence[Item], portable_errors: bool = False
) -> list[Entry] | list[Row]:
    """Answer ``question`` for each item; item ``i`` of the chunk has index ``first + i``.

    A path is loaded here, answered, and let go before the next is read, so a
    chunk of paths holds one agreement at a time. With ``question.rows`` the
    entries come back as JSON lines.
    """
    entries: list[Entry] = []
    rows: list[Row] = []
    answer = question.answer
    with collector_paused():
        for offset, item in enumerate(items):
            path = None
            agreement_id = ""
            try:
                if isinstance(item, str):
                    path = item
                    agreement = _load(item)
                else:
                    agreement = item
                agreement_id = agreement.id
                entries.append(answer(agreement))
            except Exception as exc:  # reported in the item's place, never dropped
                failed = failure(first + offset, agreement_id, exc, path)
                entries.append(portable(failed) if portable_errors else failed)
            if question.rows is not None:
                rows.append(row(first + offset, agreement_id, path, entries.pop(), question.rows))
    return entries if question.rows is None else rows


def _load(path: str) -> Agreement:
    from clausekit.io import load  # contract files: cattrs and the parsers, only when read

    return load(path)


def as_item(value: object) -> Item | None:
    """``value`` as an item of a chunk (a path as text), or None when it is neither kind."""
    if isinstance(value, Agreement):
        return value
    if isinstance(value, str):
        return value
    if isinstance(value, os.PathLike):
        path = os.fspath(value)
        return path if isinstance(path, str) else None
    return None


def row(index: int, agreement_id: str, path: str | None, entry: Entry, detail: Rows) -> Row:
    """The kind and JSON line of one entry: its index, agreement id, path, and answer or error.

    ``"compact"`` gives the outcome, conditions, missing facts and the ids of the
    clauses that ruled (for a timeline, each segment's period and outcome);
    ``"full"`` gives the answer as ``clausekit ... --json`` prints it, explanation
    included.
    """
    out: dict[str, object] = {"index": index, "agreement": agreement_id}
    if path is not None:
        out["path"] = path
    kind = "failed" if isinstance(entry, Failure) else "timeline"
    if isinstance(entry, Verdict):
        kind = entry.outcome.value
    if isinstance(entry, Failure):
        out["error"] = {"kind": entry.kind, "message": entry.message}
    elif detail == "full":
        from clausekit.render.dicts import timeline_to_dict, verdict_to_dict

        out["answer"] = (
            verdict_to_dict(entry) if isinstance(entry, Verdict) else timeline_to_dict(entry)
        )
    elif isinstance(entry, Verdict):
        out["on"] = entry.on.isoformat()
        out["outcome"] = entry.outcome.value
        out["conditions"] = [c.text for c in entry.conditions]
        out["missing"] = list(entry.missing)
        out["clauses"] = [r.clause_id for r in entry.rulings]
    else:
        out["segments"] = [
            {
                "start": s.period.start.isoformat(),
                "end": None if s.period.end is None else s.period.end.isoformat(),
                "outcome": s.outcome.value,
            }
            for s in entry.segments
        ]
    return kind, json.dumps(out, ensure_ascii=False, separators=(",", ":"))
