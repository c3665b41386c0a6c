"""Validators shared by the evidence values: non-empty text, kebab-case tags, days."""

from __future__ import annotations

import re

import attrs
import pendulum

from clausekit.errors import EvidenceError

__all__ = ["KEBAB", "non_blank", "optional_day", "optional_text", "suggest", "topics"]

#: A kebab-case tag or id part, such as ``rofr-trigger``.
KEBAB = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def suggest(suggestions: list[str]) -> str:
    """`` Did you mean 'a' or 'b'?``, or nothing when there is no suggestion."""
    if not suggestions:
        return ""
    return " Did you mean " + " or ".join(repr(s) for s in suggestions) + "?"


def non_blank(instance: object, attribute: attrs.Attribute[str], value: object) -> None:
    """Refuse anything but non-empty text."""
    if not isinstance(value, str) or not value.strip():
        raise EvidenceError(
            f"{type(instance).__name__}.{attribute.name}={value!r} must be non-empty text."
        )


def optional_text(instance: object, attribute: attrs.Attribute[str | None], value: object) -> None:
    """Refuse anything but non-empty text or None."""
    if value is not None and (not isinstance(value, str) or not value.strip()):
        raise EvidenceError(
            f"{type(instance).__name__}.{attribute.name}={value!r} must be non-empty text or None."
        )


def optional_day(
    instance: object, attribute: attrs.Attribute[pendulum.Date | None], value: object
) -> None:
    """Refuse anything but a calendar day (exactly a ``pendulum.Date``) or None."""
    if value is not None and type(value) is not pendulum.Date:
        raise EvidenceError(
            f"{type(instance).__name__}.{attribute.name}={value!r} must be a pendulum.Date or None."
        )


def topics(instance: object, attribute: attrs.Attribute[tuple[str, ...]], value: object) -> None:
    """Refuse anything but a non-empty tuple of kebab-case tags."""
    if not isinstance(value, tuple) or not value:
        raise EvidenceError(
            f"{type(instance).__name__}.{attribute.name}={value!r} must be a non-empty tuple of "
            "kebab-case tags."
        )
    for tag in value:
        if not isinstance(tag, str) or not KEBAB.match(tag):
            raise EvidenceError(
                f"{type(instance).__name__}.{attribute.name} holds {tag!r}, which is not a "
                "kebab-case tag such as 'rofr-trigger'."
            )
