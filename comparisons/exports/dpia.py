"""The DPIA starter: one vendor's analysed policy as the sections of a data protection impact
assessment, each fact with the sentence it came from, and the gaps as questions to the supplier.

Pure: plain data in (the run's summary, its findings as :class:`Evidence`, its scores as
:class:`ScoreData`), a :class:`~comparisons.exports.model.DpiaDocument` out. The gaps are derived
from the stored rubric answers (``Score.details["answers"]``) and blockers, never written per vendor.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime

from comparisons.presentation import (  # the comparison table reads summaries alike
    SAFEGUARD_LABELS,
    STANCE_LABELS,
    TRANSFER_LABELS,
    _int,
    _section,
    _strs,
    _tri,
    humanise_days,
    recipient_key,
)

from .model import DpiaDocument, DpiaFact, DpiaSection, Gap, Quote, VendorHead

QUOTES_PER_FACT = 3
NOT_STATED = "Not stated in the policy"
GAP_VERDICTS = ("not_stated", "fair", "bad")


@dataclass(frozen=True)
class Evidence:
    """A finding, as plain data."""

    topic: str
    kind: str
    value: dict = field(default_factory=dict)
    quote: str = ""
    review: str = ""
    position: int = 0


@dataclass(frozen=True)
class ScoreData:
    dimension: str  # "overall" or a rubric dimension key
    label: str
    points: int | None
    grade: str
    details: dict = field(default_factory=dict)


# --------------------------------------------------------------------------- helpers


def _key(value, known: dict) -> str | None:
    """``value`` if it is one of ``known``'s keys (summaries are JSON: anything may turn up)."""
    return value if isinstance(value, str) and value in known else None


def _label(key: str) -> str:
    return key.replace("_", " ").strip().capitalize()


def _labels(keys: Iterable[str]) -> str:
    return ", ".join(_label(k) for k in keys)


class _Found:
    """The evidence, looked up by topic and kind."""

    def __init__(self, evidence: list[Evidence]):
        self.evidence = evidence
        self.by_position = {e.position: e for e in evidence}

    def __call__(self, topic: str, kinds: Iterable[str] | None = None, test: Callable | None = None) -> list:
        kinds = set(kinds) if kinds is not None else None
        return [
            e
            for e in self.evidence
            if e.topic == topic and (kinds is None or e.kind in kinds) and (test is None or test(e))
        ]


def _fact(label: str, text: str | None, found: list[Evidence] = (), lines=()) -> DpiaFact:
    """A fact with up to QUOTES_PER_FACT distinct quotes; no text -> "not stated"."""
    quotes, seen = [], set()
    for e in found:
        if e.quote and e.quote not in seen:
            seen.add(e.quote)
            quotes.append(Quote(e.quote, e.review))
    return DpiaFact(
        label=label,
        text=text or NOT_STATED,
        lines=[x for x in lines if x],
        quotes=quotes[:QUOTES_PER_FACT],
        more_quotes=max(0, len(quotes) - QUOTES_PER_FACT),
        not_stated=not text,
    )


# --------------------------------------------------------------------------- sections

ROLE_LABELS = {
    "processor": "Processor: acts on the school's instructions",
    "controller": "Controller: decides itself how the data is used",
    "both": "Processor for school data; controller for some other data",
}
CERTIFICATIONS = {"certification", "iso27001", "iso_27001", "cyber_essentials", "cyber_essentials_plus", "soc2"}
NOT_MEASURES = CERTIFICATIONS | {"breach_notification"}
CORE_RIGHTS = ("access", "rectification", "erasure", "restriction", "portability", "objection")


def _supplier(s: dict, find: _Found) -> DpiaSection:
    role = _key(s.get("role"), ROLE_LABELS)
    contact = _section(s, "contact")
    email = contact.get("email") if isinstance(contact.get("email"), str) else ""
    bits = (["A Data Protection Officer is named"] if contact.get("dpo") is True else []) + (
        [f"Privacy contact: {email}"] if email else []
    )
    changes = _section(s, "policy_changes")
    notice = _tri(changes.get("notice"))
    how = changes.get("how") if isinstance(changes.get("how"), str) else ""
    return DpiaSection(
        "supplier",
        "The supplier and its role",
        "Whether the supplier processes pupils' data for the school or for its own purposes decides "
        "which contract the school needs (UK GDPR Art. 28).",
        [
            _fact("Role", ROLE_LABELS.get(role), find("contact", ["role"])),
            _fact("Privacy contact", "; ".join(bits), find("contact", ["dpo", "email"])),
            _fact(
                "Notice of policy changes",
                {"yes": "Promised" + (f" ({how})" if how else ""), "no": "Not promised"}.get(notice),
                find("policy_changes", ["notice"]),
            ),
        ],
    )


def _data(s: dict, find: _Found) -> DpiaSection:
    ch = _section(s, "children")
    items = _strs(ch.get("data_processed"))
    bases = _strs(ch.get("legal_basis"))
    basis = _fact("Lawful bases named", _labels(bases))
    if bases:
        basis.lines.append("Read from the whole policy: no single sentence is stored as evidence.")
    return DpiaSection(
        "data",
        "Data processed",
        "What personal data the policy says is collected, and the lawful bases it names.",
        [
            _fact(
                "Children's data processed", _labels(items), find("children", ["data_processed"])
            ),
            basis,
        ],
    )


def _children(s: dict, find: _Found) -> DpiaSection:
    ch = _section(s, "children")
    stance = _key(ch.get("stance"), STANCE_LABELS)
    min_age = _int(ch.get("min_age"))
    facts = [
        _fact("Who the service is for", STANCE_LABELS.get(stance), find("children", ["audience"])),
        _fact("Minimum age", str(min_age) if min_age is not None else None, find("children", ["age_limit"])),
    ]
    for key, label in (("parental_consent", "Parental consent"), ("school_consent", "School authorisation")):
        v = _tri(ch.get(key))
        facts.append(_fact(label, {"yes": "Yes", "no": "No"}.get(v), find("children", [key])))
    return DpiaSection(
        "children",
        "Children",
        "Whether pupils use the service, from what age, and on whose authority (ICO Children's Code).",
        facts,
    )


def _period_line(value: dict) -> str:
    days = _int(value.get("days"))
    what = " ".join(str(value.get("data") or "").split()) or "personal data"
    trigger = " ".join(str(value.get("trigger") or "").split())
    amount, unit = value.get("amount"), value.get("unit")
    if isinstance(amount, (int, float)) and not isinstance(amount, bool) and isinstance(unit, str) and unit:
        period = f"{amount:g} {unit.rstrip('s')}{'' if amount == 1 else 's'}"
    else:
        period = humanise_days(days)
    return f"{period}: {what}" + (f" ({trigger})" if trigger else "")


def _retention(s: dict, find: _Found) -> DpiaSection:
    r = _section(s, "retention")
    facts = []
    seen = set()
    for e in find("retention", ["period"]):
        line = _period_line(e.value)
        if line not in seen:
            seen.add(line)
            facts.append(_fact("Retention period", line, [e]))
    if not facts:
        days = sorted({d for d in (_int(x) for x in r.get("periods_days") or []) if d})
        facts.append(_fact("Retention periods", ", ".join(humanise_days(d) for d in days)))
    max_days = _int(r.get("max_days"))
    if r.get("indefinite") is True:
        facts.append(_fact("Longest retention", "Indefinitely", find("retention", ["indefinite"])))
    elif max_days is not None:
        facts.append(
            _fact(
                "Longest retention",
                humanise_days(max_days),
                find("retention", ["period"], lambda e: _int(e.value.get("days")) == max_days),
            )
        )
    elif r.get("event_bound") is True:
        facts.append(_fact("Longest retention", "Until an event; no period", find("retention", ["event_bound"])))
    else:
        facts.append(_fact("Longest retention", None))
    facts.append(
        _fact(
            "Deletion on request",
            "Described" if r.get("deletion_on_request") is True else None,
            find("retention", ["deletion"]),
        )
    )
    if r.get("vague_statement") is True:
        facts.append(
            _fact("Vague statements", "Some retention is described only vaguely", find("retention", ["vague"]))
        )
    return DpiaSection(
        "retention",
        "Retention and deletion",
        "How long the supplier keeps data, and whether the school can have it deleted (UK GDPR Art. 5(1)(e), 17).",
        facts,
    )


def _recipients(s: dict, find: _Found) -> DpiaSection:
    t = _section(s, "third_parties")
    recipients = [r for r in t.get("recipients") or [] if isinstance(r, dict) and isinstance(r.get("name"), str)]
    listed = {recipient_key(r["name"]) for r in recipients}
    recipients += [{"name": n} for n in _strs(t.get("named")) if recipient_key(n) not in listed]
    facts, seen = [], set()
    for r in recipients:
        key = recipient_key(r["name"])
        if key in seen:
            continue
        seen.add(key)
        purpose = r.get("purpose") if isinstance(r.get("purpose"), str) and r["purpose"].strip() else ""
        location = r.get("location") if isinstance(r.get("location"), str) and r["location"].strip() else ""
        facts.append(
            _fact(
                r["name"].strip(),
                "; ".join(
                    [f"Purpose: {purpose.strip()}" if purpose else "Purpose not stated"]
                    + ([f"Location: {location.strip()}"] if location else [])
                ),
                find(
                    "third_party_sharing",
                    ["named_recipient"],
                    lambda e, k=key: recipient_key(str(e.value.get("name", ""))) == k,
                ),
            )
        )
    if not facts:
        facts.append(_fact("Named recipients", None))
    facts.append(
        _fact(
            "Categories of recipient",
            _labels(_strs(t.get("categories"))),
            find("third_party_sharing", ["category"]),
        )
    )
    return DpiaSection(
        "recipients",
        "Recipients and sub-processors",
        "Who else receives personal data: each named organisation, then the categories the policy lists.",
        facts,
    )


def _transfers(s: dict, find: _Found) -> DpiaSection:
    v = _key(s.get("international_transfers"), TRANSFER_LABELS)
    sg = [SAFEGUARD_LABELS.get(x.lower().replace(" ", "_"), _label(x)) for x in _strs(s.get("transfer_safeguards"))]
    return DpiaSection(
        "transfers",
        "International transfers and safeguards",
        "Whether data leaves the UK/EEA and which mechanism protects it (UK GDPR Chapter V).",
        [
            _fact(
                "Transfers outside the UK/EEA",
                TRANSFER_LABELS.get(v),
                find("international_transfers", ["transfer", "no_transfer"]),
            ),
            _fact(
                "Safeguards",
                ", ".join(sg) or ("None named" if v in ("yes", "with_safeguards") else None),
                find("international_transfers", ["safeguard"]),
            ),
        ],
    )


def _sale(s: dict, find: _Found) -> DpiaSection:
    t = _section(s, "third_parties")

    def tri(label, key, topic, yes, no):
        v = _tri(t.get(key))
        return _fact(label, {"yes": "Yes", "no": "No"}.get(v), find(topic, [yes] if v == "yes" else [no]))

    return DpiaSection(
        "sale",
        "Sale of data, advertising and tracking",
        "Commercial uses of pupils' data that a school would normally rule out.",
        [
            tri("Sells personal data", "sells_data", "data_sale", "sells", "does_not_sell"),
            tri("Third-party advertising", "third_party_ads", "advertising", "third_party_ads", "no_third_party_ads"),
            tri("Tracking", "tracking", "advertising", "tracking", "no_tracking"),
        ],
    )


def _rights(s: dict, find: _Found) -> DpiaSection:
    rights = _strs(s.get("user_rights"))
    core = [r for r in CORE_RIGHTS if r in rights]
    return DpiaSection(
        "rights",
        "Rights",
        "Which data-protection rights the policy explains, and whether it mentions complaining to the ICO.",
        [
            _fact(
                "Rights explained",
                _labels(rights),
                find("user_rights", ["rights"]),
                lines=[f"{len(core)} of the 6 core rights"] if rights else [],
            ),
            _fact(
                "Complaint to the ICO",
                "Mentioned" if "complaint" in rights else None,
                find("user_rights", ["rights"], lambda e: "complaint" in _strs(e.value.get("rights"))),
            ),
        ],
    )


def _security(s: dict, find: _Found) -> DpiaSection:
    listed = _strs(s.get("security"))
    measures = [m for m in listed if m not in NOT_MEASURES]
    certs = [m for m in listed if m in CERTIFICATIONS]

    def has(keys):
        return lambda e: bool(set(_strs(e.value.get("measures"))) & set(keys))

    return DpiaSection(
        "security",
        "Security",
        "The technical and organisational measures the policy describes (UK GDPR Art. 32).",
        [
            _fact("Measures described", _labels(measures), find("security", None, has(measures))),
            _fact("Independent certification", _labels(certs), find("security", None, has(certs))),
            _fact(
                "Breach notification",
                "Promised" if "breach_notification" in listed else None,
                find("security", None, has(["breach_notification"])),
            ),
        ],
    )


SECTIONS = (_supplier, _data, _children, _retention, _recipients, _transfers, _sale, _rights, _security)


# --------------------------------------------------------------------------- gaps

#: What to ask the supplier for each rubric question (by key) when the policy's answer is not good.
#: A dict picks by verdict ("default" otherwise). Unknown questions get a question built from the rubric's text.
SUPPLIER_QUESTIONS: dict[str, str | dict[str, str]] = {
    "retention_period": {
        "not_stated": "How long do you keep each category of pupil and staff data, and what ends each period? "
        "Please send your retention schedule.",
        "default": "Please give a specific retention period for each category of pupil data, and confirm that "
        "none is kept longer than necessary.",
    },
    "deletion": "Will you delete or return all pupil data when the school asks and when the contract ends? "
    "How quickly, and will you confirm deletion in writing?",
    "audience": {
        "not_stated": "Is the service used by children? If so, from what age, and on whose authority: "
        "the school's or parents'?",
        "default": "Children use the service, but who authorises it? Please say whether the school or a parent "
        "gives authority for each child's data, and how it is recorded.",
    },
    "authorisation": "Who authorises the processing of each child's data: the school, as controller, or a parent? "
    "How is that recorded?",
    "children_data": "Exactly which data about pupils do you collect, and on what lawful basis for each item?",
    "age_limit": "What is the minimum age to use the service, and how is it enforced?",
    "recipients_named": "Please list every sub-processor and other third party that receives pupil data, "
    "with what each receives and where it is located.",
    "recipient_purposes": "For each named recipient, what data does it receive and for what purpose?",
    "role": {
        "not_stated": "Do you act as the school's processor under a UK GDPR Article 28 contract, or as a "
        "controller? For which data?",
        "default": "For which data do you act as a controller rather than the school's processor? Will you sign "
        "an Article 28 processing agreement covering all pupil data?",
    },
    "transfers": {
        "not_stated": "Is any personal data stored or accessed outside the UK/EEA? If so, where, by whom, and "
        "under which safeguard?",
        "default": "Which transfer mechanism (UK adequacy, the IDTA or the UK Addendum to the EU SCCs) covers "
        "each transfer outside the UK, and have you carried out a transfer risk assessment?",
    },
    "safeguard_mechanism": "Which UK-valid transfer mechanism (IDTA, UK Addendum, adequacy regulations or the "
    "UK–US data bridge) covers each transfer? Please send a copy.",
    "sale": {
        "not_stated": "Will you confirm in the contract that you never sell, rent or trade pupils' personal data?",
        "default": "The policy allows personal data to be sold. Is any pupil data sold or shared for payment, "
        "and will you exclude that in the contract?",
    },
    "third_party_ads": "Are third-party adverts shown in the service pupils use? Please confirm in writing "
    "that there are none.",
    "tracking": "Which analytics, tracking or advertising cookies and SDKs run in the service pupils use, "
    "and can the school switch them off?",
    "rights_listed": "How do you help the school answer pupils' and parents' rights requests (access, "
    "rectification, erasure, restriction, portability, objection), and how quickly?",
    "complaint": "Will your privacy notice tell people they can complain to the ICO?",
    "contact": "Who is your Data Protection Officer or privacy contact, and how can the school reach them?",
    "changes": "How, and with how much notice, will you tell the school about changes to this policy or to "
    "your sub-processors?",
    "measures": "Which technical and organisational measures protect pupil data (encryption in transit and "
    "at rest, access control, staff training, testing)?",
    "certification": "Do you hold an independent security certification (ISO 27001, Cyber Essentials (Plus), "
    "SOC 2)? Please send the certificate.",
    "breach": "Will you tell the school about a personal data breach without undue delay, in time for the "
    "school to meet the ICO's 72-hour deadline?",
}


def supplier_question(question_key: str, question_text: str, answer_label: str, verdict: str) -> str:
    template = SUPPLIER_QUESTIONS.get(question_key)
    if isinstance(template, dict):
        template = template.get(verdict) or template.get("default")
    if template:
        return template
    if verdict == "not_stated":
        return f"The policy does not answer this: {question_text} Please answer it in writing."
    return (
        f"{question_text} The policy's answer is “{answer_label}”. Please explain, and say what you will "
        "commit to in the contract."
    )


def gaps(scores: list[ScoreData], find: _Found) -> list[Gap]:
    """Every rubric answer that is not stated, fair or bad, and every blocker, as a question."""
    out = []
    for s in scores:
        if s.dimension == "overall":
            for b in s.details.get("blockers") or []:
                if not isinstance(b, dict):
                    continue
                out.append(
                    Gap(
                        area="Red line",
                        question=f"{b.get('title', 'A red line applies')}: what will you change, or commit to "
                        "in the contract, so that this no longer applies?",
                        finding=str(b.get("reason") or b.get("title") or ""),
                        verdict="blocker",
                        rubric_question=str(b.get("title") or ""),
                        quotes=_quotes(b.get("evidence"), find),
                    )
                )
            continue
        for a in s.details.get("answers") or []:
            if not isinstance(a, dict) or a.get("verdict") not in GAP_VERDICTS:
                continue
            text, label, verdict = str(a.get("text", "")), str(a.get("label", "")), a["verdict"]
            out.append(
                Gap(
                    area=s.label,
                    question=supplier_question(str(a.get("question", "")), text, label, verdict),
                    finding=label or "Not stated",
                    verdict=verdict,
                    rubric_question=text,
                    quotes=_quotes(a.get("evidence"), find),
                )
            )
    order = {"blocker": 0, "bad": 1, "not_stated": 2, "fair": 3}
    return sorted(out, key=lambda g: order.get(g.verdict, 9))  # stable: rubric order within a verdict


def _quotes(positions, find: _Found) -> list[Quote]:
    out = []
    for i in positions or []:
        e = find.by_position.get(i) if isinstance(i, int) else None
        if e is not None and e.quote and all(q.text != e.quote for q in out):
            out.append(Quote(e.quote, e.review))
    return out[:QUOTES_PER_FACT]


# --------------------------------------------------------------------------- assembly


def build_dpia(
    vendor: VendorHead,
    summary: dict,
    evidence: list[Evidence],
    scores: list[ScoreData],
    *,
    generated_at: datetime,
) -> DpiaDocument:
    find = _Found(list(evidence))
    summary = summary if isinstance(summary, dict) else {}
    ordered = sorted(scores, key=lambda s: (s.dimension != "overall",))
    return DpiaDocument(
        vendor=vendor,
        generated_at=generated_at,
        sections=[make(summary, find) for make in SECTIONS],
        gaps=gaps(ordered, find),
        scores=[
            (s.label, f"{s.grade} ({s.points}/100)" if s.grade and s.points is not None else "N/A")
            for s in ordered
        ],
    )
