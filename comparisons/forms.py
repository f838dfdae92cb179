"""Query-string input for the directory and the comparison page.

Nothing here raises on bad input: unknown values are dropped and reported as notices, so a
mangled or outdated URL still gives a sensible page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django import forms

MAX_COMPARED = 6
SLUG_RE = re.compile(r"^[-a-zA-Z0-9_]{1,220}$")

GRADE_CHOICES = [
    ("", "Any grade"),
    ("A", "A"),
    ("B", "B"),
    ("C", "C"),
    ("D", "D"),
    ("E", "E"),
    ("none", "Not graded"),
]
CHILDREN_CHOICES = [
    ("", "Any"),
    ("directed", "For children"),
    ("directed_with_consent", "For children, with consent"),
    ("not_directed", "Not for children"),
    ("not_stated", "Not stated"),
]
TRANSFER_CHOICES = [
    ("", "Any"),
    ("outside", "Outside the UK/EEA"),
    ("unsafeguarded", "Outside, no safeguard named"),
    ("none", "None"),
    ("not_stated", "Not stated"),
]
RETENTION_CHOICES = [
    ("", "Any"),
    ("le_1y", "Up to 1 year"),
    ("le_6y", "Up to 6 years"),
    ("gt_6y", "More than 6 years"),
    ("indefinite", "Indefinitely"),
    ("not_stated", "No period stated"),
]
SELLS_CHOICES = [("", "Any"), ("no", "Says it does not"), ("yes", "Sells data"), ("not_stated", "Not stated")]
SORT_CHOICES = [
    ("name", "Name (A–Z)"),
    ("-name", "Name (Z–A)"),
    ("-score", "Best score first"),
    ("score", "Worst score first"),
    ("-updated", "Most recently updated"),
    ("retention", "Shortest retention first"),
    ("-retention", "Longest retention first"),
]
FILTER_FIELDS = ("grade", "children", "transfers", "retention", "sells")


class DirectoryForm(forms.Form):
    q = forms.CharField(required=False, max_length=100, label="Search by name")
    grade = forms.ChoiceField(required=False, choices=GRADE_CHOICES, label="Grade")
    children = forms.ChoiceField(required=False, choices=CHILDREN_CHOICES, label="Children")
    transfers = forms.ChoiceField(required=False, choices=TRANSFER_CHOICES, label="Transfers")
    retention = forms.ChoiceField(required=False, choices=RETENTION_CHOICES, label="Longest retention")
    sells = forms.ChoiceField(required=False, choices=SELLS_CHOICES, label="Sells data")
    sort = forms.ChoiceField(required=False, choices=SORT_CHOICES, label="Sort by")

    def criteria(self) -> tuple[dict, list[str]]:
        """The valid criteria, and a notice for each value that was ignored."""
        self.is_valid()
        data = dict(getattr(self, "cleaned_data", {}))
        notices = []
        for name in self.errors:
            raw = self.data.get(name, "")
            label = self.fields[name].label if name in self.fields else name
            notices.append(f"Ignored {label.lower()} “{str(raw)[:40]}”: not one of the choices.")
            data.pop(name, None)
        q = " ".join(str(data.get("q") or self.data.get("q", ""))[:100].split())
        return {
            "q": q,
            **{name: data.get(name) or "" for name in FILTER_FIELDS},
            "sort": data.get("sort") or "name",
        }, notices


@dataclass
class Selection:
    """The vendors asked for on /compare/, in order, deduplicated and capped."""

    slugs: list[str] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    diff_only: bool = False
    add_query: str = ""


def parse_selection(query) -> Selection:
    sel = Selection()
    seen: set[str] = set()
    dropped: list[str] = []
    for raw in query.getlist("v"):
        for part in str(raw).split(","):
            slug = part.strip().lower()
            if not slug:
                continue
            if not SLUG_RE.match(slug):
                sel.notices.append(f"Ignored “{part.strip()[:40]}”: not a vendor address.")
                continue
            if slug in seen:
                sel.notices.append(f"{slug} was listed twice; it is shown once.")
                continue
            seen.add(slug)
            if len(sel.slugs) >= MAX_COMPARED:
                dropped.append(slug)
                continue
            sel.slugs.append(slug)
    if dropped:
        sel.notices.append(
            f"At most {MAX_COMPARED} vendors can be compared; left out: {', '.join(dropped[:10])}"
            f"{'…' if len(dropped) > 10 else ''}."
        )
    sel.diff_only = str(query.get("diff", "")).strip().lower() in {"1", "on", "true", "yes"}
    sel.add_query = " ".join(str(query.get("add", ""))[:100].split())
    return sel
