"""Contract files: load and dump an :class:`~clausekit.Agreement` as TOML, YAML or JSON.

The package holds one concept per module: :mod:`~clausekit.io.formats`
(parsing, limits), :mod:`~clausekit.io.lines` (line numbers),
:mod:`~clausekit.io.converter` (the cattrs converter),
:mod:`~clausekit.io.validation` (every problem, described),
:mod:`~clausekit.io.reading` and :mod:`~clausekit.io.writing` (the public
functions), :mod:`~clausekit.io.scenarios` (scenario files: facts tagged by
kind) and :mod:`~clausekit.io.schema` (the JSON Schema).

A contract file is the unstructuring of an agreement with one cattrs
converter: field names are the attrs field names, clauses are a tagged union
on ``kind``, days are ISO strings, money is ``{amount = "…", currency = "…"}``
with the amount as a string, rates are strings, sets are sorted lists, and a
field equal to its default is left out. The first key is
``format = "clausekit/1"``.

Loading checks the whole file before building anything and reports every
problem at once in a :class:`~clausekit.errors.ContractFileError`, each with
its line (where the parser knows it), its field path
(``amendments[3].adds[0].rate``), what was expected and what was found, and
the closest valid key or kind for a typo.

Examples:
    >>> import clausekit as ck
    >>> text = '''
    ... format = "clausekit/1"
    ... id = "acme-beta"
    ... title = "Acme–Beta distribution"
    ... [[parties]]
    ... name = "Acme"
    ... [[parties]]
    ... name = "Beta"
    ... [[amendments]]
    ... id = "original"
    ... title = "Signed"
    ... effective = 2020-01-01
    ... evidence = [{ url = "https://example.org/d", title = "Deal", published = "2020-01-01", gloss = "Acme sells only via Beta" }]
    ... [[amendments.adds]]
    ... kind = "exclusivity"
    ... id = "excl-de"
    ... title = "Exclusive distributor in DE"
    ... bound = "Acme"
    ... beneficiary = "Beta"
    ... verb = "appoint-distributor"
    ... scope = ["DE"]
    ... evidence = [{ url = "https://example.org/d", title = "Deal", published = "2020-01-01", gloss = "Acme sells only via Beta" }]
    ... '''
    >>> deal = loads(text, format="toml")
    >>> deal.amendments[0].effective
    Date(2020, 1, 1)
    >>> loads(dumps(deal, format="yaml"), format="yaml") == deal
    True
    >>> loads(text.replace('bound = "Acme"', 'bund = "Acme"'), format="toml", source="deal.toml")
    Traceback (most recent call last):
    ...
    clausekit.errors.ContractFileError: deal.toml: 1 problem found
      deal.toml:18: amendments[0].adds[0].bund: unknown key 'bund' for an exclusivity clause. Did you mean 'bound'? It is required and missing. Valid keys: ...
"""

from __future__ import annotations

from clausekit.io.formats import FORMAT, MAX_BYTES, MAX_DEPTH, MAX_DIGITS, MAX_VALUES, Format
from clausekit.io.reading import from_dict, load, loads
from clausekit.io.scenarios import (
    dump_scenario,
    dumps_scenario,
    load_scenario,
    loads_scenario,
    scenario_from_dict,
    scenario_to_dict,
)
from clausekit.io.schema import json_schema, schema_text
from clausekit.io.shapes import FieldPath, render_path
from clausekit.io.writing import dump, dumps, to_dict

__all__ = [
    "FORMAT",
    "MAX_BYTES",
    "MAX_DEPTH",
    "MAX_DIGITS",
    "MAX_VALUES",
    "FieldPath",
    "Format",
    "dump",
    "dump_scenario",
    "dumps",
    "dumps_scenario",
    "from_dict",
    "json_schema",
    "load",
    "load_scenario",
    "loads",
    "loads_scenario",
    "render_path",
    "scenario_from_dict",
    "scenario_to_dict",
    "schema_text",
    "to_dict",
]
