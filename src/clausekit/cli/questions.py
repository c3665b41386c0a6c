"""The questions: ``ask``, ``timeline``, ``compare``, ``in-force``, ``revenue-share``, ``render``.

Each command builds the action and scenario its arguments describe, asks the
agreement through the Python API, and prints the API's text (``explain()``)
or its JSON form (:mod:`clausekit.render`). Each returns the exit code.
"""

from __future__ import annotations

import argparse
from typing import IO

import attrs
import pendulum

from clausekit.actions import Act, Action, Verb
from clausekit.cli.argtypes import check_range
from clausekit.cli.exits import EXIT_OK, UsageError
from clausekit.cli.loading import agreement
from clausekit.cli.output import refuse_overwrite, to_json, write, write_file, write_json
from clausekit.errors import ClauseKitError
from clausekit.money import Money
from clausekit.parties import Party
from clausekit.registry import ACTION_KINDS
from clausekit.render import (
    comparison_to_dict,
    in_force_to_dict,
    owed_to_dict,
    timeline_to_dict,
    timeline_to_markdown,
    timeline_to_mermaid,
    verdict_to_dict,
)
from clausekit.scenario import Disputed, Fact, Scenario
from clausekit.time import Period
from clausekit.timeline import Timeline
from clausekit.verdict import Outcome

__all__ = ["action", "ask", "compare", "in_force", "render", "revenue_share", "timeline"]


def action(args: argparse.Namespace) -> Action:
    """The action the arguments describe; named action classes for the known verbs."""
    actor: str = args.actor
    if args.outsider is not None and args.counterparty is not None:
        raise UsageError(
            "give the other party either as --counterparty (a party of the agreement) or as "
            "--outsider (a party outside it), not both."
        )
    other: str | Party | None = (
        Party(args.outsider) if args.outsider is not None else args.counterparty
    )
    verb: str = args.verb or Verb.PROCURE_COMPUTE.value
    typed = ACTION_KINDS.get(verb)  # a registered action kind, bundled or the user's
    subject: str | None = args.subject
    if args.workload is not None:
        if verb != Verb.PROCURE_COMPUTE.value:
            raise UsageError(
                f"--workload is for procuring compute, but --verb is {verb!r}; "
                "give the subject with --subject instead."
            )
        subject = args.workload
    if typed is None:
        default = {} if args.default is None else {"default": Outcome(args.default)}
        return Act(
            actor=actor,
            verb=verb,
            counterparty=other,
            subject=subject or "",
            qualifiers=args.qualifiers,
            **default,
        )
    if args.default is not None:
        raise UsageError(
            f"--default is for a --verb of your own; {verb} has its own default "
            f"({typed.default.value} where no clause speaks"
            + (
                ", unless a licence or clause grants it)."
                if typed.default is Outcome.PROHIBITED
                else ")."
            )
        )
    _, role_other, role_subject = typed.roles
    if role_other is not None and other is None:
        # --buyer, --provider and --workload are the command line's words for procuring compute.
        option = (
            "--provider (or --counterparty)"
            if verb == Verb.PROCURE_COMPUTE.value
            else "--counterparty"
        )
        raise UsageError(f"{verb} needs {option} ({typed.counterparty_words}).")
    if role_subject is not None and subject is None and _required(typed, role_subject):
        option = "--workload" if verb == Verb.PROCURE_COMPUTE.value else "--subject"
        raise UsageError(
            f"{verb} needs {option} ({typed.subject_words}); for another action give --verb "
            "and --subject."
        )
    try:
        return typed.from_parts(actor, other, subject, qualifiers=args.qualifiers)  # type: ignore[no-any-return]
    except ClauseKitError:
        raise
    except (TypeError, ValueError) as exc:  # a kind of the user's that its parts do not fit
        raise UsageError(
            f"--verb {verb}: the arguments do not make a {typed.__name__}: {exc}"
        ) from None


def _required(cls: type, field: str) -> bool:
    """Whether the attrs class ``cls`` has no default for ``field``."""
    found = attrs.fields_dict(cls).get(field)
    return found is not None and found.default is attrs.NOTHING


def _scenario(args: argparse.Namespace) -> Scenario | None:
    facts: list[Fact | Disputed] = [*args.facts, *getattr(args, "disputed", [])]
    return Scenario(*facts) if facts else None


def _timeline_text(timeline: Timeline, *, details: bool) -> str:
    text = timeline.explain()
    if details:
        for segment in timeline.segments:
            text += f"\n\n== {segment.period} ==\n{segment.verdict.explain()}"
    return text


def ask(args: argparse.Namespace, out: IO[str]) -> int:
    """``ask``: a verdict on a day, or a timeline over a period."""
    deal = agreement(args)
    question = action(args)
    scenario = _scenario(args)
    if args.on is not None:
        verdict = deal.ask(question, on=args.on, scenario=scenario)
        if args.json:
            write_json(out, verdict_to_dict(verdict))
        else:
            write(out, verdict.explain())
        return EXIT_OK
    answers = deal.ask(question, during=args.during, scenario=scenario)
    if args.json:
        write_json(out, timeline_to_dict(answers))
    else:
        write(out, _timeline_text(answers, details=True))
    return EXIT_OK


def timeline(args: argparse.Namespace, out: IO[str]) -> int:
    """``timeline``: the answers from ``--from`` to ``--to``."""
    check_range(args)
    deal = agreement(args)
    answers = deal.timeline(action(args), start=args.start, end=args.end, scenario=_scenario(args))
    if args.json:
        write_json(out, timeline_to_dict(answers))
    else:
        write(out, _timeline_text(answers, details=False))
    return EXIT_OK


def compare(args: argparse.Namespace, out: IO[str]) -> int:
    """``compare``: the answers on two days, and what changed in between."""
    deal = agreement(args)
    comparison = deal.compare(action(args), args.first, args.second, scenario=_scenario(args))
    if args.json:
        write_json(out, comparison_to_dict(comparison))
    else:
        texts = [comparison.explain(), comparison.first.explain(), comparison.second.explain()]
        write(out, "\n\n".join(texts))
    return EXIT_OK


def in_force(args: argparse.Namespace, out: IO[str]) -> int:
    """``in-force``: the clauses in force on ``--on``, each with the amendment behind it."""
    deal = agreement(args)
    day: pendulum.Date = args.on
    items = deal.in_force(on=day, scenario=_scenario(args))
    if args.json:
        write_json(
            out, in_force_to_dict(items, on=day, agreement=deal.title, known_on=deal.known_on)
        )
        return EXIT_OK
    known = f" (as the public could know it on {deal.known_on})" if deal.known_on else ""
    if not items:
        write(out, f"No clause of {deal.title} is in force on {day}{known}.")
        return EXIT_OK
    lines = [f"Clauses of {deal.title} in force on {day}{known}:"]
    for item in items:
        a = item.amendment
        lines.append(f"  - {item.clause.id} ({item.clause.kind}): {item.clause.summary()}")
        lines.append(f"      in force since {a.effective} through amendment {a.id!r} ({a.title})")
    write(out, "\n".join(lines))
    return EXIT_OK


_ACTION_FLAGS = {
    "actor": "--actor",
    "counterparty": "--counterparty",
    "workload": "--workload",
    "verb": "--verb",
    "subject": "--subject",
}


def render(args: argparse.Namespace, out: IO[str]) -> int:
    """``render``: a timeline (or the clause map) as Markdown, Mermaid, SVG or JSON.

    Printed, or written to ``--output``.
    """
    if args.during is not None and (args.start is not None or args.end is not None):
        raise UsageError("give either --during or --from and --to, not both.")
    if args.map:
        return _render_map(args, out)
    if args.today is not None:
        raise UsageError("--today marks a day on the clause map; add --map, or drop --today.")
    if args.actor is None:
        raise UsageError(
            "render needs --actor (the action whose timeline to draw), or --map for the clause map."
        )
    if args.during is None and (args.start is None or args.end is None):
        raise UsageError("render needs --from DAY and --to DAY (or --during PERIOD).")
    check_range(args)
    if args.output is not None:
        refuse_overwrite(args.output, reads=[args.model])  # before any work is done
    deal = agreement(args)
    period: Period = args.during or Period(args.start, args.end)
    answers = deal.ask(action(args), during=period, scenario=_scenario(args))
    if args.format == "markdown":
        text = timeline_to_markdown(answers)
    elif args.format == "mermaid":
        text = timeline_to_mermaid(answers)
    elif args.format == "svg":
        text = answers.to_svg()
    else:
        text = to_json(timeline_to_dict(answers))
    _emit(args, out, text)
    return EXIT_OK


def _emit(args: argparse.Namespace, out: IO[str], text: str) -> None:
    if args.output is None:
        write(out, text)
    else:
        write_file(args.output, text, reads=[args.model])


def _render_map(args: argparse.Namespace, out: IO[str]) -> int:
    """``render --map``: the clause map, from the agreement's clauses in force."""
    given = [flag for dest, flag in _ACTION_FLAGS.items() if getattr(args, dest) is not None]
    if given:
        raise UsageError(
            f"--map draws every clause, for no action: drop {', '.join(given)} (or drop --map "
            "to draw that action's timeline)."
        )
    if args.facts:
        raise UsageError(
            "--map draws the clauses in force as the agreement states them, without facts: "
            "drop --fact."
        )
    if args.format == "json":
        raise UsageError("--map draws svg, mermaid or markdown; --format json is for timelines.")
    check_range(args)
    if args.output is not None:
        refuse_overwrite(args.output, reads=[args.model])  # before any work is done
    deal = agreement(args)
    period: Period | None = args.during
    start = period.start if period is not None else args.start
    end = period.end if period is not None else args.end
    clause_map = deal.clause_map(start=start, end=end, today=args.today)
    if args.format == "svg":
        text = clause_map.to_svg()
    elif args.format == "mermaid":
        text = clause_map.to_mermaid()
    else:
        text = clause_map.to_markdown()
    _emit(args, out, text)
    return EXIT_OK


def revenue_share(args: argparse.Namespace, out: IO[str]) -> int:
    """``revenue-share``: what ``--payer`` owes on a revenue, exact or unknown."""
    deal = agreement(args)
    revenue: Money | None = args.revenue
    owed = deal.revenue_share(
        args.payer, revenue=revenue, during=args.during, scenario=_scenario(args)
    )
    if args.json:
        write_json(out, owed_to_dict(owed))
        return EXIT_OK
    hints = [
        f"  (to assume a rate: --fact assumed-rate:{share.clause.id}=RATE, e.g. 0.20)"
        for share in owed.shares
        if share.rate is None
    ]
    write(out, "\n".join([owed.explain(), *hints]))
    return EXIT_OK
