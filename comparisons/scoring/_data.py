"""Tolerant readers for the analyser's summary and findings.

Missing keys, ``None`` and odd types all read as "not stated"; findings may be dicts
or objects with ``topic``/``kind``/``value`` attributes.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

YES, NO, NOT_STATED = "yes", "no", "not_stated"
DIRECTED = ("directed", "directed_with_consent")


def get(obj: Any, key: str, default: Any = None) -> Any:
    if obj is None:
        return default
    if isinstance(obj, dict):
        return obj.get(key, default)
    return getattr(obj, key, default)


def section(summary: Any, key: str) -> dict:
    value = get(summary, key)
    return value if isinstance(value, dict) else {}


def text(value: Any) -> str:
    return value.strip().lower() if isinstance(value, str) else ""


def tristate(value: Any) -> str:
    """``yes``/``no``/``not_stated`` from a string or a bool."""
    if value is True:
        return YES
    if value is False:
        return NO
    v = text(value)
    return v if v in (YES, NO) else NOT_STATED


def flag(value: Any) -> bool:
    return value is True or text(value) in ("yes", "true")


def str_list(value: Any) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, (list, tuple, set, frozenset)):
        return []
    return [v.strip().lower() for v in value if isinstance(v, str) and v.strip()]


def key_list(value: Any) -> list[str]:
    """``str_list`` with spaces and hyphens as underscores: "Cyber Essentials" -> "cyber_essentials"."""
    return [_norm(v) for v in str_list(value)]


def int_list(value: Any) -> list[int]:
    if not isinstance(value, (list, tuple)):
        return []
    out = []
    for v in value:
        if isinstance(v, bool):
            continue
        if isinstance(v, (int, float)):
            out.append(int(v))
    return out


def as_int(value: Any) -> int | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return int(value)


def stance(summary: Any) -> str:
    s = text(get(section(summary, "children"), "stance"))
    return s if s in ("not_directed", "directed", "directed_with_consent") else NOT_STATED


# --------------------------------------------------------------------------- findings

_VALUE_NAME_KEYS = ("name", "right", "measure", "type", "category", "mechanism", "safeguard", "item")


def _norm(s: Any) -> str:
    return text(s).replace("-", "_").replace(" ", "_")


def find(
    findings: Sequence[Any],
    topic: str | Iterable[str],
    kinds: Iterable[str] | None = None,
) -> list[int]:
    """Indices of findings on ``topic`` (one or several), optionally of the given kinds."""
    topics = {topic} if isinstance(topic, str) else set(topic)
    wanted = None if kinds is None else {_norm(k) for k in kinds}
    out = []
    for i, f in enumerate(findings or ()):
        if text(get(f, "topic")) not in topics:
            continue
        if wanted is not None and _norm(get(f, "kind")) not in wanted:
            continue
        out.append(i)
    return out


def find_named(findings: Sequence[Any], topic: str, names: Iterable[str]) -> list[int]:
    """Findings on ``topic`` whose kind, or a name-like value field, is one of ``names``.

    Used for lists such as security measures and user rights, where the analyser may
    put the item in ``kind`` or in ``value`` (e.g. ``{"right": "erasure"}``).
    """
    wanted = {_norm(n) for n in names}
    out = []
    for i in find(findings, topic):
        f = findings[i]
        candidates = {_norm(get(f, "kind"))}
        value = get(f, "value")
        if isinstance(value, dict):
            for k in _VALUE_NAME_KEYS:
                v = value.get(k)
                if isinstance(v, str):
                    candidates.add(_norm(v))
                elif isinstance(v, (list, tuple)):
                    candidates.update(_norm(x) for x in v)
        if candidates & wanted:
            out.append(i)
    return out


def find_named_or_topic(findings: Sequence[Any], topic: str, names: Iterable[str]) -> list[int]:
    """``find_named``, falling back to every finding on the topic when none names the item."""
    return find_named(findings, topic, names) or find(findings, topic)
