"""What changes for Microsoft if OpenAI declares AGI and the expert panel verifies it?

Run from the repository root, optionally with the day of the declaration::

    python examples/agi_trigger.py              # AGI declared and verified on 2027-03-01
    python examples/agi_trigger.py 2026-01-15   # ... or on another day

The AGI declaration is a *scenario fact*: clausekit asks the same agreement
with and without it. Everything printed comes from clausekit and the bundled
model (``clausekit.models.openai_microsoft()``); only the questions are
written here.
"""

from __future__ import annotations

import sys
import textwrap

import clausekit as ck
from clausekit.evidence import cite
from clausekit.time import to_day

WIDTH = 88
DEFAULT_DAY = "2027-03-01"
# The last day before the amended agreement of April 2026 was reported.
BEFORE_APRIL_2026 = "2026-03-01"


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


def answer(label: str, verdict: ck.Verdict, *, silence: str = "") -> None:
    """One answer: the outcome, and each clause that spoke with its reason.

    ``silence`` is said when no clause speaks (clausekit then answers PERMITTED).
    """
    say(f"{label}: {verdict.headline()}", hang="    ")
    for ruling in verdict.rulings:
        say(f"- {ruling.reason} [clause {ruling.clause_id!r}]", indent="    ", hang="  ")
    if not verdict.rulings and silence:
        say(f"- {silence}", indent="    ", hang="  ")


IP_SILENCE = (
    "No clause in force speaks to this. Using another party's IP is PROHIBITED until a "
    "licence grants it, so no licence covers it any more (see the clauses that end, above)."
)


def main(day_text: str) -> None:
    deal = ck.models.openai_microsoft()
    day = to_day(day_text, field="day")
    before = day.subtract(days=1)
    verified = ck.Scenario(ck.AGIDeclared(on=day, verified=True))

    heading(f"AGI declared by OpenAI and verified on {day}")
    agi_clauses = [i for i in deal.in_force(on=day) if isinstance(i.clause, ck.AGIClause)]
    for item in agi_clauses:
        say(f"The AGI clause in force: {item.clause.summary()}")
        say(f"(clause {item.clause.id!r}, from amendment {item.amendment.id!r})", "    ")
        say(item.clause.note, indent="    ")
        print("    Sources:")
        for evidence in item.clause.evidence:
            say("- " + cite(evidence), indent="      ", hang="  ")

    heading("Clauses in force the day before and the day of the verified declaration")
    was = {i.clause.id: i for i in deal.in_force(on=before, scenario=verified)}
    now = {i.clause.id: i for i in deal.in_force(on=day, scenario=verified)}
    for clause_id, item in was.items():
        status = "stays " if clause_id in now else "ENDS  "
        say(f"{status} {clause_id}: {item.clause.summary()}", hang="       ")
    for clause_id in now.keys() - was.keys():
        say(f"starts {clause_id}: {now[clause_id].clause.summary()}", hang="       ")

    heading("Microsoft using OpenAI's IP")
    for subject in ("models", "research"):
        use = ck.UseIP(user="Microsoft", owner="OpenAI", subject=subject)
        for when in (before, day):
            verdict = deal.ask(use, on=when, scenario=verified)
            answer(f"{subject}, on {when}", verdict, silence=IP_SILENCE)

    heading("OpenAI serving its API from AWS")
    api = ck.ProcureCompute(buyer="OpenAI", provider="AWS", workload=ck.Workload.API)
    answer(f"on {before}", deal.ask(api, on=before, scenario=verified))
    answer(f"on {day}", deal.ask(api, on=day, scenario=verified))

    heading(f"The same question as the public could know it on {BEFORE_APRIL_2026}")
    known = deal.as_known_on(BEFORE_APRIL_2026)
    for amendment in deal.amendments:
        if amendment not in known.amendments:
            say(
                f"Not yet public then: {amendment.id!r} ({amendment.title}), announced "
                f"{amendment.announced}.",
                hang="    ",
            )
    answer(f"on {before}", known.ask(api, on=before, scenario=verified))
    answer(f"on {day}", known.ask(api, on=day, scenario=verified))
    unverified = ck.Scenario(ck.AGIDeclared(on=day))
    answer(f"on {day}, declared but not yet verified", known.ask(api, on=day, scenario=unverified))

    heading(f"The whole of {day.year} for the API from AWS, with AGI verified on {day}")
    for title, agreement in (
        ("As the terms stand", deal),
        (f"As known on {known.known_on}", known),
    ):
        say(f"{title}:")
        for segment in agreement.ask(api, during=str(day.year), scenario=verified).segments:
            period = f"{segment.period.start} to {segment.period.last_day}"
            say(f"{period}: {segment.verdict.headline()}", indent="    ", hang="    ")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else DEFAULT_DAY)
