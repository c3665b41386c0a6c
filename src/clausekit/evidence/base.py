"""The evidence base: documents, their claims, the conflicts among them, and what they date.

An :class:`EvidenceBase` is built once (by
:func:`~clausekit.evidence.loading.load_evidence_base`, or
:func:`~clausekit.evidence.loading.evidence_base` for the bundled one) and
indexes everything a question needs on the way: claims by id and by topic,
the conflicts each claim is part of, and the earliest day the public could
read each claim, so that "as known on" questions never cite a source from the
future.

Examples:
    >>> import pendulum
    >>> from clausekit.evidence import evidence_base
    >>> base = evidence_base()
    >>> cited = base.evidence("s001.rofr-trigger")
    >>> base.published_earliest(cited)
    Date(2025, 1, 21)
    >>> base.published_by(cited, pendulum.Date(2025, 1, 20))
    False
    >>> [c.id for c in base.conflicts_involving("s001.rofr-trigger")]
    ['c.rofr-trigger']
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from types import MappingProxyType

import attrs
import pendulum

from clausekit.errors import EvidenceError, closest, did_you_mean
from clausekit.evidence.citations import Evidence, OutsideSource, SeedExcerpt
from clausekit.evidence.claims import Claim
from clausekit.evidence.conflicts import Conflict
from clausekit.evidence.documents import Document
from clausekit.evidence.excerpts import excerpt_occurs
from clausekit.evidence.folder import bundled_folder
from clausekit.time import to_day

__all__ = ["EvidenceBase"]


def _index(documents: Iterable[Document]) -> tuple[dict[str, Document], dict[str, Claim]]:
    by_id: dict[str, Document] = {}
    claims: dict[str, Claim] = {}
    for document in documents:
        if document.id in by_id:
            raise EvidenceError(
                f"Document id {document.id!r} is used twice; ids must differ.",
                value=document.id,
                ids=(document.id,),
            )
        by_id[document.id] = document
        for claim in document.claims:
            if claim.id in claims:
                raise EvidenceError(
                    f"Claim id {claim.id!r} is used twice (documents "
                    f"{claims[claim.id].document!r} and {claim.document!r}); rename one.",
                    value=claim.id,
                    ids=(claim.id, claims[claim.id].document, claim.document),
                )
            if claim.document != document.id:
                raise EvidenceError(
                    f"Claim {claim.id!r} says it belongs to {claim.document!r} but is "
                    f"listed under document {document.id!r}.",
                    value=claim.document,
                    ids=(claim.id, document.id),
                )
            claims[claim.id] = claim
    return by_id, claims


def _check_conflicts(conflicts: Iterable[Conflict], claims: dict[str, Claim]) -> None:
    seen: set[str] = set()
    for conflict in conflicts:
        if conflict.id in seen:
            raise EvidenceError(
                f"Conflict id {conflict.id!r} is used twice; ids must differ.",
                value=conflict.id,
                ids=(conflict.id,),
            )
        seen.add(conflict.id)
        for side in conflict.sides:
            for claim in side:
                if claim.id not in claims:
                    suggestions = closest(claim.id, claims)
                    raise EvidenceError(
                        f"Conflict {conflict.id!r} names claim {claim.id!r}, which no document "
                        f"makes.{did_you_mean(suggestions)}",
                        value=claim.id,
                        ids=(conflict.id, claim.id),
                        suggestions=suggestions,
                    )
                if claims[claim.id] != claim:
                    raise EvidenceError(
                        f"Conflict {conflict.id!r} holds a claim {claim.id!r} that differs from "
                        f"the one document {claims[claim.id].document!r} makes; build the "
                        "conflict from the documents' own claims.",
                        value=claim,
                        ids=(conflict.id, claim.id),
                    )


def _documents(value: Iterable[Document]) -> tuple[Document, ...]:
    return tuple(value)


def _conflicts(value: Iterable[Conflict]) -> tuple[Conflict, ...]:
    return tuple(value)


@attrs.frozen
class EvidenceBase:
    """The documents and their claims, and the conflicts among them.

    Build it with :func:`~clausekit.evidence.loading.load_evidence_base` (or
    take the bundled one from :func:`~clausekit.evidence.loading.evidence_base`).
    Claim ids are unique across the base, and every conflict is made of the
    documents' own claims. Every lookup below is a dictionary lookup into an
    index built once, when the base is made.

    Examples:
        >>> from clausekit.evidence import evidence_base
        >>> base = evidence_base()
        >>> base.evidence("s004.rofr-trigger").document
        '004_28a42af719fe1a02'
        >>> print(base.evidence("o.openai-2025-10-28.rofr-removed").url)
        https://openai.com/index/next-chapter-of-microsoft-openai-partnership/
        >>> base.claim("s001.rofr-triger")
        Traceback (most recent call last):
        ...
        clausekit.errors.EvidenceError: No claim 's001.rofr-triger' in the evidence base. Did you mean 's001.rofr-trigger' or ...
    """

    documents: tuple[Document, ...] = attrs.field(converter=_documents)
    conflicts: tuple[Conflict, ...] = attrs.field(default=(), converter=_conflicts)
    # The indexes, built once in __attrs_post_init__ and read-only afterwards.
    _documents_by_id: Mapping[str, Document] = attrs.field(
        init=False, repr=False, eq=False, hash=False
    )
    _claims_by_id: Mapping[str, Claim] = attrs.field(init=False, repr=False, eq=False, hash=False)
    _claims_by_topic: Mapping[str, tuple[Claim, ...]] = attrs.field(
        init=False, repr=False, eq=False, hash=False
    )
    _conflicts_by_claim: Mapping[str, tuple[Conflict, ...]] = attrs.field(
        init=False, repr=False, eq=False, hash=False
    )
    _claim_days: Mapping[str, pendulum.Date] = attrs.field(
        init=False, repr=False, eq=False, hash=False
    )
    _topic_days: Mapping[str, pendulum.Date] = attrs.field(
        init=False, repr=False, eq=False, hash=False
    )

    def __attrs_post_init__(self) -> None:
        documents, claims = _index(self.documents)
        _check_conflicts(self.conflicts, claims)
        by_topic: dict[str, list[Claim]] = {}
        for claim in claims.values():
            for topic in claim.topics:
                by_topic.setdefault(topic, []).append(claim)
        by_claim: dict[str, list[Conflict]] = {}
        for conflict in self.conflicts:
            for claim_id in conflict.claims:
                by_claim.setdefault(claim_id, []).append(conflict)
        claim_days = {c.id: documents[c.document].published_earliest for c in claims.values()}
        topic_days = {
            topic: min(claim_days[c.id] for c in found) for topic, found in by_topic.items()
        }
        indexes: dict[str, Mapping[str, object]] = {
            "_documents_by_id": documents,
            "_claims_by_id": claims,
            "_claims_by_topic": {t: tuple(found) for t, found in by_topic.items()},
            "_conflicts_by_claim": {c: tuple(found) for c, found in by_claim.items()},
            "_claim_days": claim_days,
            "_topic_days": topic_days,
        }
        for name, index in indexes.items():
            object.__setattr__(self, name, MappingProxyType(index))

    # ------------------------------------------------------------------ lookups

    @property
    def claims(self) -> tuple[Claim, ...]:
        """Every claim, document by document, in file order."""
        return tuple(self._claims_by_id.values())

    @property
    def topics(self) -> frozenset[str]:
        """Every topic tag used by a claim."""
        return frozenset(self._claims_by_topic)

    def document(self, document_id: str) -> Document:
        """The document with this id.

        Raises:
            EvidenceError: for an unknown id, suggesting the closest known ones.
        """
        try:
            return self._documents_by_id[document_id]
        except KeyError:
            suggestions = closest(document_id, self._documents_by_id)
            raise EvidenceError(
                f"No document {document_id!r} in the evidence base.{did_you_mean(suggestions)} "
                f"Known documents: {', '.join(self._documents_by_id)}.",
                value=document_id,
                suggestions=suggestions,
            ) from None

    def claim(self, claim_id: str) -> Claim:
        """The claim with this id.

        Raises:
            EvidenceError: for an unknown id, suggesting the closest known ones.
        """
        try:
            return self._claims_by_id[claim_id]
        except KeyError:
            suggestions = closest(claim_id, self._claims_by_id)
            raise EvidenceError(
                f"No claim {claim_id!r} in the evidence base.{did_you_mean(suggestions)} "
                "Claim ids look like 's001.rofr-trigger' (seed article 001) or "
                "'o.openai-2025-10-28.rofr-removed' (an outside source).",
                value=claim_id,
                suggestions=suggestions,
            ) from None

    def evidence(self, claim_id: str) -> SeedExcerpt | OutsideSource:
        """The evidence value a clause or amendment can cite for this claim.

        A seed claim gives a :class:`~clausekit.evidence.citations.SeedExcerpt`;
        an outside claim gives an
        :class:`~clausekit.evidence.citations.OutsideSource` with its
        document's URL, title and publication day (the earliest day, for a
        date range).

        Raises:
            EvidenceError: for an unknown claim, or an outside document
                without URL or title.
        """
        claim = self.claim(claim_id)
        document = self._documents_by_id[claim.document]
        if claim.excerpt is not None:
            return SeedExcerpt(
                document=document.id, excerpt=claim.excerpt, gloss=claim.gloss, claim=claim.id
            )
        if document.url is None or document.title is None:
            raise EvidenceError(
                f"Claim {claim.id!r} has no excerpt, but its document {document.id!r} has no "
                "url and title to cite instead; add them to the document.",
                ids=(claim.id, document.id),
            )
        return OutsideSource(
            url=document.url,
            title=document.title,
            published=document.published_earliest,
            gloss=claim.gloss,
            claim=claim.id,
        )

    def claims_about(self, topic: str) -> tuple[Claim, ...]:
        """Every claim tagged with ``topic``, in file order (empty when none is)."""
        return self._claims_by_topic.get(topic, ())

    # ------------------------------------------------------------------ conflicts

    def conflicts_about(self, topic: str) -> tuple[Conflict, ...]:
        """Every conflict whose topic is ``topic``."""
        return tuple(c for c in self.conflicts if c.topic == topic)

    def conflicts_involving(self, claim_id: str) -> tuple[Conflict, ...]:
        """Every conflict that names the claim ``claim_id``, in file order (often none).

        Ask each one for :meth:`~clausekit.evidence.conflicts.Conflict.other_side`
        to name the claims that disagree.

        Examples:
            >>> from clausekit.evidence import evidence_base
            >>> base = evidence_base()
            >>> [conflict] = base.conflicts_involving("s003.microsoft-investment-13bn")
            >>> [c.id for c in conflict.other_side("s003.microsoft-investment-13bn")]
            ['s002.microsoft-investment-14bn']
            >>> base.conflicts_involving("s001.stargate-partners")
            ()

        Raises:
            EvidenceError: for an unknown claim id.
        """
        if claim_id not in self._claims_by_id:
            self.claim(claim_id)
        return self._conflicts_by_claim.get(claim_id, ())

    def disputes(
        self, evidence: Evidence, *, known_on: pendulum.Date | None = None
    ) -> tuple[Conflict, ...]:
        """The conflicts the claim ``evidence`` cites is part of; empty when nothing disputes it.

        Unlike :meth:`conflicts_involving`, it takes a citation as an answer
        holds it, and never raises: evidence that cites no claim, or a claim
        this base does not know (a user's own), is disputed by none of its
        conflicts. With ``known_on``, only conflicts whose other side had a
        claim published by that day (see :meth:`other_side`): as known on a
        day, nobody could know of a disagreement not yet in print.

        Examples:
            >>> from clausekit.evidence import evidence_base
            >>> base = evidence_base()
            >>> cited = base.evidence("o.openai-2025-10-28.rofr-removed")
            >>> [(c.id, [o.id for o in c.other_side(cited.claim)]) for c in base.disputes(cited)]
            [('c.exclusivity-terminated', ['s000.exclusivity-terminated'])]
        """
        if evidence.claim is None:
            return ()
        found = self._conflicts_by_claim.get(evidence.claim, ())
        if known_on is None:
            return found
        return tuple(c for c in found if self.other_side(c, evidence.claim, known_on=known_on))

    def other_side(
        self, conflict: Conflict, claim_id: str, *, known_on: pendulum.Date | None = None
    ) -> tuple[Claim, ...]:
        """The claims of ``conflict`` that disagree with ``claim_id``; with ``known_on``, only
        those published by that day (a seed article by the earliest day of its range).

        Examples:
            >>> import pendulum
            >>> from clausekit.evidence import evidence_base
            >>> base = evidence_base()
            >>> [conflict] = base.conflicts_involving("o.bloomberg-2019-07-22.agi-excluded-from-ip")
            >>> [c.id for c in base.other_side(conflict, "o.bloomberg-2019-07-22.agi-excluded-from-ip")]
            ['s004.agi-loses-access', 's004.agi-caveat']
            >>> base.other_side(conflict, "o.bloomberg-2019-07-22.agi-excluded-from-ip",
            ...                 known_on=pendulum.Date(2024, 6, 1))
            ()

        Raises:
            EvidenceError: when the conflict does not name ``claim_id``.
        """
        others = conflict.other_side(claim_id)
        if known_on is None:
            return others
        return tuple(
            c for c in others if (day := self._claim_days.get(c.id)) is not None and day <= known_on
        )

    # ------------------------------------------------------------------ knowledge time

    def earliest_report(self, topic: str) -> pendulum.Date:
        """The earliest publication day among documents with a claim on ``topic``.

        A document published on an uncertain day counts with its earliest
        possible day. Use it to pin the day the public could first know of
        something (an amendment's announced date).

        Examples:
            >>> from clausekit.evidence import evidence_base
            >>> evidence_base().earliest_report("agi-profit-definition")
            Date(2024, 12, 26)

        Raises:
            EvidenceError: when no claim has that topic, suggesting close ones.
        """
        try:
            return self._topic_days[topic]
        except KeyError:
            suggestions = closest(topic, self._topic_days)
            raise EvidenceError(
                f"No claim has the topic {topic!r}, so nothing reports it.{did_you_mean(suggestions)}",
                value=topic,
                suggestions=suggestions,
            ) from None

    def published_earliest(self, evidence: Evidence) -> pendulum.Date | None:
        """The earliest day the public could read the source of ``evidence``.

        An outside source gives its own publication day. A seed excerpt gives
        the earliest day of its article's publication (the first day of the
        range, for an article dated by a range), found by its claim id when
        it has one in this base, else by its document id.

        Returns:
            The day, or None when this base does not know the excerpt's
            document (a user's own contract text, say).
        """
        if isinstance(evidence, OutsideSource):
            return evidence.published
        if evidence.claim is not None:
            day = self._claim_days.get(evidence.claim)
            if day is not None:
                return day
        document = self._documents_by_id.get(evidence.document)
        return None if document is None else document.published_earliest

    def published_by(self, evidence: Evidence, day: object) -> bool:
        """True when the public could read the source of ``evidence`` on ``day``.

        A verdict "as known on" ``day`` may cite ``evidence`` only if this is
        True. A seed excerpt whose document this base does not know has no
        known publication day and is never taken as published: ask
        :meth:`published_earliest`, which then gives None, to tell the two
        apart.

        Examples:
            >>> from clausekit.evidence import evidence_base
            >>> base = evidence_base()
            >>> threshold = base.evidence("o.the-decoder-2024-12-26.agi-profit-definition")
            >>> base.published_by(threshold, "2024-12-25"), base.published_by(threshold, "2024-12-26")
            (False, True)

        Raises:
            InvalidDateError: when ``day`` is not a calendar day.
        """
        known = to_day(day, field="day")
        earliest = self.published_earliest(evidence)
        return earliest is not None and earliest <= known

    # ------------------------------------------------------------------ the articles

    def verify(self, seed_dir: Path | None = None) -> tuple[str, ...]:
        """Check every seed excerpt against its article.

        Articles are read as ``<seed_dir>/<document id>.txt`` (UTF-8) and
        matched with :func:`~clausekit.evidence.excerpts.excerpt_occurs`.

        Args:
            seed_dir: the folder of the articles; by default the bundled
                folder, which ships them beside the evidence files.

        Returns:
            One readable line per problem (an excerpt not found, an article
            missing); empty when every excerpt occurs.

        Examples:
            >>> from clausekit.evidence import evidence_base
            >>> evidence_base().verify()
            ()
        """
        folder = bundled_folder() if seed_dir is None else Path(seed_dir)
        problems: list[str] = []
        for document in self.documents:
            if document.kind != "seed":
                continue
            article = folder / f"{document.id}.txt"
            try:
                text = article.read_text(encoding="utf-8")
            except OSError as exc:
                problems.append(
                    f"{document.id}: cannot read the article {article}: {exc.strerror or exc}."
                )
                continue
            for claim in document.claims:
                if claim.excerpt is not None and not excerpt_occurs(claim.excerpt, text):
                    problems.append(
                        f"{document.id}: claim {claim.id}: excerpt {claim.excerpt!r} does not "
                        f"occur in {article.name}; copy the words exactly as they stand."
                    )
        return tuple(problems)
