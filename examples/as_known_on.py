"""What could the public know, and when? The same questions asked with hindsight removed.

Run from the repository root::

    python examples/as_known_on.py

Every amendment has the day it took effect and the day the public could
first know it. ``deal.as_known_on(day)`` keeps only what had been announced
by that day, so you can ask what an outside observer could have answered
then. Everything printed comes from clausekit and the bundled model.
"""

from __future__ import annotations

import textwrap

import clausekit as ck

WIDTH = 88
# The days an observer asks on (questions, not answers).
KNOWLEDGE_DAYS = (
    "2019-01-01",
    "2019-07-22",
    "2024-06-11",
    "2024-06-12",
    "2025-01-20",
    "2025-06-01",
    "2025-10-28",
    "2026-03-01",
    "2026-05-01",
)
AWS_TRAINING = ck.ProcureCompute(buyer="OpenAI", provider="AWS", workload=ck.Workload.TRAINING)
ORACLE_TRAINING = ck.ProcureCompute(
    buyer="OpenAI", provider="Oracle", workload=ck.Workload.TRAINING
)
AWS_API = ck.ProcureCompute(buyer="OpenAI", provider="AWS", workload=ck.Workload.API)
QUESTIONS = (
    ("OpenAI training on AWS on 2025-11-15", AWS_TRAINING, "2025-11-15"),
    ("OpenAI training on Oracle on 2024-06-11", ORACLE_TRAINING, "2024-06-11"),
    ("OpenAI serving its API from AWS on 2027-01-01", AWS_API, "2027-01-01"),
)


def heading(text: str) -> None:
    print()
    print(text)
    print("=" * len(text))


def say(text: str, indent: str = "", *, hang: str = "") -> None:
    """Print ``text`` wrapped, never breaking a word, an id or a web address."""
    print(
        textwrap.fill(
            text,
            width=WIDTH,
            initial_indent=indent,
            subsequent_indent=indent + hang,
            break_long_words=False,
            break_on_hyphens=False,
        )
    )


def announced_by(amendment: ck.Amendment) -> object:
    """The first day on which the amendment was surely public."""
    announced = amendment.announced
    return announced.latest if isinstance(announced, ck.DateRange) else announced


def main() -> None:
    deal = ck.models.openai_microsoft()

    heading("When each change took effect, and when the public could know it")
    for amendment in deal.amendments:
        say(
            f"{amendment.id}: in force from {amendment.effective}, public from "
            f"{amendment.announced} — {amendment.title}",
            hang="    ",
        )

    heading("The answers as known on each day")
    for day in KNOWLEDGE_DAYS:
        print()
        try:
            known = deal.as_known_on(day)
        except ck.AgreementError as exc:
            say(f"As known on {day}: {exc}", hang="    ")
            continue
        latest = known.amendments[-1]
        say(f"As known on {day} (latest public change: {latest.id!r}):", hang="    ")
        for label, action, on in QUESTIONS:
            verdict = known.ask(action, on=on)
            say(f"{label}: {verdict.headline()}", indent="    ", hang="    ")

    heading("Hindsight: how the public answer changed as the public learned more")
    for label, action, on in QUESTIONS:
        say(f"{label} — the answer today: {deal.ask(action, on=on).headline()}", hang="    ")
        previous: tuple[object, ...] | None = None
        # The public's knowledge changes only on the days amendments were announced.
        for day in sorted({announced_by(a) for a in deal.amendments}):
            known = deal.as_known_on(day)
            then = known.ask(action, on=on)
            if then.answer_key() != previous:
                previous = then.answer_key()
                deciding = ", ".join(repr(r.clause_id) for r in then.rulings) or "no clause"
                say(
                    f"from {day} (after {known.amendments[-1].id!r}): {then.headline()} "
                    f"[{deciding}]",
                    indent="    ",
                    hang="    ",
                )

    heading("One of those answers in full")
    print(deal.as_known_on("2025-06-01").ask(AWS_TRAINING, on="2025-11-15").explain(width=WIDTH))


if __name__ == "__main__":
    main()
