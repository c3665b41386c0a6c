"""Validators shared by the evidence values: non-empty text, kebab-case tags, days.

Each raises :class:`~clausekit.errors.EvidenceError` carrying the value and
the field (``"Claim.topics"``).
"""

from __future__ import annotations

import re

import attrs
import pendulum

from clausekit.errors import EvidenceError

__all__ = ["KEBAB", "non_blank", "optional_day", "optional_text", "topics"]

#: A kebab-case tag or id part, such as ``rofr-trigger``.
KEBAB = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def non_blank(instance: object, attribute: attrs.Attribute[str], value: object) -> None:
    """Refuse anything but non-empty text."""
    if not isinstance(value, str) or not value.strip():
        field = f"{type(instance).__name__}.{attribute.name}"
        raise EvidenceError(f"{field}={value!r} must be non-empty text.", value=value, field=field)


def optional_text(instance: object, attribute: attrs.Attribute[str | None], value: object) -> None:
    """Refuse anything but non-empty text or None."""
    if value is not None and (not isinstance(value, str) or not value.strip()):
        field = f"{type(instance).__name__}.{attribute.name}"
        raise EvidenceError(
            f"{field}={value!r} must be non-empty text or None.", value=value, field=field
        )


def optional_day(
    instance: object, attribute: attrs.Attribute[pendulum.Date | None], value: object
) -> None:
    """Refuse anything but a calendar day (exactly a ``pendulum.Date``) or None."""
    if value is not None and type(value) is not pendulum.Date:
        field = f"{type(instance).__name__}.{attribute.name}"
        raise EvidenceError(
            f"{field}={value!r} must be a pendulum.Date or None.", value=value, field=field
        )


def topics(instance: object, attribute: attrs.Attribute[tuple[str, ...]], value: object) -> None:
    """Refuse anything but a non-empty tuple of kebab-case tags."""
    field = f"{type(instance).__name__}.{attribute.name}"
    if not isinstance(value, tuple) or not value:
        raise EvidenceError(
            f"{field}={value!r} must be a non-empty tuple of kebab-case tags.",
            value=value,
            field=field,
        )
    for tag in value:
        if not isinstance(tag, str) or not KEBAB.match(tag):
            raise EvidenceError(
                f"{field} holds {tag!r}, which is not a kebab-case tag such as 'rofr-trigger'.",
                value=tag,
                field=field,
            )
