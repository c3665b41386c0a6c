"""Engine errors located in the file by the ids and field they carry, never by their text."""

from __future__ import annotations

import pytest
from io_samples import BASE_TOML, edit, line_of, raised

import clausekit as ck
from clausekit.errors import AgreementError, UnknownClauseError
from clausekit.io.problems import locate

DATA = {
    "parties": [{"name": "A"}],
    "amendments": [
        {"id": "a", "adds": [{"id": "c1", "counterparties": ["X", "Y"]}]},
        {"id": "b", "ends": ["c1", "c9"], "replaces": [{"old": "c7", "new": {"id": "c2"}}]},
        {"id": "a"},
    ],
}


class TestLocate:
    @pytest.mark.parametrize(
        ("error", "path"),
        [
            (AgreementError("x").at(amendment="a", field="id"), ("amendments", 2, "id")),
            (AgreementError("x").at(amendment="b", item="c9"), ("amendments", 1, "ends", 1)),
            (
                AgreementError("x").at(amendment="b", item="c7"),
                ("amendments", 1, "replaces", 0, "old"),
            ),
            (
                AgreementError("x").at(
                    amendment="a", clause="c1", field="counterparties", item="Y"
                ),
                ("amendments", 2),  # the last amendment with the id, which has no such clause
            ),
            (
                AgreementError("x").at(amendment="b", clause="c2"),
                ("amendments", 1, "replaces", 0, "new"),
            ),
            (AgreementError("x").at(field="parties"), ("parties",)),
            (UnknownClauseError("x"), ()),
        ],
    )
    def test_place_to_path(self, error: ck.ClauseKitError, path: tuple[object, ...]) -> None:
        """Each place resolves to the path of the value it names."""
        assert locate(error, (), DATA) == path


class TestThroughFiles:
    def test_a_repeated_amendment_id_is_reported_where_it_repeats(self) -> None:
        """The second amendment with the id is the one marked, on its line."""
        text = edit(BASE_TOML, 'id = "second"', 'id = "original"')
        problem = raised(text, "toml").problems[0]
        assert problem.path == "amendments[1].id"
        assert problem.line == line_of(text, ('id = "original"', 2))

    def test_ending_an_unknown_clause_points_at_the_entry(self) -> None:
        """ends = ["nope"] is reported on that list entry, with the known ids."""
        text = edit(BASE_TOML, 'ends = ["excl-de"]', 'ends = ["excl-dee"]')
        problem = raised(text, "toml").problems[0]
        assert problem.path == "amendments[1].ends[0]"
        assert "Did you mean 'excl-de'?" in problem.message
