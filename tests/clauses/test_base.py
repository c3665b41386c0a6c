"""What every clause kind shares: ids are checked."""

from __future__ import annotations

import pytest

import clausekit as ck
from tests.clauses.helpers import SRC


@pytest.mark.parametrize("bad_id", ["", "has space", 7])
def test_clause_ids_are_checked(bad_id: object) -> None:
    """A clause id is non-empty text without spaces."""
    with pytest.raises(ck.AgreementError, match="must be a non-empty id"):
        ck.Exclusivity(id=bad_id, title="X", evidence=[SRC], bound="A", beneficiary="B")  # type: ignore[arg-type]
