"""General facts: vendor name, last-updated date, controller/processor role, user rights, security
measures, policy-change notice, contact e-mail and DPO.

Findings use the contract's topics: ``user_rights``, ``security``, ``policy_changes`` (also kind
``last_updated``) and ``contact`` (kinds ``email``, ``dpo``, ``role``, ``vendor``).
"""
from __future__ import annotations

import re
from collections import Counter
from datetime import date

from ..types import Document, Finding, Segment
from . import EU_LEGAL_FORMS, body_segments, finding, norm

NEVER_VETOED: frozenset[str] = frozenset()

# ---------------------------------------------------------------- vendor name
# Nordic company forms ("Bitrunde AS", "Lärfabriken AB", "Koodi Oy"). "AS" is also an English word in capitals
# ("PROVIDED AS IS"), so these count only after a name written in mixed case.
_NORDIC_SUFFIX = r"AS|ASA|AB|A/S|ApS|Oy|Oyj|OÜ"
_SUFFIX = (r"(?:Ltd|Limited|LTD|LIMITED|ltd|Inc|INC|Incorporated|LLC|L\.L\.C|LLP|PLC|plc|Plc|Corp|Corporation|"
           r"GmbH|AG|S\.A|SAS|B\.V|BV|Pty|Pte|Co|Company|CIC|C\.I\.C|CIO|SCIO|Cyf|Cyfyngedig|Trust|Group|DAC|CLG|PBC|SE|"
           r"Teoranta|Unlimited Company|NPC|" + _NORDIC_SUFFIX +
           r"|" + EU_LEGAL_FORMS + r")\.?")
_CAPWORD = r"(?:[A-Z0-9][\w&'’.+-]*|[a-z]+[A-Z][\w]*)"  # "Acme", "123", "youHQ"
_CONNECT = r"(?:of|on|and|&|for|the|de|in)"
_COMPANY = re.compile(
    rf"\b(?P<name>{_CAPWORD}(?:[ \u00a0]+(?:{_CONNECT}[ \u00a0]+)?{_CAPWORD}){{0,5}})[ \u00a0,"
        rf"]+(?P<suf>{_SUFFIX})(?![\w])"
)
_DEFINED = re.compile(
    r"(?P<name>(?:[A-Z0-9][\w&'’.+-]*[ \u00a0]+){0,5}[A-Z0-9][\w&'’.+-]*)[ \u00a0]*\((?:together[^)]{0,40})?"
    r"[^)]{0,20}?[\"“'‘](?:we|us|our|the company|company)[\"”'’]",
    re.I,
)
# '(hereinafter "Lusoescola" or "we")', '("Radaloom", "we", "us")': the name the policy defines for itself
_HEREINAFTER = re.compile(
    r"\((?:(?:hereinafter|hereafter|henceforth)\s+(?:referred\s+to\s+as\s+|called\s+)?)?[\"“'‘](?P<name>[A-Z][\w&'’.+-]*"
    r"(?:\s+[A-Z][\w&'’.+-]*){0,3})[\"”'’]\s*(?:,|or|and)\s*[\"“'‘](?:we|us|our)[\"”'’]")
_TRADING_AS = re.compile(rf"\b(?:trading|trade|trades)\s+as\s+[\"“']?"
                         rf"(?P<name>{_CAPWORD}(?:[ \u00a0]+{_CAPWORD}){{0,3}})")
_INTRO = re.compile(
    r"(?:\b(?:we are|this (?:website|site|app|service|platform) is (?:owned|operated|run|provided) by|owned and "
    r"operated by|operated by|owned by|provided by|full name of legal entity:?|legal entity:?|welcome to(?: the)?|"
    r"company name:?|registered name:?|trading as|t/a|"
    # translated: "The Administrator of personal data is Liczydło spółka z ograniczoną odpowiedzialnością"
    r"(?:[Dd]ata[ \u00a0]+)?(?:[Cc]ontroller|[Aa]dministrator)[ \u00a0]+"
    r"(?:of[ \u00a0]+(?:your[ \u00a0]+|the[ \u00a0]+)?(?:personal[ \u00a0]+)?data[ \u00a0]+)?is)"
    r"[ \u00a0]+(?:the[ \u00a0]+)?)"
)
_INTRO_JUST_BEFORE = re.compile(rf"(?:{_INTRO.pattern})[\"“'‘(]?$")
_NOT_VENDOR = re.compile(
    r"^(?:google|facebook|meta|amazon|amazon web services|microsoft|apple|twitter|linkedin|mailchimp|stripe|paypal|"
    r"salesforce|hubspot|zendesk|intercom|hm revenue|information commissioner|the information|data protection|"
    r"privacy|cookie|the|our|this|your|personal|general|terms|united|european|uk|us|eu)\b",
    re.I,
)
_STOP_LEAD = {"the", "a", "an", "our", "your", "this", "that", "welcome", "we", "are", "by", "to", "and", "of",
              "at", "for", "on", "in", "with", "from", "as", "is", "privacy", "policy", "notice", "about", "if",
              "please", "all", "any", "copyright", "©"}


def _clean_name(name: str) -> str:
    words = name.replace("\u00a0", " ").split()
    while words and (words[0].lower() in _STOP_LEAD or not words[0][:1].isalnum()):
        words.pop(0)
    return " ".join(words).strip(" ,.'’\"“”")


_POLICY_TITLE = r"(?:privacy|data protection)(?:\s+(?:policy|notice|statement))?"
_TITLE_BESIDE_NAME = re.compile(rf"(?i:(?P<a>[^\s:|–—-][^:|–—]*?)\s*[-–—:|]\s*{_POLICY_TITLE}|"
                                rf"{_POLICY_TITLE}\s*[-–—:|]\s*(?P<b>[^\s:|–—-][^:|–—]*))|"
                                # "Pennywhistle privacy policy": a name, then the title with no mark between
                                r"(?P<c>[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,2})\s+(?i:(?:privacy|data\s+protection)\s+"
                                r"(?:policy|notice|statement))")
# words a title puts before "privacy policy" that name its readers or its kind, not the vendor
_TITLE_NOT_NAME = {"website", "our", "the", "this", "children's", "childrens", "pupil", "pupils", "student", "students",
                   "staff", "parent", "parents", "candidate", "customer", "customers", "app", "online", "general",
                   "full", "short", "cookie", "cookies", "school", "schools", "employee", "applicant", "uk", "eu",
                   "global", "summary", "user", "users", "visitor", "visitors", "platform", "service", "services"}


# a one-person app: "Chalkling is made by me, Tom Adeyemi", "Ottertally is built and run by me"; a sole trader's name:
# "Marram Psychology is the name I work under", "... is my trading name", "Knightfork Chess is me, Daniel Okonjo"
_MADE_BY_ME = re.compile(r"(?P<name>(?!(?:It|This|That|The|Our|My)\b)[A-Z][\w.-]+(?:[ \u00a0][A-Z][\w.-]+){0,2})"
                         r"[ \u00a0]+is[ \u00a0]+"
                         r"(?:(?:made|built|written|developed|created|run)(?:[ \u00a0]+and[ \u00a0]+\w+)?"
                         r"[ \u00a0]+by[ \u00a0]+me\b|"
                         r"the[ \u00a0]+(?:business[ \u00a0]+|trading[ \u00a0]+)?name[ \u00a0]+"
                         r"I[ \u00a0]+(?:work|trade|practise|practice|operate)[ \u00a0]+under\b|my[ \u00a0]+"
                         r"(?:trading|business)[ \u00a0]+name\b|me(?=[ \u00a0]*,[ \u00a0]*[A-Z]))")


def _title_name(doc: Document) -> tuple[str | None, Segment | None]:
    """A policy with no company form or "we" definition: its title line in capitals, if the text also writes it as a
    name ("STAVEWELL MUSIC EXAMINATIONS" ... "Stavewell Music Examinations is the operating name of ...")."""
    first = next((s for s in doc.segments if s.text.strip()), None)
    if first is None or len(first.text.split()) > 6:
        return None, None
    # "Bumblecount - Privacy Policy", "Privacy notice: Kitehill Clubs": the name beside the document's own title
    named = _TITLE_BESIDE_NAME.fullmatch(first.text.strip())
    if named:
        name = named.group("a") or named.group("b") or named.group("c")
        words = name.split()
        if len(words) <= 4 and all(w[:1].isupper() and w.lower() not in _TITLE_NOT_NAME for w in words) and \
                doc.text.count(name) >= 3:
            return name, first
        return None, None
    if re.search(r"(?i)privacy|policy|notice|cookie", first.text):
        return None, None
    name = " ".join(w.capitalize() if w.isupper() else w for w in first.text.split())
    return (name, first) if name != first.text.strip() and name in doc.text else (None, None)


def vendor_name(doc: Document) -> tuple[str | None, Segment | None]:
    text_len = max(1, len(doc.text))
    scores: Counter[str] = Counter()
    where: dict[str, Segment] = {}
    forms: dict[str, Counter[str]] = {}
    for seg in doc.segments:
        t = seg.text
        pos_bonus = 1.5 if seg.start < text_len * 0.25 else 1.0
        cands: list[tuple[str, float]] = []
        for m in _COMPANY.finditer(t):
            name = _clean_name(m.group("name"))
            suf = m.group("suf")
            if not name or suf.lower().rstrip(".") in ("group", "company", "trust", "co") and len(name.split()) < 1:
                continue
            if re.fullmatch(_NORDIC_SUFFIX, suf) and name.upper() == name and suf.upper() == suf:
                continue  # "SUCH AS", "DATA AB": capitals all through (not "BOGORM ApS")
            # "ltd" is written "Ltd"; a dotted form stays as written ("s.r.o.", "sp. z o.o.")
            full = f"{name} {suf[0].upper() + suf[1:] if suf.islower() and '.' not in suf[:-1] else suf}".strip()
            w = 1.0
            before = t[max(0, m.start() - 60) : m.start()]
            product = re.search(r"\b(?P<p>[A-Z][\w-]+)\s+(?:is|are)\s+(?:provided|operated|owned|run)\s+by\s+$", before)
            # the intro right before the name ("operated by Acme Ltd"), not earlier in the sentence ("my email is
            # provided by Proton (Proton AG, Switzerland)")
            if _INTRO_JUST_BEFORE.search(before) and not re.search(
                    r"(?i)\b(?:officer|dpo|representative|support|hosting|services?|e-?mail|payments?|analytics)\s+"
                    r"(?:is\s+|are\s+)?provided\s+by\s+$|"
                    r"\bour\s+(?:\w+\s+)?(?:system|platform|software|tool|app|database)\s+is\s+[^.]{0,40},\s+provided\s+by\s+$",
                    before) and not (product and product.group("p") not in ("This", "It", "The") and
                                     product.group("p").lower() not in name.lower()):
                w += 4.0  # (not "Our data protection officer is provided by Nordlys Compliance ApS", nor "Our booking
                # system is Tourwise Cloud, provided by Peakstone Systems Ltd", nor a supplier's product: "Freshdesk
                # is provided by Freshworks Inc.")
            after = t[m.end() : m.end() + 60]
            if re.match(r"[ \u00a0]*\((?:[^)]{0,40})?[\"“'‘](?:we|us|our)", after, re.I) or re.match(
                    r"[ \u00a0]*\((?:company|registration|registered|reg\.?|CVR|KvK|RCS|SIRE[NT]|org\.?[ -]?nr|HRB|"
                    r"NIP|REGON|I[ČC]O)\b", after, re.I):
                w += 4.0
            if re.match(r"[ \u00a0]+(?:is|are|acts?)[ \u00a0]+(?:the|a)[ \u00a0]+(?:data[ \u00a0]+)?controller", after):
                w += 3.0
            if suf.lower().rstrip(".") in ("group", "company", "trust"):
                full = f"{name} {suf}"
                w *= 0.6
            cands.append((full, w))
        for m in _DEFINED.finditer(t):
            name = _clean_name(m.group("name"))
            # (a capital or a digit first: "section C, insert 106432 (the "Operator" or "we")" defines no name)
            if name and len(name) > 1 and (name[0].isupper() or name[0].isdigit()) and \
                    not re.search(r"\([\"“'‘][A-Z]", m.group(0)):
                cands.append((name, 4.0))  # unless the brackets define a name of their own (below)
        for m in _HEREINAFTER.finditer(t):  # translated: '(hereinafter "Lusoescola" or "we")'
            cands.append((m.group("name"), 4.0))
        for m in _MADE_BY_ME.finditer(t):  # a sole trader: "Chalkling is made by me, Tom Adeyemi"
            cands.append((m.group("name"), 4.0))
        for m in _TRADING_AS.finditer(t):  # a sole trader: "I run it as a sole trader, trading as Glenspell"
            if not _COMPANY.search(t[max(0, m.start() - 80) : m.start()]):  # not "Harbourside Software Ltd, trading as"
                cands.append((_clean_name(m.group("name")), 4.0))
        for m in _INTRO.finditer(t):
            rest = t[m.end() : m.end() + 80]
            mm = re.match(rf"(?P<n>{_CAPWORD}(?:[ \u00a0]+(?:{_CONNECT}[ \u00a0]+)?{_CAPWORD}){{0,4}})", rest)
            if mm and "welcome" in m.group(0).lower():
                n = _clean_name(mm.group("n"))
                n = re.sub(r"(?i)\s+(?:privacy|website|site|app|platform)\b.*$", "", n)
                if n:
                    cands.append((n, 1.5))
        for full, w in cands:
            if _NOT_VENDOR.match(full) or len(full) < 2 or len(full) > 60:
                continue
            key = re.sub(r"[^a-z0-9 ]", "", full.lower())
            key = re.sub(r"\b(?:ltd|limited|inc|llc|plc|corp|corporation|co|company|group)\b", "", key).strip()
            key = " ".join(key.split())
            if not key:
                continue
            scores[key] += w * pos_bonus
            forms.setdefault(key, Counter())[full] += w
            where.setdefault(key, seg)
    if not scores:
        return _title_name(doc)
    key, _ = scores.most_common(1)[0]
    return forms[key].most_common(1)[0][0], where[key]


# ---------------------------------------------------------------- dates
_MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"], 1)}
_MONTHS.update({k[:3]: v for k, v in list(_MONTHS.items())})
_MONTHS["sept"] = 9
_MON = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|"
        r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_DATE_PATTERNS = [
    ("dmy", re.compile(rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?[ \u00a0-]+(?:of[ \u00a0]+)?(?P<m>{_MON})[ \u00a0,"
                       rf"-]+(?P<y>\d{{4}})\b", re.I)),
    ("mdy", re.compile(rf"\b(?P<m>{_MON})[ \u00a0]+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?[ \u00a0]+"
                       rf"(?P<y>\d{{4}})\b", re.I)),
    ("iso", re.compile(r"\b(?P<y>\d{4})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})\b")),
    # (Czech and Slovak write "1. 2. 2025", spaced, always with the full year)
    ("num", re.compile(r"\b(?P<a>\d{1,2})(?:[/.-]|\.[ \u00a0](?=\d{1,2}\.[ \u00a0]\d{4}\b))(?P<b>\d{1,2})"
                       r"(?:[/.-]|\.[ \u00a0](?=\d{4}\b))(?P<y>\d{4}|\d{2})\b")),
    ("my", re.compile(rf"\b(?P<m>{_MON})[ \u00a0,]+(?P<y>\d{{4}})\b", re.I)),
]
_UPDATED = re.compile(
    r"\b(?:last\s+(?:updated|updating|modified|revised|amended|reviewed|changed|edited)|"
    r"(?:date\s+of\s+(?:the\s+)?)?last\s+(?:update|revision|review|amendment|modification|change)|updated|revised|"
    r"amended|approved|"
    r"effective(?:\s+date|\s+from|\s+as\s+of|\s+on)?|valid\s+(?:from|as\s+of|since)|"
    r"(?:this\s+)?version\s+(?:date|dated|of|was)|version|date\s+of\s+issue|issued|date(?:d)?|policy\s+date|"
    r"published|as\s+of|came\s+into\s+effect|in\s+effect|in\s+force\s+(?:from|as\s+of)|entry\s+into\s+force|"
    r"reviewed|status|"
    r"edition(?:\s+of)?)\b",
    re.I,
)


def is_date(s: str) -> bool:
    """Whether ``s`` is a date and nothing else ("August 22, 2012", "01/09/2025", "March 2026")."""
    return any(rx.fullmatch(s.rstrip(".")) for _, rx in _DATE_PATTERNS)


def _year(y: str) -> int:
    v = int(y)
    return v + 2000 if v < 100 else v


def _parse_date(s: str, day_first: bool) -> tuple[str, int] | None:
    """(ISO string, position) of the first date in s."""
    best = None
    for kind, rx in _DATE_PATTERNS:
        for m in rx.finditer(s):
            try:
                if kind in ("dmy", "mdy"):
                    mo = _MONTHS[m.group("m").lower().rstrip(".")[:4] if m.group("m").lower().startswith("sept")
                                 else m.group("m").lower().rstrip(".")[:3]]
                    d = date(int(m.group("y")), mo, int(m.group("d")))
                    iso = d.isoformat()
                elif kind == "iso":
                    iso = date(int(m.group("y")), int(m.group("m")), int(m.group("d"))).isoformat()
                elif kind == "num":
                    a, b, y = int(m.group("a")), int(m.group("b")), _year(m.group("y"))
                    if a > 12:
                        d, mo = a, b
                    elif b > 12:
                        mo, d = a, b
                    else:
                        d, mo = (a, b) if day_first else (b, a)
                    iso = date(y, mo, d).isoformat()
                else:
                    mo = _MONTHS[m.group("m").lower().rstrip(".")[:3]]
                    y = int(m.group("y"))
                    if not 1990 <= y <= 2100:
                        continue
                    iso = f"{y:04d}-{mo:02d}"
            except (ValueError, KeyError):
                continue
            if not 1990 <= int(iso[:4]) <= 2100:
                continue
            if best is None or m.start() < best[1]:
                best = (iso, m.start())
        if best is not None and kind in ("dmy", "mdy", "iso", "num"):
            pass
    return best


_NUMERIC_DATE = re.compile(r"\b(?P<a>\d{1,2})(?:/(?P<b>\d{1,2})/(?:\d{4}|\d{2})|[.-](?P<b2>\d{1,2})[.-]\d{4})\b")


# the vendor's own company form says where the policy was written: a US "Inc." writes month first even in its UK
# supplement, a "Ltd" day first even when it lists US sub-processors
_US_FORM = re.compile(r"[\s,](?:Inc|LLC|L\.L\.C|Corp|Corporation|Incorporated|PBC)\.?$")
_UK_FORM = re.compile(r"[\s,](?:Ltd|Limited|plc|PLC|LLP|CIC|C\.I\.C|Cyf)\.?$")


def _us_document(doc: Document, vendor: str | None = None) -> bool:
    if vendor and (_US_FORM.search(vendor) or _UK_FORM.search(vendor)):
        return bool(_US_FORM.search(vendor))
    t = doc.text[:200000].lower()
    # a UK school's words count too ("pupil", "England"): a UK policy that names US sub-processors is still UK
    us = sum(t.count(w) for w in ("california", "ccpa", "coppa", "united states", " u.s.", "color", "ferpa", "$",
                                  "school district", "zip code"))
    uk = sum(t.count(w) for w in ("gdpr", "united kingdom", " uk ", "ico", "£", "organisation", "data protection act",
                                  "pupil", "england", "wales", "scotland", "postcode", "ofsted"))
    return us > uk


# (also after the version it names: "Supersedes: Issue 4, dated 03/05/2022")
# (translated: "Precedent version: 12/09/2023")
_NOT_CURRENT_BEFORE = re.compile(r"\b(?:previous|prior|precedent|preceding|earlier|old|superseded|supersedes:?|"
                                 r"replaced|replaces:?|"
                                 r"original|first|review|expiry|renewal)\s+(?:the\s+)?(?:(?:issue|version|v)\.?\s*"
                                 r"[\d.]+,?\s+)?$", re.I)
_NEXT_REVIEW = re.compile(r"\b(?:next\s+review|review\s+(?:date|due)|due\s+for\s+review|to\s+be\s+reviewed|expir\w*)\b",
                          re.I)


def _day_first(doc: Document, vendor: str | None = None) -> bool:
    """Are the document's numeric dates day first? Its own unambiguous dates say so ("Previous version: 15/09/2022"
    is day first, "01/15/2023" month first); without them, a US document writes month first."""
    day = month = 0
    for m in _NUMERIC_DATE.finditer(doc.text[:200000]):
        a, b = int(m.group("a")), int(m.group("b") or m.group("b2"))
        day += a > 12 and 1 <= b <= 12
        month += b > 12 and 1 <= a <= 12
    if day != month and not (day and month):
        return day > month
    return not _us_document(doc, vendor)


def last_updated(doc: Document, vendor: str | None = None) -> tuple[str | None, Segment | None]:
    day_first = _day_first(doc, vendor)
    best: tuple[float, str, Segment] | None = None
    n = len(doc.segments)
    for i, seg in enumerate(doc.segments):
        t = seg.text
        # every label in the segment: "Published 3 March 2022 · Updated 17 June 2024" names two dates
        stale_until = -1
        for m in _UPDATED.finditer(t):
            if m.start() <= stale_until:
                continue  # "The previous version was dated 14/09/2023": one label, already judged not current
            kw = m.group(0).lower()
            after = t[m.start() :]
            parsed = _parse_date(after[:120], day_first)
            if parsed is None and i + 1 < n and m.start() < 5 and not t[m.end():].strip(" :\t-–"):
                # a label ("Last updated:") over its date; not a table row ending "Annex 1 updated" above the next
                # row's date, nor a version table's header ("Version  Date  Summary") above its first row
                nxt = doc.segments[i + 1].text[:60]
                parsed = _parse_date(nxt, day_first)
            if parsed is None:
                continue
            iso, pos = parsed
            if pos > 60:
                continue
            if kw.startswith("in force") and re.search(r"\b(?:regulation|act|gdpr|law|directive|code)\b[^.]{0,30}$",
                                                       t[max(0, m.start() - 40) : m.start()], re.I):
                continue  # "the Regulation (EU) 2016/679, in force from 25 May 2018": a law's date, not the policy's
            if _NOT_CURRENT_BEFORE.search(t[max(0, m.start() - 25) : m.start()]) or \
                    _NEXT_REVIEW.search(after[: pos + 1]):
                stale_until = m.start() + pos
                continue  # "Previous version: 11/09/2022", "Review date: 01/07/2025": not when this version was made
            kw = re.sub(r"^date\s+of\s+(?:the\s+)?", "", kw)
            dated = ("updated", "effective", "revised", "approved", "issue", "valid")
            score = 3.0 if kw.startswith("last") else 2.0 if kw.startswith(dated) else 1.0
            score -= pos / 100
            if kw.startswith(("date", "version", "published", "as of")) and len(t) > 120:
                score -= 1.0
            # of two dates with labels of equal weight (as near their labels), the later is the last update
            # ("Issued: 12 March 2023" / "Revised: 27/01/2025")
            if best is None or score > best[0] + 0.1 or abs(score - best[0]) <= 0.1 and iso > best[1]:
                best = (score, iso, seg)
    if best is None:
        return None, None
    return best[1], best[2]


# ---------------------------------------------------------------- role
_WE = r"(?:we|us|our\s+company|the\s+company|{vendor})"
_CONTROLLER = r"(?:data\s+)?controllers?|(?:data\s+)?controllers?\s+in\s+common"
_ROLE_RX = r"\b{we}\s*(?:(?:is|are|am|act|acts|acting|will\s+be|will\s+act|shall\s+be|operate|may\s+be|may\s+act|" \
           r"remain|remains)\s+)+(?:as\s+)?(?:both\s+)?(?:the|a|an|joint)?\s*['\"]?(?P<role>data\s+controller|" \
           r"controller|data\s+processor|processor|sub-?processor|service\s+provider|data\s+fiduciary)"


def _role_findings(doc: Document, vendor: str | None) -> list[Finding]:
    base = re.sub(r"[\s,]+(?:ltd|limited|inc|llc|plc|corp|corporation|gmbh)\.?$", "", norm(vendor)) if vendor else ""
    v = re.escape(base) if base else "(?!x)x"
    short = re.escape(norm(vendor).split()[0]) if vendor and norm(vendor).split() else "(?!x)x"
    corp = r"(?:\s*,?\s+(?:ltd|limited|inc|llc|plc|corp|corporation|gmbh)\.?)?"
    rx = re.compile(_ROLE_RX.format(we=_WE.format(vendor=f"{v}{corp}|{short}")))
    alt = re.compile(
        r"\b(?:for\s+the\s+purposes?\s+of\s+[^.]{0,80},?\s*)?(?:we|the\s+company)\s+(?:is|are)\s+(?:both\s+)?"
        r"(?:the\s+)?(?:data\s+)?controller\s+and\s+(?:a\s+|the\s+)?(?:data\s+)?processor"
    )
    proc_for = re.compile(
        r"\b(?:process|processing|handle)\s+(?:\w+\s+){0,4}(?:data|information)\s+(?:\w+\s+){0,3}on\s+behalf\s+of\s+"
        r"(?:the\s+|our\s+|your\s+)?(?:schools?|customers?|clients?|educational|institutions?|districts?|organi[sz]ations?)"
        r"|\b(?:school|customer|client|institution|district)s?\s+(?:is|are|remains?|will\s+be)\s+(?:the\s+)?"
        r"(?:data\s+)?controllers?\b"
    )
    out: list[Finding] = []
    for seg in body_segments(doc):
        t = norm(seg.text)
        if "controller" not in t and "processor" not in t and "service provider" not in t and "behalf" not in t:
            continue
        roles = set()
        for m in rx.finditer(t):
            r = m.group("role")
            if "controller" in r or "fiduciary" in r:
                roles.add("controller")
            elif "processor" in r or "service provider" in r:
                roles.add("processor")
        if alt.search(t):
            roles |= {"controller", "processor"}
        if not roles and proc_for.search(t) and re.search(r"\b(?:we|us|our)\b", t):
            roles.add("processor")
        for r in sorted(roles):
            out.append(finding(seg, "contact", "role", {"role": r}, "general.role", 0.85))
    return out


# ---------------------------------------------------------------- rights, security, changes, contact
_RIGHTS = [
    ("access", r"\bright\s+(?:of|to)\s+(?:request\s+)?access|\bsubject\s+access|request\s+access\s+to|"
               r"access\s+(?:to\s+)?(?:a\s+copy\s+of\s+)?(?:your|the)\s+(?:personal\s+)?(?:data|information)|request\s+a\s+copy|obtain\s+a\s+copy|right\s+to\s+know|can\s+access\s+(?:and\s+\w+\s+)?(?:any|your|the)\s+(?:personal\s+)?(?:data|information)"),
    ("rectification", r"\brectif\w*|\bright\s+to\s+correct|correct(?:ion)?\s+(?:of\s+)?(?:any\s+)?(?:inaccurate|"
                      r"incomplete|your|the)|request\s+correction|(?:amend|update)\s+(?:any\s+)?(?:your\s+)?(?:inaccurate|personal)|access\s+and\s+amend"),
    ("erasure", r"\berasure|\bright\s+to\s+be\s+forgotten|\bright\s+to\s+(?:delete|deletion)|(?:ask|"
                r"request)\s+(?:us\s+)?(?:to\s+)?(?:delete|erase|remove)|request\s+(?:the\s+)?deletion|remove\s+your\s+information\s+completely|\b(?:erase|delete)\s+(?:your|the|any|all)\s+(?:personal\s+)?(?:data|information)"),
    ("restriction", r"\brestrict(?:ion)?\s+(?:of\s+)?(?:the\s+)?processing|\bright\s+to\s+restrict"),
    ("portability", r"\bportability|\bmachine-readable|"
                    r"transfer\s+(?:of\s+)?your\s+personal\s+data\s+to\s+(?:you\s+or\s+)?(?:a\s+third|another)"),
    ("objection", r"\bright\s+to\s+object|\bobject\s+to\s+(?:the\s+|certain\s+|our\s+|this\s+)?(?:processing|use)|"
                  r"\bobject\s+to\s+processing"),
    ("withdraw_consent", r"\bwithdraw\w*\s+(?:your\s+)?consent|\brevoke\s+(?:your\s+)?consent"),
    ("complaint", r"\b(?:lodge|make|file|raise)\s+a\s+complaint|\bright\s+to\s+complain|(?:complain|"
                  r"complaint)\s+(?:to|with)\s+(?:the\s+)?(?:ico|information\s+commissioner|supervisory|data\s+protection\s+authority|a\s+supervisory|your\s+local)|entitled\s+to\s+complain"),
    ("automated_decisions", r"\bautomated\s+(?:individual\s+)?(?:decision|processing)|\bprofiling"),
    ("opt_out_sale", r"\bopt[- ]out\s+of\s+(?:the\s+)?sale|do\s+not\s+sell\s+my"),
    ("non_discrimination", r"\bnon-?discrimination|not\s+discriminate\s+against\s+you"),
]
_RIGHTS_RX = [(n, re.compile(r)) for n, r in _RIGHTS]
_SECURITY = [
    ("encryption", r"\bencrypt\w*|\bssl\b|\btls\b|\bhttps\b(?!://)|secure\s+socket"),
    ("access_control", r"\b(?:limit|restrict)\w*\s+access|access\s+controls?|need[- ]to[- ]know|"
                       r"business\s+need\s+to\s+know|role-based|authori[sz]ed\s+(?:personnel|staff|employees)\s+only|only\s+(?:authori[sz]ed|those)\s+(?:\w+\s+){0,3}(?:can|who\s+need)\s+access|access\s+is\s+logged|all\s+such\s+access\s+is\s+logged"),
    ("staff_training", r"\btrain(?:ed|ing)\b[^.]{0,60}\b(?:data|privacy|security|protection|rights|confidential)|"
                       r"\b(?:staff|employees|personnel)\b[^.]{0,60}\btrain(?:ed|ing)\b"),
    ("certification", r"\biso\s*/?\s*(?:iec\s*)?27001|\bcyber\s+essentials|\bsoc\s*2|\bsoc\s+ii|\bpci[- ]dss|"
                      r"\biso\s*27018|\bcertifi(?:ed|cation)\b[^.]{0,40}\b(?:security|iso|standard)"),
    ("pseudonymisation", r"\bpseudonymi[sz]\w*"),
    ("breach_notification", r"\b(?:personal\s+)?data\s+breach|\bsecurity\s+breach[^.]{0,80}\bnotif|"
                            r"\bnotify\s+you[^.]{0,80}\bbreach"),
    ("confidentiality", r"\bduty\s+of\s+confidentiality|confidentiality\s+(?:agreements?|obligations?)"),
    ("firewalls", r"\bfirewalls?\b|intrusion\s+detection"),
    ("testing_audit", r"\bpenetration\s+test\w*|\bvulnerability\s+(?:scan|test|assess)\w*|security\s+audits?"),
    ("authentication", r"\btwo[- ]factor|\bmulti[- ]factor|\b2fa\b|\bmfa\b"),
    ("backups", r"\bbackups?\b|\bback-ups?\b"),
    ("secure_servers", r"\bsecure\s+(?:servers?|data\s+cent(?:re|er)s?|facilities)"),
    ("appropriate_measures", r"\b(?:appropriate|reasonable|industry[- ]standard|"
                             r"suitable)\s+(?:technical\s+and\s+organi[sz]ational\s+|physical,?\s+(?:electronic|technical),?\s+and\s+(?:managerial|administrative)\s+|administrative,?\s+technical,?\s+and\s+physical\s+)?(?:security\s+)?(?:measures|safeguards|procedures|steps)"),
]
_SECURITY_RX = [(n, re.compile(r)) for n, r in _SECURITY]
_CHANGE = re.compile(
    r"\b(?:(?:we|us)\s+(?:may|will|might|can|reserve\s+the\s+right\s+to|could)\s+(?:\w+\s+){0,3}(?:change|update|"
    r"amend|modify|revise|alter)\w*\s+(?:\w+\s+){0,2}(?:this|our|the)\s+(?:\w+\s+){0,2}(?:policy|notice|statement)|"
    r"changes?\s+(?:we\s+(?:may\s+)?make\s+)?(?:to|in)\s+(?:this|our|the)\s+(?:\w+\s+){0,2}(?:policy|notice|statement)|"
    r"(?:policy|notice|statement)\s+(?:may|will)\s+(?:be\s+)?(?:change|update|amend|modif|revis)\w*|"
    r"(?:keep|kept)\s+(?:our|this)\s+(?:\w+\s+){0,2}(?:policy|notice)\s+under\s+(?:regular\s+)?review|"
    r"updated\s+(?:version|policy|notice)|historic\s+versions)"
)
_HOW = [
    ("email", re.compile(r"\b(?:by|via|through|an?)\s+(?:e-?mail|email\s+notification)|notif\w+\s+(?:\w+\s+){0,"
                         r"4}e-?mail|send\s+you\s+(?:an?\s+)?(?:e-?mail|notice)")),
    ("website", re.compile(r"\b(?:post\w*|publish\w*|display\w*|place\w*)\s+(?:\w+\s+){0,4}(?:on|at)\s+(?:this|"
                           r"our|the)\s+(?:page|website|site|web\s*site|app|services?|homepage)|posted\s+(?:here|on\s+this\s+page)|notice\s+on\s+(?:our|the|this)\s+(?:website|site|page)")),
    ("in_app", re.compile(r"\bin-app\s+(?:notice|notification|message)|notification\s+(?:in|within|"
                          r"through)\s+the\s+(?:app|service|platform)")),
    ("notify", re.compile(r"\b(?:notify|inform|tell|alert)\s+you|provide\s+(?:you\s+with\s+)?(?:notice|"
                          r"notification)|let\s+you\s+know")),
]
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
_PROTECTED = re.compile(r"\[email[\s\u00a0]*protected\]", re.I)
_DPO = re.compile(r"\bdata\s+protection\s+officer|\bdpo\b", re.I)


def find(doc: Document, vendor_name_: str | None = None) -> list[Finding]:
    out: list[Finding] = []
    out.extend(_role_findings(doc, vendor_name_))
    for seg in body_segments(doc):
        t = norm(seg.text)
        ctx = t if not seg.lead else f"{t} {norm(seg.lead)}"
        rights = [n for n, rx in _RIGHTS_RX if rx.search(t)]
        if not rights and ("right" in norm(seg.heading) or "right" in norm(seg.lead)):
            # list items under "Your rights" such as "The right of access" / "Request erasure ..."
            rights = [n for n, rx in _RIGHTS_RX if rx.search(f"right to {t}")]
        if rights and re.search(r"\b(?:right|rights|request|ask|may|can|entitled|contact|complain\w*|object|"
                                r"withdraw|access|you)\b", ctx):
            out.append(finding(seg, "user_rights", "rights", {"rights": rights}, "general.user_rights", 0.8))
        sec = [n for n, rx in _SECURITY_RX if rx.search(t)]
        if sec:
            out.append(finding(seg, "security", "measures", {"measures": sec}, "general.security", 0.75))
        m = _CHANGE.search(t)
        if m:
            how = [n for n, rx in _HOW if rx.search(t)]
            out.append(finding(seg, "policy_changes", "notice", {"how": how}, "general.policy_changes",
                               0.8 if how else 0.65))
        for em in _EMAIL.finditer(seg.text):
            out.append(finding(seg, "contact", "email", {"email": em.group(0)}, "general.contact_email", 0.9))
        if _PROTECTED.search(seg.text) and re.search(r"contact|email|e-mail|address|addressed|questions", t):
            out.append(finding(seg, "contact", "email", {"email": None, "obfuscated": True},
                               "general.contact_email_obfuscated", 0.6))
        if _DPO.search(seg.text):
            out.append(finding(seg, "contact", "dpo", {"dpo": True}, "general.dpo", 0.85))
    lu, seg = last_updated(doc, vendor_name_)
    if lu and seg is not None:
        out.append(finding(seg, "policy_changes", "last_updated", {"date": lu}, "general.last_updated", 0.85))
    return out


def summarise(findings: list[Finding], doc: Document) -> dict:
    roles = {f.value["role"] for f in findings if f.topic == "contact" and f.kind == "role"}
    role = "both" if len(roles) == 2 else (roles.pop() if roles else "not_stated")
    rights: list[str] = []
    security: list[str] = []
    hows: list[str] = []
    notice = False
    for f in findings:
        if f.topic == "user_rights":
            rights += [r for r in f.value.get("rights", []) if r not in rights]
        elif f.topic == "security":
            security += [s for s in f.value.get("measures", []) if s not in security]
        elif f.topic == "policy_changes" and f.kind == "notice":
            notice = True
            hows += [h for h in f.value.get("how", []) if h not in hows]
    specific = [h for h in hows if h != "notify"]
    how = " and ".join(specific) if specific else ("notification" if hows else None)
    emails = [f.value["email"] for f in findings if f.topic == "contact" and f.kind == "email" and f.value.get("email")]
    # prefer a privacy / DPO address, else the most frequent
    email = None
    if emails:
        pri = [e for e in emails if re.match(r"(?:privacy|dpo|data|gdpr|dataprotection|legal|compliance)", e, re.I)]
        email = pri[0] if pri else Counter(emails).most_common(1)[0][0]
    return {
        "role": role,
        "user_rights": rights,
        "security": security,
        "policy_changes": {"notice": "yes" if notice else "not_stated", "how": how},
        "contact": {"email": email, "dpo": any(f.topic == "contact" and f.kind == "dpo" for f in findings)},
    }
