"""What changed in meaning between two analysed versions, in plain sentences.

Built from each version's analysis summary, findings and scores (plain dicts, so this module
knows nothing about the database): "Retention: 12 years → 'as long as necessary' (vague)",
"New recipient: Mailchimp (marketing, USA)", "Children's data score: 80 (A) → 60 (C), down 20".
"""
from __future__ import annotations

import re
from collections import OrderedDict
from dataclasses import asdict, dataclass, field
from typing import Any

from policies.analysis.types import TOPIC_LABELS as ANALYSIS_TOPIC_LABELS

TOPIC_LABELS = {"scores": "Scores", **ANALYSIS_TOPIC_LABELS}
WORSE, BETTER, NEUTRAL = "worse", "better", "neutral"


@dataclass(frozen=True)
class AnalysisSnapshot:
    """One version's analysis: summary (the analysis contract), findings and score rows as dicts."""

    summary: dict[str, Any] = field(default_factory=dict)
    findings: list[dict[str, Any]] = field(default_factory=list)  # topic, kind, value, quote
    scores: list[dict[str, Any]] = field(default_factory=list)  # dimension, points, grade, label


@dataclass(frozen=True)
class MeaningChange:
    topic: str
    text: str
    direction: str = NEUTRAL  # for the reader: "worse", "better" or "neutral"

    @property
    def label(self) -> str:
        return TOPIC_LABELS.get(self.topic, self.topic.replace("_", " ").capitalize())

    def as_dict(self) -> dict[str, str]:
        return {**asdict(self), "label": self.label}


@dataclass
class MeaningDiff:
    changes: list[MeaningChange]
    findings_added: dict[str, list[str]]
    findings_removed: dict[str, list[str]]

    @property
    def has_changes(self) -> bool:
        return bool(self.changes)

    def sentences(self) -> list[str]:
        return [c.text for c in self.changes]

    def by_topic(self) -> OrderedDict[str, dict[str, Any]]:
        grouped: OrderedDict[str, dict[str, Any]] = OrderedDict()
        for topic in TOPIC_LABELS:
            changes = [c for c in self.changes if c.topic == topic]
            added, removed = self.findings_added.get(topic, []), self.findings_removed.get(topic, [])
            if changes or added or removed:
                grouped[topic] = {"label": TOPIC_LABELS[topic], "changes": changes, "added": added,
                                  "removed": removed}
        return grouped


# --- small helpers -------------------------------------------------------------------------

_WS = re.compile(r"\s+")
_COMPANY_SUFFIX = re.compile(r"\b(?:ltd|limited|inc|incorporated|llc|plc|gmbh|corp|corporation|co|sa|bv|ag)\b\.?")


def _human(value: Any) -> str:
    if value is True:
        return "yes"
    if value is False:
        return "no"
    if value is None or value == "":
        return "not stated"
    return str(value).replace("_", " ")


def _section(summary: dict, key: str) -> dict:
    value = summary.get(key)
    return value if isinstance(value, dict) else {}


def _as_list(value: Any) -> list:
    return list(value) if isinstance(value, list | tuple) else []


def _company_key(name: str) -> str:
    name = _COMPANY_SUFFIX.sub("", name.casefold())
    return _WS.sub(" ", re.sub(r"[^\w\s]", " ", name)).strip()


def _quote_key(quote: str) -> str:
    return _WS.sub(" ", re.sub(r"^\s*\(?\d+(?:\.\d+)*[.)]?\s+", "", quote)).strip().casefold()


def _truncate(text: str, length: int = 120) -> str:
    text = _WS.sub(" ", text).strip()
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


# --- retention -----------------------------------------------------------------------------

_VAGUE_PHRASE = re.compile(
    r"(?:for\s+)?(as\s+long\s+as\s+(?:is\s+|it\s+is\s+|we\s+(?:consider\s+)?)?(?:reasonably\s+)?"
    r"(?:necessary|needed|required|appropriate)|no\s+longer\s+than\s+(?:is\s+)?necessary)",
    re.IGNORECASE,
)
_UNIT_DAYS = (("year", 365), ("month", 30), ("week", 7), ("day", 1))


def _period(days: int, findings: list[dict]) -> str:
    for f in findings:
        v = f.get("value") or {}
        if f.get("topic") == "retention" and f.get("kind") == "period" and v.get("days") == days and v.get("amount"):
            unit = str(v.get("unit") or "day")
            amount = v["amount"]
            return f"{amount} {unit}{'' if amount == 1 else 's'}"
    for unit, size in _UNIT_DAYS:
        if days % size == 0:
            amount = days // size
            return f"{amount} {unit}{'' if amount == 1 else 's'}"
    return f"{days} days"


def _retention(snapshot: AnalysisSnapshot) -> tuple[str, float | None]:
    """A phrase for how long data is kept, and a rank (higher is worse) to tell the direction."""
    r = _section(snapshot.summary, "retention")
    if r.get("indefinite"):
        return "indefinitely", 1e9
    if r.get("max_days"):
        return _period(int(r["max_days"]), snapshot.findings), float(r["max_days"])
    if r.get("vague_statement"):
        phrase = "as long as necessary"
        for f in snapshot.findings:
            if f.get("topic") == "retention" and f.get("kind") == "vague":
                m = _VAGUE_PHRASE.search(f.get("quote") or "")
                if m:
                    phrase = _WS.sub(" ", m.group(1)).lower()
                    break
        return f"'{phrase}' (vague)", 1e8
    return "not stated", None


def _vague_quotes(snapshot: AnalysisSnapshot) -> dict[str, str]:
    """Normalised quote -> the vague phrase in it, for each vague retention statement."""
    out = {}
    for f in snapshot.findings:
        if f.get("topic") == "retention" and f.get("kind") == "vague":
            quote = _WS.sub(" ", f.get("quote") or "").strip().lower()
            m = _VAGUE_PHRASE.search(f.get("quote") or "")
            out[quote] = _WS.sub(" ", m.group(1)).lower() if m else "as long as necessary"
    return out


def _period_changes(old: AnalysisSnapshot, new: AnalysisSnapshot) -> tuple[list[MeaningChange], bool]:
    """Stated periods that went or came. A period that went while new vague wording came is said as
    such ("12 years → 'as long as necessary' (vague)"); returns whether the longest one was."""
    old_r, new_r = _section(old.summary, "retention"), _section(new.summary, "retention")
    old_days = {int(d) for d in _as_list(old_r.get("periods_days")) if isinstance(d, int | float)}
    new_days = {int(d) for d in _as_list(new_r.get("periods_days")) if isinstance(d, int | float)}
    new_vague = [phrase for quote, phrase in _vague_quotes(new).items() if quote not in _vague_quotes(old)]
    out, longest_went_vague = [], False
    for days in sorted(old_days - new_days, reverse=True):
        if days == max(old_days) and not new_vague:
            continue  # the headline "Retention: longest → longest" says it
        if new_vague:
            out.append(MeaningChange(
                "retention", f"Retention: {_period(days, old.findings)} → '{new_vague[0]}' (vague)", WORSE
            ))
            longest_went_vague |= days == max(old_days)
        else:
            out.append(MeaningChange("retention", f"Retention period no longer stated: {_period(days, old.findings)}",
                                     NEUTRAL))
    for days in sorted(new_days - old_days, reverse=True):
        if days == max(new_days):
            continue  # the headline says it
        longer = bool(old_days) and days > max(old_days)
        out.append(MeaningChange("retention", f"New retention period: {_period(days, new.findings)}",
                                 WORSE if longer else NEUTRAL))
    return out, longest_went_vague


def _retention_changes(old: AnalysisSnapshot, new: AnalysisSnapshot) -> list[MeaningChange]:
    periods, longest_went_vague = _period_changes(old, new)
    out = periods if longest_went_vague else []
    (old_phrase, old_rank), (new_phrase, new_rank) = _retention(old), _retention(new)
    if old_phrase != new_phrase and not longest_went_vague:
        if old_rank is None or new_rank is None:
            direction = WORSE if new_rank is None else NEUTRAL
        else:
            direction = WORSE if new_rank > old_rank else BETTER if new_rank < old_rank else NEUTRAL
        out.append(MeaningChange("retention", f"Retention: {old_phrase} → {new_phrase}", direction))
    if not longest_went_vague:
        out += periods
    old_r, new_r = _section(old.summary, "retention"), _section(new.summary, "retention")
    if bool(old_r.get("deletion_on_request")) != bool(new_r.get("deletion_on_request")):
        if new_r.get("deletion_on_request"):
            out.append(MeaningChange("retention", "Deletion on request: now offered", BETTER))
        else:
            out.append(MeaningChange("retention", "Deletion on request: no longer mentioned", WORSE))
    return out


# --- recipients and other lists ------------------------------------------------------------


def _recipients(summary: dict) -> dict[str, dict]:
    out: dict[str, dict] = {}
    tp = _section(summary, "third_parties")
    for r in _as_list(tp.get("recipients")):
        if isinstance(r, dict) and r.get("name"):
            out.setdefault(_company_key(r["name"]), r)
    for name in _as_list(tp.get("named")):
        if isinstance(name, str) and _company_key(name) not in out:
            out[_company_key(name)] = {"name": name}
    return out


def _recipient_label(r: dict) -> str:
    details = [str(r[k]) for k in ("purpose", "location") if r.get(k)]
    return f"{r['name']} ({', '.join(details)})" if details else str(r["name"])


def _recipient_changes(old: AnalysisSnapshot, new: AnalysisSnapshot) -> list[MeaningChange]:
    out = []
    before, after = _recipients(old.summary), _recipients(new.summary)
    for key, r in after.items():
        if key not in before:
            out.append(MeaningChange("third_party_sharing", f"New recipient: {_recipient_label(r)}", WORSE))
            continue
        was = before[key]
        for attr in ("purpose", "location"):
            if was.get(attr) and r.get(attr) and _company_key(str(was[attr])) != _company_key(str(r[attr])):
                out.append(MeaningChange(
                    "third_party_sharing", f"Recipient {r['name']}: {attr} {was[attr]} → {r[attr]}", NEUTRAL))
    for key, r in before.items():
        if key not in after:
            out.append(MeaningChange("third_party_sharing", f"Recipient no longer named: {_recipient_label(r)}",
                                     NEUTRAL))
    return out


def _list_changes(old: list, new: list, topic: str, added_text: str, removed_text: str,
                  added_direction: str) -> list[MeaningChange]:
    removed_direction = {WORSE: BETTER, BETTER: WORSE}.get(added_direction, NEUTRAL)
    before = {_human(v): v for v in old if v}
    after = {_human(v): v for v in new if v}
    out = []
    added = [k for k in after if k not in before]
    removed = [k for k in before if k not in after]
    if added:
        out.append(MeaningChange(topic, f"{added_text}: {', '.join(added)}", added_direction))
    if removed:
        out.append(MeaningChange(topic, f"{removed_text}: {', '.join(removed)}", removed_direction))
    return out


# Values of a few summary fields, best first.
_ORDER = {
    "yes_bad": ["no", "not_stated", "yes"],
    "transfers": ["none", "with_safeguards", "not_stated", "yes"],
    "yes_good": ["yes", "not_stated", "no"],
}


def _value_change(topic: str, label: str, before: Any, after: Any, order: str) -> list[MeaningChange]:
    if _human(before) == _human(after):
        return []
    ranking = _ORDER[order]

    def rank(v: Any) -> int | None:
        key = {True: "yes", False: "no", None: "not_stated"}.get(v, v) if not isinstance(v, str) else v
        return ranking.index(key) if key in ranking else None

    rb, ra = rank(before), rank(after)
    direction = NEUTRAL if rb is None or ra is None else WORSE if ra > rb else BETTER
    return [MeaningChange(topic, f"{label}: {_human(before)} → {_human(after)}", direction)]


def _summary_changes(old: AnalysisSnapshot, new: AnalysisSnapshot) -> list[MeaningChange]:
    o, n = old.summary, new.summary
    out: list[MeaningChange] = []
    out += _retention_changes(old, new)
    oc, nc = _section(o, "children"), _section(n, "children")
    if _human(oc.get("stance")) != _human(nc.get("stance")):
        out.append(MeaningChange("children", f"Audience: {_human(oc.get('stance'))} → {_human(nc.get('stance'))}"))
    out += _value_change("children", "Parental consent", oc.get("parental_consent"), nc.get("parental_consent"),
                         "yes_good")
    if oc.get("min_age") != nc.get("min_age"):
        out.append(MeaningChange("children", f"Minimum age: {_human(oc.get('min_age'))} → {_human(nc.get('min_age'))}"))
    out += _list_changes(_as_list(oc.get("data_processed")), _as_list(nc.get("data_processed")), "children",
                         "Children's data now collected", "Children's data no longer listed", WORSE)
    out += _recipient_changes(old, new)
    ot, nt = _section(o, "third_parties"), _section(n, "third_parties")
    out += _list_changes(_as_list(ot.get("categories")), _as_list(nt.get("categories")), "third_party_sharing",
                         "Now shares with", "No longer shares with", WORSE)
    out += _value_change("data_sale", "Sale of data", ot.get("sells_data"), nt.get("sells_data"), "yes_bad")
    out += _value_change("advertising", "Third-party adverts", ot.get("third_party_ads"), nt.get("third_party_ads"),
                         "yes_bad")
    out += _value_change("advertising", "Tracking", ot.get("tracking"), nt.get("tracking"), "yes_bad")
    out += _value_change("international_transfers", "Transfers abroad", o.get("international_transfers"),
                         n.get("international_transfers"), "transfers")
    out += _list_changes(_as_list(o.get("transfer_safeguards")), _as_list(n.get("transfer_safeguards")),
                         "international_transfers", "New transfer safeguard", "Transfer safeguard dropped", BETTER)
    out += _list_changes(_as_list(o.get("user_rights")), _as_list(n.get("user_rights")), "user_rights",
                         "Rights now mentioned", "Rights no longer mentioned", BETTER)
    out += _list_changes(_as_list(o.get("security")), _as_list(n.get("security")), "security",
                         "Security measures added", "Security measures no longer mentioned", BETTER)
    out += _value_change("policy_changes", "Notice of policy changes", _section(o, "policy_changes").get("notice"),
                         _section(n, "policy_changes").get("notice"), "yes_good")
    out += _value_change("contact", "Data protection officer named", _section(o, "contact").get("dpo"),
                         _section(n, "contact").get("dpo"), "yes_good")
    return out


# --- scores --------------------------------------------------------------------------------


def _score_label(row: dict) -> str:
    if row.get("dimension") == "overall":
        return "Overall score"
    label = row.get("label") or str(row.get("dimension", "")).replace("_", " ").capitalize()
    return f"{label} score"


def _score_text(row: dict | None) -> str:
    if not row or row.get("points") is None:
        return "N/A"
    return f"{row['points']} ({row['grade']})" if row.get("grade") else str(row["points"])


def _score_changes(old: AnalysisSnapshot, new: AnalysisSnapshot) -> list[MeaningChange]:
    before = {r["dimension"]: r for r in old.scores if r.get("dimension")}
    after = {r["dimension"]: r for r in new.scores if r.get("dimension")}
    out = []
    for dimension in list(after) + [d for d in before if d not in after]:
        b, a = before.get(dimension), after.get(dimension)
        if _score_text(b) == _score_text(a):
            continue
        bp, ap = (b or {}).get("points"), (a or {}).get("points")
        text = f"{_score_label(a or b)}: {_score_text(b)} → {_score_text(a)}"
        direction = NEUTRAL
        if bp is not None and ap is not None and ap != bp:
            direction = BETTER if ap > bp else WORSE
            text += f", {'up' if ap > bp else 'down'} {abs(ap - bp)}"
        elif (b or {}).get("grade") != (a or {}).get("grade") and (b or {}).get("grade") and (a or {}).get("grade"):
            direction = BETTER if a["grade"] < b["grade"] else WORSE
        out.append(MeaningChange("scores", text, direction))
    return out


# --- findings ------------------------------------------------------------------------------


def _quotes_by_topic(findings: list[dict]) -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for f in findings:
        quote = f.get("quote") or ""
        if quote.strip():
            out.setdefault(f.get("topic", ""), {}).setdefault(_quote_key(quote), quote)
    return out


def diff_meaning(old: AnalysisSnapshot, new: AnalysisSnapshot) -> MeaningDiff:
    changes = _score_changes(old, new) + _summary_changes(old, new)
    before, after = _quotes_by_topic(old.findings), _quotes_by_topic(new.findings)
    added: dict[str, list[str]] = {}
    removed: dict[str, list[str]] = {}
    for topic in set(before) | set(after):
        b, a = before.get(topic, {}), after.get(topic, {})
        if new_quotes := [q for k, q in a.items() if k not in b]:
            added[topic] = new_quotes
        if old_quotes := [q for k, q in b.items() if k not in a]:
            removed[topic] = old_quotes
    # A topic whose summary did not move but whose wording did still gets one sentence.
    summarised = {c.topic for c in changes}
    for topic in TOPIC_LABELS:
        if topic in summarised or topic == "scores":
            continue
        n_added, n_removed = len(added.get(topic, [])), len(removed.get(topic, []))
        if not (n_added or n_removed):
            continue
        parts = []
        if n_added:
            parts.append(f"{n_added} new statement{'s' if n_added != 1 else ''} "
                         f"(\u201c{_truncate(added[topic][0], 80)}\u201d)")
        if n_removed:
            parts.append(f"{n_removed} statement{'s' if n_removed != 1 else ''} removed")
        changes.append(MeaningChange(topic, f"{TOPIC_LABELS[topic]}: {' and '.join(parts)}"))
    # The overall score first, then what the policy says topic by topic, then the dimension scores.
    order = list(TOPIC_LABELS)

    def rank(c: MeaningChange) -> int:
        if c.topic == "scores":
            return 0 if c.text.startswith("Overall score") else 100
        return order.index(c.topic) if c.topic in order else 99

    changes.sort(key=rank)
    return MeaningDiff(changes=changes, findings_added=added, findings_removed=removed)
