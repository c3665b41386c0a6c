"""Bundled agreements, written as contract files and loaded on first use.

Each model is a data file in this package (``openai_microsoft.toml``) in the
pinned contract format, read with :func:`clausekit.io.load`; every clause and
amendment in it cites the evidence base (:mod:`clausekit.evidence`) by claim
id. An :class:`~clausekit.Agreement` is immutable, so each model is loaded
once and shared.

Examples:
    >>> from clausekit import models
    >>> models.available()
    ('openai-microsoft',)
    >>> deal = models.openai_microsoft()
    >>> deal is models.load_model("openai-microsoft")
    True
    >>> [a.id for a in deal.amendments][:3]
    ['investment-2019', 'extension-2023', 'oracle-exception-2024']
    >>> models.load_model("openai-microsfot")
    Traceback (most recent call last):
    ...
    clausekit.models.UnknownModelError: No bundled model 'openai-microsfot'. Did you mean 'openai-microsoft'? Bundled models: openai-microsoft. To load your own contract, use clausekit.io.load(path).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from importlib import resources

from clausekit.agreement import Agreement
from clausekit.errors import ClauseKitError, closest

__all__ = ["UnknownModelError", "available", "load_model", "openai_microsoft"]

# Model name -> data file in this package.
_FILES: dict[str, str] = {
    "openai-microsoft": "openai_microsoft.toml",
}


class UnknownModelError(ClauseKitError, LookupError):
    """A bundled model name that does not exist."""

    def __str__(self) -> str:
        # LookupError would otherwise repr() the message like KeyError does.
        return str(self.args[0])

    @classmethod
    def for_name(cls, name: object, known: Iterable[str]) -> UnknownModelError:
        names = sorted(known)
        suggestions = closest(name, names) if isinstance(name, str) else []
        hint = (
            " Did you mean " + " or ".join(repr(s) for s in suggestions) + "?"
            if suggestions
            else ""
        )
        return cls(
            f"No bundled model {name!r}.{hint} Bundled models: {', '.join(names)}. "
            "To load your own contract, use clausekit.io.load(path)."
        )


def available() -> tuple[str, ...]:
    """The names of the bundled models, sorted.

    Examples:
        >>> "openai-microsoft" in available()
        True
    """
    return tuple(sorted(_FILES))


@functools.cache
def _load(file_name: str) -> Agreement:
    text = resources.files(__name__).joinpath(file_name).read_text(encoding="utf-8")
    from clausekit.io import loads  # cattrs, PyYAML and tomli-w load only when a model does

    return loads(text, format="toml", source=f"clausekit/models/{file_name}")


def load_model(name: str) -> Agreement:
    """The bundled model called ``name``, loaded once and cached.

    Args:
        name: one of :func:`available`.

    Raises:
        UnknownModelError: for any other name, suggesting the closest ones.
    """
    if not isinstance(name, str) or name not in _FILES:
        raise UnknownModelError.for_name(name, _FILES)
    return _load(_FILES[name])


def openai_microsoft() -> Agreement:
    """The Microsoft–OpenAI partnership from 2019-07-22 to the amendment of 2026-04-27.

    Built from the five seed articles and the public sources in the evidence
    base; see the notes on its clauses and amendments for what is reported
    rather than known (``deal.clause("compute-rofr").note``).

    Examples:
        >>> import clausekit as ck
        >>> deal = openai_microsoft()
        >>> aws = ck.ProcureCompute(buyer="OpenAI", provider="AWS", workload="training")
        >>> deal.ask(aws, on="2025-01-15").headline()
        'CONDITIONAL — permitted only if Microsoft consents'
        >>> deal.ask(aws, on="2025-11-15").outcome
        <Outcome.PERMITTED: 'permitted'>
    """
    return load_model("openai-microsoft")
