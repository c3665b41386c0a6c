"""One question over many agreements, in-process or on any executor.

A legal team asks the same question of thousands of contracts:
:func:`evaluate_many` answers it for every agreement of a portfolio and
:func:`timeline_many` gives each agreement's timeline. Both run in-process by
default; give them a :class:`concurrent.futures.Executor` to spread the work
over local cores (a :class:`~concurrent.futures.ProcessPoolExecutor`) or a
cluster (a Dask client's ``client.get_executor()``). The agreements travel in
chunks, so pickling is paid per chunk rather than per agreement. A portfolio
can also be given as the paths of its contract files: each worker then loads
its own files, and only the paths travel.

A portfolio too large to hold is streamed: :func:`stream` reads it lazily (a
generator of paths will do) and yields the answers in order with a bounded
number of chunks at work, and :func:`evaluate_to` writes them to a JSON-lines
file as they come.

The answers come back in the order of the agreements given. An agreement that
cannot answer (say the action names a party it does not know) does not stop
the others: its :class:`Failure` takes its place, with its index, its id (and
its path, for a file) and the error, and :meth:`Results.raise_if_failed` raises them all at once.
Nothing is dropped: there is exactly one entry per agreement.

Examples:
    >>> import clausekit as ck
    >>> from clausekit.portfolio import evaluate_many
    >>> src = ck.OutsideSource(url="https://example.org/d", title="Distribution agreement",
    ...                        published="2020-01-01", gloss="Acme distributes only via Beta")
    >>> def deal(n, beneficiary, *others):
    ...     return ck.Agreement(
    ...         id=f"deal-{n}", title=f"Deal {n}",
    ...         parties=[ck.Party(name) for name in ("Acme", beneficiary, *others)],
    ...         amendments=[ck.Amendment(
    ...             id="original", title="Signed", effective="2020-01-01", evidence=[src],
    ...             adds=[ck.Exclusivity(id="excl", title="Exclusive distributor", evidence=[src],
    ...                                  bound="Acme", beneficiary=beneficiary,
    ...                                  verb="appoint-distributor", scope=["DE"])])])
    >>> portfolio = [deal(1, "Beta", "Gamma"), deal(2, "Gamma"), deal(3, "Delta")]
    >>> gamma_de = ck.AppointDistributor(principal="Acme", distributor="Gamma", territory="DE")
    >>> results = evaluate_many(portfolio, gamma_de, on="2021-05-01")
    >>> [None if v is None else v.outcome.value for v in results.verdicts]
    ['prohibited', 'permitted', None]
    >>> print(results.failures[0])
    agreement #2 ('deal-3'): UnknownPartyError: Unknown party 'Gamma' ...
"""

from clausekit.portfolio.many import MAX_CHUNK, evaluate_many, timeline_many
from clausekit.portfolio.results import Failure, PortfolioError, Results
from clausekit.portfolio.streaming import CHUNK, IN_FLIGHT, Written, evaluate_to, stream

__all__ = [
    "CHUNK",
    "IN_FLIGHT",
    "MAX_CHUNK",
    "Failure",
    "PortfolioError",
    "Results",
    "Written",
    "evaluate_many",
    "evaluate_to",
    "stream",
    "timeline_many",
]
