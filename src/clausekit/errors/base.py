"""The root of the hierarchy and the helpers every message uses: suggestions, shown values, places."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import NamedTuple, Self


def closest(
    name: str,
    known: Iterable[str],
    *,
    n: int = 3,
    cutoff: float = 0.5,
    fold: Callable[[str], str] = str.casefold,
    prefixes: bool = True,
) -> list[str]:
    """Return up to ``n`` known names that look like ``name``, best first.

    Matching ignores case, so ``"csi"`` suggests ``"CSI"``; ``fold`` says what else to
    ignore, ``cutoff`` how alike names must be (difflib's ratio), and ``prefixes`` whether a
    known name that starts with ``name`` counts as a guess.

    Examples:
        >>> closest("Contsoo", ["Contoso", "Fabrikam", "Northwind"])
        ['Contoso']
    """
    import difflib  # only when a suggestion is wanted: not part of `import clausekit`

    by_folded: dict[str, str] = {}
    for candidate in known:
        by_folded.setdefault(fold(candidate), candidate)
    folded = fold(name).strip()
    hits = difflib.get_close_matches(folded, list(by_folded), n=n, cutoff=cutoff)
    # A name that starts another ("Amazon" for "Amazon Web Services") is a good guess too.
    prefixed = [
        k
        for k in sorted(by_folded)
        if prefixes and folded and k.startswith(folded) and k not in hits
    ]
    return [by_folded[hit] for hit in [*hits, *prefixed][:n]]


def did_you_mean(suggestions: Sequence[str]) -> str:
    """`` Did you mean 'a' or 'b'?``, or nothing when there is no suggestion.

    Examples:
        >>> did_you_mean(["Contoso"])
        " Did you mean 'Contoso'?"
    """
    if not suggestions:
        return ""
    return " Did you mean " + " or ".join(repr(s) for s in suggestions) + "?"


def shown(value: object, *, limit: int = 60) -> str:
    """``repr(value)`` for a message, shortened in the middle when long; never fails.

    Examples:
        >>> shown(10**5000)
        '10000000000000000000000000...00000000000000000000 (5001 digits)'
    """
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 10**limit:
        import decimal

        text = f"{decimal.Decimal(value):f}"  # str(int) refuses over 4300 digits
        return f"{text[: limit // 2 - 4]}...{text[-20:]} ({len(text.lstrip('-'))} digits)"
    try:
        text = repr(value)
    except ValueError:  # a container of a number too long to print
        return f"<{type(value).__name__} holding a number too long to print>"
    return text if len(text) <= limit else f"{text[: limit // 2]}...{text[-20:]}"


class Place(NamedTuple):
    """Where in an agreement an error is: an amendment, a clause in it, a field, by id and name.

    Attributes:
        amendment: the id of the amendment, or None.
        clause: the id of the clause (added or named by the amendment), or None.
        field: the field of the clause (or, without a clause, of the amendment), or None.
        item: the entry of a list field the error is about (a clause id in ``ends``), or None.
    """

    amendment: str | None = None
    clause: str | None = None
    field: str | None = None
    item: str | None = None


class ClauseKitError(Exception):
    """The root of every error clausekit raises on purpose.

    Attributes:
        place: where in the agreement the error is (a :class:`Place`), when the
            engine knows it; contract files turn it into a field path and a line.
    """

    place: Place | None = None

    def at(
        self,
        *,
        amendment: str | None = None,
        clause: str | None = None,
        field: str | None = None,
        item: str | None = None,
    ) -> Self:
        """This error, marked with where it is (see :class:`Place`); returns itself for ``raise``.

        Examples:
            >>> AgreementError("Two amendments share the id 'a'.").at(amendment="a", field="id").place
            Place(amendment='a', clause=None, field='id', item=None)
        """
        self.place = Place(amendment, clause, field, item)
        return self
