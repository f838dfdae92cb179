"""The PolicyLens rubric, as data.

Each Dimension holds Questions; each Question holds point-valued Options and an
``answer(summary, findings)`` function that picks one option and the findings that
support it. Blockers are red lines that cap the grade. The Methodology page renders
this module through :func:`comparisons.scoring.methodology`, so the page cannot drift
from the code. Change anything here -> bump RUBRIC_VERSION (stored analyses are then
re-scored from their summary and findings; nothing is re-extracted).

Scoring conventions
- "not_stated" is its own option, worth about 30% of the question (low-middle, not
  zero) and reported apart from "bad" answers.
- An "n/a" option (points None) removes the question from the denominator.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from . import _data as d
from .model import NA, NOT_STATED, BlockerRule, Dimension, Option, Question

RUBRIC_VERSION = "2026.11-1"

#: Lowest overall score (inclusive) for each grade, best first. Below the last -> "E".
GRADE_THRESHOLDS: tuple[tuple[str, int], ...] = (("A", 80), ("B", 65), ("C", 50), ("D", 35), ("E", 0))
GRADES: tuple[str, ...] = tuple(g for g, _ in GRADE_THRESHOLDS)

#: Used by contract_scores() for a dimension whose every question is N/A (the contract
#: wants a number): the same 30% a "not stated" answer earns.
NEUTRAL_SCORE = 30

SIX_YEARS_DAYS = 6 * 365  # the longest statutory record-keeping period suppliers usually cite
CORE_RIGHTS = ("access", "rectification", "erasure", "restriction", "portability", "objection")
UK_TRANSFER_MECHANISMS = ("adequacy", "uk_adequacy", "data_bridge", "idta", "uk_addendum", "bcr")
EU_ONLY_MECHANISMS = ("scc", "eu_scc", "sccs")
CERTIFICATIONS = (
    "certification",
    "iso27001",
    "iso_27001",
    "cyber_essentials",
    "cyber_essentials_plus",
    "soc2",
)
NOT_MEASURES = frozenset(CERTIFICATIONS) | {"breach_notification"}

Result = tuple[str, list[int]]
F = Sequence[Any]


def _not_stated(label: str = "Not stated", points: int = 3, explanation: str = "") -> Option:
    return Option(NOT_STATED, label, points, "not_stated", explanation or "The policy does not say.")


def _na(label: str) -> Option:
    return Option(NA, label, None, "n/a", "This question is left out of the score.")


def children_involved(summary: dict) -> bool:
    """Children are (or may well be) users: the policy says so, or describes children's data."""
    stance = d.stance(summary)
    if stance in d.DIRECTED:
        return True
    return stance != "not_directed" and bool(
        d.str_list(d.get(d.section(summary, "children"), "data_processed"))
    )


# =========================================================================== retention


def answer_retention_period(summary: dict, findings: F) -> Result:
    r = d.section(summary, "retention")
    if d.flag(r.get("indefinite")):
        return "indefinite", d.find(findings, "retention", ["indefinite"])
    periods = d.int_list(r.get("periods_days"))
    longest = d.as_int(r.get("max_days"))
    if longest is None and periods:
        longest = max(periods)
    if longest is not None:
        key = "bounded" if longest <= SIX_YEARS_DAYS else "long"
        return key, d.find(findings, "retention", ["period"])
    if d.flag(r.get("event_bound")):
        return "event_bound", d.find(findings, "retention", ["event_bound"])
    if d.flag(r.get("vague_statement")):
        return "vague", d.find(findings, "retention", ["vague"])
    return NOT_STATED, []


def answer_deletion(summary: dict, findings: F) -> Result:
    if d.flag(d.section(summary, "retention").get("deletion_on_request")):
        return "yes", d.find(findings, "retention", ["deletion"])
    return NOT_STATED, []


RETENTION = Dimension(
    key="retention",
    label="Data retention",
    weight=2.0,
    why=(
        "Pupil records outlive the school's use of a product unless the supplier commits to deleting "
        "them. Every year data is kept is another year it can be breached, repurposed or sold with "
        "the company."
    ),
    questions=(
        Question(
            key="retention_period",
            text="Does the policy say how long personal data is kept?",
            why=(
                "UK GDPR requires data to be kept no longer than necessary and the privacy notice to give "
                "the period, or the criteria for it. A school cannot meet its own retention schedule "
                "if it cannot tell how long the supplier keeps pupils' data."
            ),
            references=("UK GDPR Art. 5(1)(e)", "UK GDPR Art. 13(2)(a)", "ICO Children's Code std. 8"),
            options=(
                Option(
                    "bounded",
                    "Specific periods, none longer than six years",
                    20,
                    "good",
                    "Concrete periods are given and the longest is within six years.",
                ),
                Option(
                    "event_bound",
                    "Kept until a stated event, with no fixed period",
                    14,
                    "fair",
                    "E.g. 'until the school's contract ends' or 'until the account is closed'.",
                ),
                Option(
                    "long",
                    "Specific periods, some longer than six years",
                    10,
                    "fair",
                    "Periods are stated, but at least one is longer than six years.",
                ),
                Option(
                    "vague",
                    "Only 'as long as necessary' or similar",
                    6,
                    "bad",
                    "A restatement of the law, not a commitment a school can check.",
                ),
                Option(
                    "indefinite",
                    "Some personal data may be kept indefinitely",
                    0,
                    "bad",
                    "The policy allows personal data to be kept with no end date. Checked first: it "
                    "outranks any stated periods.",
                ),
                _not_stated(points=6),
            ),
            answer=answer_retention_period,
        ),
        Question(
            key="deletion",
            text="Does the supplier commit to deleting personal data on request or when the service ends?",
            why=(
                "When a pupil leaves or the school ends the contract, the school must be able to have "
                "the data deleted or returned; a processor must do so at the end of the service."
            ),
            references=("UK GDPR Art. 17", "UK GDPR Art. 28(3)(g)"),
            options=(
                Option("yes", "Deletion on request or at the end of the service is described", 10, "good"),
                _not_stated(),
            ),
            answer=answer_deletion,
        ),
    ),
)


# =========================================================================== children


def _children(summary: dict) -> dict:
    return d.section(summary, "children")


def answer_audience(summary: dict, findings: F) -> Result:
    stance = d.stance(summary)
    if stance == NOT_STATED:
        return NOT_STATED, []
    return stance, d.find(findings, "children", ["audience"])


def answer_authorisation(summary: dict, findings: F) -> Result:
    if d.stance(summary) == "not_directed":
        return NA, []
    c = _children(summary)
    school, parent = c.get("school_consent"), c.get("parental_consent")
    if d.flag(school) or d.flag(parent):
        kinds = [k for k, v in (("school_consent", school), ("parental_consent", parent)) if d.flag(v)]
        return "school_or_parent", d.find(findings, "children", kinds)
    if parent is False:
        return "no_consent", d.find(findings, "children", ["parental_consent"])
    return NOT_STATED, []


def answer_children_data(summary: dict, findings: F) -> Result:
    if d.stance(summary) == "not_directed":
        return NA, []
    c = _children(summary)
    has_data = bool(d.str_list(c.get("data_processed")))
    has_basis = bool(d.str_list(c.get("legal_basis")))
    kinds = (["data_processed"] if has_data else []) + (["legal_basis"] if has_basis else [])
    if has_data and has_basis:
        return "both", d.find(findings, "children", kinds)
    if has_data or has_basis:
        return "partial", d.find(findings, "children", kinds)
    return NOT_STATED, []


def answer_age_limit(summary: dict, findings: F) -> Result:
    if d.stance(summary) in d.DIRECTED:
        return NA, []
    if d.as_int(_children(summary).get("min_age")) is not None:
        return "stated", d.find(findings, "children", ["age_limit"])
    return NOT_STATED, []


_NOT_DIRECTED_NA = "Not applicable: the policy says the service is not intended for children"

CHILDREN = Dimension(
    key="children",
    label="Children's data",
    weight=2.0,
    why=(
        "Pupils cannot meaningfully agree to or police how an app uses their data, so the law expects "
        "suppliers to say plainly whether children use the service and how their data is protected."
    ),
    questions=(
        Question(
            key="audience",
            text="Does the policy say whether children use the service, and on whose authority?",
            why=(
                "Children merit specific protection. A clear statement tells the DPO which rules apply: "
                "the Children's Code for services likely to be accessed by children, or a plain "
                "'not for children' for back-office tools."
            ),
            references=("UK GDPR Recital 38", "ICO Children's Code std. 3 and 4"),
            options=(
                Option(
                    "directed_with_consent",
                    "Children are users, with school or parental authorisation described",
                    10,
                    "good",
                ),
                Option("not_directed", "States the service is not intended for children", 10, "good"),
                Option("directed", "Children are users, but no authorisation is described", 5, "fair"),
                _not_stated(),
            ),
            answer=answer_audience,
        ),
        Question(
            key="authorisation",
            text="Does the policy say who authorises the use of a child's data: the school or a parent?",
            why=(
                "For classroom tools the school is normally the controller and the lawful basis is its "
                "public task; for consumer services under-13s need a parent's consent. Either way the "
                "policy should say which, so the school knows what it is signing pupils up to."
            ),
            references=(
                "UK GDPR Art. 8",
                "Data Protection Act 2018 s. 9",
                "UK GDPR Art. 28",
                "ICO Children's Code std. 11",
            ),
            options=(
                Option(
                    "school_or_parent", "School authorisation or parental consent is described", 10, "good"
                ),
                Option(
                    "no_consent",
                    "Says parental consent is not sought, and no school authorisation is described",
                    2,
                    "bad",
                ),
                _not_stated(),
                _na(_NOT_DIRECTED_NA),
            ),
            answer=answer_authorisation,
        ),
        Question(
            key="children_data",
            text="Does the policy say what data about children is collected, and on what lawful basis?",
            why=(
                "Data minimisation is a standard of the Children's Code: a DPO must be able to check "
                "that only what the learning purpose needs is collected, and record the lawful basis "
                "in the school's own records."
            ),
            references=("UK GDPR Art. 6", "UK GDPR Art. 13(1)(c)", "ICO Children's Code std. 8"),
            options=(
                Option(
                    "both", "Both the children's data collected and the lawful basis are stated", 10, "good"
                ),
                Option("partial", "Only one of the two is stated", 6, "fair"),
                _not_stated(),
                _na(_NOT_DIRECTED_NA),
            ),
            answer=answer_children_data,
        ),
        Question(
            key="age_limit",
            text="If the service is not meant for children, does it set a minimum age?",
            why=(
                "'Not for children' only protects pupils if it is backed by an age limit the supplier "
                "applies; otherwise pupils who use it anyway fall outside every safeguard."
            ),
            references=("ICO Children's Code std. 3",),
            options=(
                Option("stated", "A minimum age is stated", 5, "good"),
                _not_stated(points=2),
                _na("Not applicable: the service is directed at children"),
            ),
            answer=answer_age_limit,
        ),
    ),
)


# =========================================================================== third parties


def _third(summary: dict) -> dict:
    return d.section(summary, "third_parties")


def _recipients(summary: dict) -> list[dict]:
    rec = _third(summary).get("recipients")
    return [r for r in rec if isinstance(r, dict)] if isinstance(rec, list) else []


def answer_recipients_named(summary: dict, findings: F) -> Result:
    t = _third(summary)
    if d.str_list(t.get("named")) or _recipients(summary):
        return "named", d.find(findings, "third_party_sharing", ["named_recipient"])
    if d.str_list(t.get("categories")):
        return "categories_only", d.find(findings, "third_party_sharing", ["category"])
    return NOT_STATED, []


def answer_recipient_purposes(summary: dict, findings: F) -> Result:
    recipients = _recipients(summary)
    if not recipients and not d.str_list(_third(summary).get("named")):
        return NA, []
    evidence = d.find(findings, "third_party_sharing", ["named_recipient"])
    with_purpose = [r for r in recipients if d.text(r.get("purpose"))]
    if recipients and len(with_purpose) == len(recipients):
        return "all", evidence
    if with_purpose:
        return "some", evidence
    return NOT_STATED, []


def answer_role(summary: dict, findings: F) -> Result:
    role = d.text(d.get(summary, "role"))
    if role not in ("controller", "processor", "both"):
        return NOT_STATED, []
    evidence = [
        i
        for i, f in enumerate(findings or ())
        if d.text(d.get(f, "kind")) in ("role", "controller", "processor")
    ]
    return role, evidence


THIRD_PARTIES = Dimension(
    key="third_parties",
    label="Third-party sharing",
    weight=2.0,
    why=(
        "Every organisation that receives pupils' data is another place it can leak or be misused. "
        "A school can only carry out due diligence on sub-processors it can name."
    ),
    questions=(
        Question(
            key="recipients_named",
            text="Does the policy name the organisations that receive personal data?",
            why=(
                "Names let the DPO check each sub-processor's own terms and location; 'trusted partners' "
                "does not. Suppliers acting for a school need its authorisation for sub-processors."
            ),
            references=("UK GDPR Art. 13(1)(e)", "UK GDPR Art. 28(2)", "ICO Children's Code std. 9"),
            options=(
                Option("named", "Recipients are named", 10, "good"),
                Option(
                    "categories_only", "Only categories of recipient (e.g. 'IT service providers')", 5, "fair"
                ),
                _not_stated(),
            ),
            answer=answer_recipients_named,
        ),
        Question(
            key="recipient_purposes",
            text="Does the policy say why each named recipient receives the data?",
            why=(
                "A named analytics or advertising partner is a very different risk from a hosting "
                "provider; without purposes the list cannot be assessed."
            ),
            references=("UK GDPR Art. 5(1)(b)", "UK GDPR Art. 13(1)(c)"),
            options=(
                Option("all", "Every named recipient has a stated purpose", 10, "good"),
                Option("some", "Some named recipients have a stated purpose", 6, "fair"),
                _not_stated("Recipients are named without purposes"),
                _na("Not applicable: no recipient is named"),
            ),
            answer=answer_recipient_purposes,
        ),
        Question(
            key="role",
            text="Does the supplier say whether it acts as the school's processor or as a controller?",
            why=(
                "As a processor the supplier may only use pupils' data on the school's instructions. As "
                "a controller it decides for itself how the data is used, and the school must assess "
                "that sharing separately."
            ),
            references=(
                "UK GDPR Art. 4(7)-(8)",
                "UK GDPR Art. 28",
                "DfE Data protection in schools guidance",
            ),
            options=(
                Option("processor", "Processor, acting on the school's instructions", 10, "good"),
                Option("both", "Processor for school data, controller for some other data", 6, "fair"),
                Option("controller", "Controller: the supplier decides how the data is used", 4, "fair"),
                _not_stated(),
            ),
            answer=answer_role,
        ),
    ),
)


# =========================================================================== transfers


def _safeguards(summary: dict) -> list[str]:
    return d.key_list(d.get(summary, "transfer_safeguards"))


def answer_transfers(summary: dict, findings: F) -> Result:
    value = d.text(d.get(summary, "international_transfers"))
    if value == "none":
        return "none", d.find(findings, "international_transfers", ["no_transfer"])
    if value == "with_safeguards":
        return "with_safeguards", d.find(findings, "international_transfers", ["transfer", "safeguard"])
    if value == "yes":
        return "yes", d.find(findings, "international_transfers", ["transfer"])
    return NOT_STATED, []


def answer_safeguard_mechanism(summary: dict, findings: F) -> Result:
    safeguards = _safeguards(summary)
    transfers = d.text(d.get(summary, "international_transfers"))
    evidence = d.find(findings, "international_transfers", ["safeguard"])
    if safeguards:
        if any(s in UK_TRANSFER_MECHANISMS for s in safeguards):
            return "uk_mechanism", evidence
        if any(s in EU_ONLY_MECHANISMS for s in safeguards):
            return "eu_only", evidence
        return "other", evidence
    if transfers in ("yes", "with_safeguards"):
        return NOT_STATED, []
    return NA, []


TRANSFERS = Dimension(
    key="transfers",
    label="International transfers",
    weight=1.0,
    why=(
        "Once pupils' data leaves the UK, UK law protects it only through the transfer mechanism the "
        "supplier uses; without one, foreign authorities and companies may access it freely."
    ),
    questions=(
        Question(
            key="transfers",
            text="Does personal data leave the UK, and if so, is it protected?",
            why=(
                "Transfers outside the UK are lawful only to 'adequate' countries or under appropriate "
                "safeguards, and the privacy notice must say which."
            ),
            references=("UK GDPR Art. 13(1)(f)", "UK GDPR Art. 44-46"),
            options=(
                Option("none", "States data stays in the UK or EEA", 10, "good"),
                Option("with_safeguards", "Transferred abroad, with safeguards named", 8, "good"),
                Option("yes", "Transferred abroad, with no safeguard named", 2, "bad"),
                _not_stated(),
            ),
            answer=answer_transfers,
        ),
        Question(
            key="safeguard_mechanism",
            text="Is the transfer mechanism one that is valid under UK law?",
            why=(
                "Since March 2024, EU Standard Contractual Clauses cover UK transfers only with the UK "
                "Addendum; the IDTA, UK adequacy regulations and binding corporate rules are the "
                "recognised routes."
            ),
            references=("UK GDPR Art. 45-47", "ICO International data transfer agreement and guidance"),
            options=(
                Option(
                    "uk_mechanism",
                    "A UK mechanism is named (adequacy, IDTA, UK Addendum or BCRs)",
                    10,
                    "good",
                ),
                Option("eu_only", "Only EU Standard Contractual Clauses, without the UK Addendum", 5, "fair"),
                Option(
                    "other", "Another basis (e.g. consent, or a scheme not recognised in the UK)", 2, "bad"
                ),
                _not_stated("Transfers described, no mechanism named"),
                _na("Not applicable: no transfer outside the UK/EEA is described"),
            ),
            answer=answer_safeguard_mechanism,
        ),
    ),
)


# =========================================================================== sale and ads


def _tri_answer(value: Any, findings: F, topic: str, yes_kinds: list[str], no_kinds: list[str]) -> Result:
    v = d.tristate(value)
    if v == d.YES:
        return "yes", d.find(findings, topic, yes_kinds)
    if v == d.NO:
        return "no", d.find(findings, topic, no_kinds)
    return NOT_STATED, []


def answer_sale(summary: dict, findings: F) -> Result:
    return _tri_answer(_third(summary).get("sells_data"), findings, "data_sale", ["sells"], ["does_not_sell"])


def answer_third_party_ads(summary: dict, findings: F) -> Result:
    return _tri_answer(
        _third(summary).get("third_party_ads"),
        findings,
        "advertising",
        ["third_party_ads"],
        ["no_third_party_ads"],
    )


def answer_tracking(summary: dict, findings: F) -> Result:
    v = d.tristate(_third(summary).get("tracking"))
    if v == d.YES:
        return "yes", d.find(findings, "advertising", ["tracking"])
    if v == d.NO:
        # the analyser has no dedicated "no tracking" kind; cite advertising findings that say so
        return "no", d.find(findings, "advertising", ["no_tracking", "tracking"])
    return NOT_STATED, []


SALE_AND_ADS = Dimension(
    key="sale_and_ads",
    label="Sale of data and advertising",
    weight=1.5,
    why=(
        "Pupils are a captive audience: the school chose the product, not the child. Selling their data "
        "or using it for advertising turns compulsory schoolwork into a commercial profile."
    ),
    questions=(
        Question(
            key="sale",
            text="Does the policy rule out selling personal data?",
            why=(
                "Selling data is a use no school could authorise for its pupils and is detrimental to "
                "children's interests under the Children's Code."
            ),
            references=("UK GDPR Art. 5(1)(b)", "ICO Children's Code std. 5 and 9"),
            options=(
                Option("no", "States personal data is not sold", 10, "good"),
                Option("yes", "Personal data may be sold", 0, "bad"),
                _not_stated(),
            ),
            answer=answer_sale,
        ),
        Question(
            key="third_party_ads",
            text="Does the policy rule out third-party advertising?",
            why=(
                "Advertising networks profile users across sites. The Children's Code expects profiling "
                "to be off by default, and children's data merits specific protection in marketing."
            ),
            references=("UK GDPR Recital 38", "UK GDPR Art. 21(2)", "ICO Children's Code std. 12"),
            options=(
                Option("no", "States there is no third-party advertising", 10, "good"),
                Option("yes", "Third-party advertising is used", 0, "bad"),
                _not_stated(),
            ),
            answer=answer_third_party_ads,
        ),
        Question(
            key="tracking",
            text="Does the policy rule out tracking users for analytics or advertising?",
            why=(
                "Tracking cookies and analytics SDKs send pupils' behaviour to third parties and need "
                "consent under PECR; in a school context that consent is hard to give freely."
            ),
            references=("PECR reg. 6", "ICO Children's Code std. 7 and 12"),
            options=(
                Option("no", "States users are not tracked", 10, "good"),
                Option("yes", "Users are tracked (e.g. analytics or advertising cookies)", 2, "bad"),
                _not_stated(),
            ),
            answer=answer_tracking,
        ),
    ),
)


# =========================================================================== rights


def _rights(summary: dict) -> list[str]:
    return d.key_list(d.get(summary, "user_rights"))


def answer_rights_listed(summary: dict, findings: F) -> Result:
    core = [r for r in CORE_RIGHTS if r in _rights(summary)]
    if not core:
        return NOT_STATED, []
    evidence = d.find_named_or_topic(findings, "user_rights", core)
    if len(core) >= 5:
        return "full", evidence
    if len(core) >= 3:
        return "partial", evidence
    return "minimal", evidence


def answer_complaint(summary: dict, findings: F) -> Result:
    if "complaint" in _rights(summary):
        return "yes", d.find_named(findings, "user_rights", ["complaint", "complain", "ico"])
    return NOT_STATED, []


def answer_contact(summary: dict, findings: F) -> Result:
    c = d.section(summary, "contact")
    if d.flag(c.get("dpo")):
        return "dpo", d.find_named_or_topic(findings, "contact", ["dpo"])
    if d.text(c.get("email")):
        return "email", d.find(findings, "contact")
    return NOT_STATED, []


def answer_changes(summary: dict, findings: F) -> Result:
    if d.tristate(d.section(summary, "policy_changes").get("notice")) == d.YES:
        return "notice", d.find(findings, "policy_changes")
    return NOT_STATED, []


RIGHTS = Dimension(
    key="rights",
    label="User rights and accountability",
    weight=1.0,
    why=(
        "Schools answer subject access requests from parents and pupils; they depend on the supplier to "
        "explain, and help honour, those rights."
    ),
    questions=(
        Question(
            key="rights_listed",
            text="Does the policy explain people's data-protection rights?",
            why=(
                "Counts the six core rights named (access, rectification, erasure, restriction, "
                "portability, objection). A processor must help the school respond to these requests."
            ),
            references=("UK GDPR Art. 13(2)(b)", "UK GDPR Art. 15-21", "UK GDPR Art. 28(3)(e)"),
            options=(
                Option("full", "Five or six of the core rights are explained", 10, "good"),
                Option("partial", "Three or four core rights are explained", 6, "fair"),
                Option("minimal", "Only one or two core rights are mentioned", 3, "bad"),
                _not_stated(),
            ),
            answer=answer_rights_listed,
        ),
        Question(
            key="complaint",
            text="Does the policy tell people they can complain to the ICO?",
            why=(
                "Parents and pupils must know they can go to the regulator if the supplier or school "
                "does not resolve a concern."
            ),
            references=("UK GDPR Art. 13(2)(d)", "UK GDPR Art. 77"),
            options=(
                Option("yes", "The right to complain to the ICO is stated", 10, "good"),
                _not_stated(),
            ),
            answer=answer_complaint,
        ),
        Question(
            key="contact",
            text="Is there a named privacy contact, ideally a Data Protection Officer?",
            why=(
                "The school's DPO needs a counterpart at the supplier to handle requests and incidents; "
                "a supplier processing children's data at scale will often need a DPO."
            ),
            references=("UK GDPR Art. 13(1)(a)-(b)", "UK GDPR Art. 37-39"),
            options=(
                Option("dpo", "A Data Protection Officer is given", 10, "good"),
                Option("email", "A privacy contact address is given, but no DPO", 7, "good"),
                _not_stated(),
            ),
            answer=answer_contact,
        ),
        Question(
            key="changes",
            text="Does the supplier say how it will notify changes to the policy?",
            why=(
                "A school's due diligence is only as current as the policy it read; suppliers should "
                "announce changes rather than rely on users re-reading the page."
            ),
            references=("UK GDPR Art. 12-13", "ICO Children's Code std. 4"),
            options=(
                Option("notice", "Notice of changes is promised", 5, "good"),
                _not_stated(points=2),
            ),
            answer=answer_changes,
        ),
    ),
)


# =========================================================================== security


def _security(summary: dict) -> list[str]:
    return d.key_list(d.get(summary, "security"))


def answer_security_measures(summary: dict, findings: F) -> Result:
    measures = sorted({s for s in _security(summary) if s not in NOT_MEASURES})
    if not measures:
        return NOT_STATED, []
    evidence = d.find_named_or_topic(findings, "security", measures)
    return ("several" if len(measures) >= 3 else "some"), evidence


def answer_certification(summary: dict, findings: F) -> Result:
    if any(s in CERTIFICATIONS for s in _security(summary)):
        return "yes", d.find_named(findings, "security", CERTIFICATIONS)
    return NOT_STATED, []


def answer_breach(summary: dict, findings: F) -> Result:
    if "breach_notification" in _security(summary):
        return "yes", d.find_named(findings, "security", ["breach_notification", "breach"])
    return NOT_STATED, []


SECURITY = Dimension(
    key="security",
    label="Security",
    weight=1.0,
    why=(
        "Education is one of the most targeted sectors for cyber attacks. The school remains "
        "accountable for pupils' data held by its suppliers."
    ),
    questions=(
        Question(
            key="measures",
            text="Does the policy describe concrete security measures?",
            why=(
                "Counts concrete measures named (e.g. encryption, access control, pseudonymisation, "
                "staff training). 'We take security seriously' gives a school nothing to check."
            ),
            references=("UK GDPR Art. 32",),
            options=(
                Option("several", "Three or more concrete measures", 10, "good"),
                Option("some", "One or two concrete measures", 6, "fair"),
                _not_stated(),
            ),
            answer=answer_security_measures,
        ),
        Question(
            key="certification",
            text="Is security independently certified (e.g. ISO 27001 or Cyber Essentials)?",
            why=(
                "Independent certification is evidence a school can verify; DfE's digital and technology "
                "standards point schools to Cyber Essentials."
            ),
            references=(
                "UK GDPR Art. 32(3), 42",
                "DfE Meeting digital and technology standards: cyber security",
            ),
            options=(
                Option("yes", "A certification is named", 10, "good"),
                _not_stated(),
            ),
            answer=answer_certification,
        ),
        Question(
            key="breach",
            text="Does the supplier commit to notifying data breaches?",
            why=(
                "A school has 72 hours to report a serious breach to the ICO; it can only do that if the "
                "supplier tells it promptly."
            ),
            references=("UK GDPR Art. 33-34",),
            options=(
                Option("yes", "Breach notification is promised", 10, "good"),
                _not_stated(),
            ),
            answer=answer_breach,
        ),
    ),
)


DIMENSIONS: tuple[Dimension, ...] = (
    RETENTION,
    CHILDREN,
    THIRD_PARTIES,
    TRANSFERS,
    SALE_AND_ADS,
    RIGHTS,
    SECURITY,
)


# =========================================================================== blockers


def _audience_evidence(findings: F) -> list[int]:
    return d.find(findings, "children", ["audience", "data_processed"])


def check_sells_childrens_data(summary: dict, findings: F) -> list[int] | None:
    if d.tristate(_third(summary).get("sells_data")) == d.YES and children_involved(summary):
        return sorted(set(d.find(findings, "data_sale", ["sells"]) + _audience_evidence(findings)))
    return None


def check_sells_data(summary: dict, findings: F) -> list[int] | None:
    if d.tristate(_third(summary).get("sells_data")) == d.YES and not children_involved(summary):
        return d.find(findings, "data_sale", ["sells"])
    return None


def check_ads_to_children(summary: dict, findings: F) -> list[int] | None:
    if d.tristate(_third(summary).get("third_party_ads")) == d.YES and children_involved(summary):
        return sorted(
            set(d.find(findings, "advertising", ["third_party_ads"]) + _audience_evidence(findings))
        )
    return None


def check_indefinite_childrens_data(summary: dict, findings: F) -> list[int] | None:
    if d.flag(d.section(summary, "retention").get("indefinite")) and children_involved(summary):
        return sorted(set(d.find(findings, "retention", ["indefinite"]) + _audience_evidence(findings)))
    return None


def check_unsafeguarded_transfers(summary: dict, findings: F) -> list[int] | None:
    if d.text(d.get(summary, "international_transfers")) == "yes" and not _safeguards(summary):
        return d.find(findings, "international_transfers", ["transfer"])
    return None


#: Checked in this order; every blocker that applies is reported, and the worst cap wins.
#: "Children involved" means the policy says children use the service, or (unless it says
#: it is not for children) describes data about children.
BLOCKERS: tuple[BlockerRule, ...] = (
    BlockerRule(
        key="sells_childrens_data",
        title="Sells personal data from a service used by children",
        cap="E",
        reason=(
            "Selling pupils' data cannot be in a child's best interests and no school could authorise "
            "it. No amount of good practice elsewhere offsets it."
        ),
        check=check_sells_childrens_data,
        references=("ICO Children's Code std. 1, 5 and 9",),
    ),
    BlockerRule(
        key="sells_data",
        title="Sells personal data",
        cap="D",
        reason="The policy allows personal data to be sold; any pupil data entered could be among it.",
        check=check_sells_data,
        references=("UK GDPR Art. 5(1)(b)",),
    ),
    BlockerRule(
        key="ads_to_children",
        title="Third-party advertising on a service used by children",
        cap="D",
        reason=(
            "Advertising networks profile their audience; the Children's Code expects profiling of "
            "children to be off by default and not used against their interests."
        ),
        check=check_ads_to_children,
        references=("ICO Children's Code std. 5 and 12", "UK GDPR Recital 38"),
    ),
    BlockerRule(
        key="indefinite_childrens_data",
        title="Keeps children's data indefinitely",
        cap="D",
        reason=(
            "Data kept with no end date follows a pupil into adulthood and cannot fit any school "
            "retention schedule; it breaches the storage-limitation principle."
        ),
        check=check_indefinite_childrens_data,
        references=("UK GDPR Art. 5(1)(e)", "ICO Children's Code std. 8"),
    ),
    BlockerRule(
        key="unsafeguarded_transfers",
        title="Transfers data abroad with no safeguard named",
        cap="C",
        reason=(
            "Transfers outside the UK need adequacy regulations or an appropriate safeguard; the "
            "policy describes transfers but names none."
        ),
        check=check_unsafeguarded_transfers,
        references=("UK GDPR Art. 44-46",),
    ),
)
