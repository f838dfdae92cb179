"""International transfers of personal data (outside the UK / EEA).

``find(doc, vendor_name)`` emits topic ``international_transfers`` findings:

* ``transfer``  - data goes (or may go) abroad; ``value = {"destination": str | None, "strength": s}`` where
  ``s`` is ``"strong"`` ("your data will be transferred to the US", "our providers are based outside the UK
  so processing involves a transfer"), ``"conditional"`` ("where/if we transfer data outside the UK, we ...")
  or ``"weak"`` (a provider merely "based outside the UK", servers "located in the United States").
* ``no_transfer`` - explicitly none: "we do not transfer your data outside the EEA", "all data is stored in
  the UK", "your data never leaves the UK".
* ``safeguard`` - ``value = {"mechanism": "adequacy"|"scc"|"idta"|"uk_addendum"|"bcr"|"consent"|"dpf"}``, only
  in a transfer context (the sentence, its heading, or the few segments after a transfer statement).

``summarise`` decides the contract value with these rules (general, not sample-specific):

1. a strong transfer statement -> ``with_safeguards`` if any safeguard is named, else ``yes``;
2. otherwise an explicit no-transfer statement -> ``none`` (it outweighs conditional boilerplate and an
   incidental "analytics provider based outside the UK" - the policy's own explicit answer wins), unless the only
   ones say where some data is held ("UK servers", "data held in the UK") and a provider abroad has a named
   safeguard -> ``with_safeguards``;
3. otherwise conditional/weak transfers or safeguards -> ``with_safeguards`` / ``yes``;
4. otherwise ``not_stated``.
"""
from __future__ import annotations

import re
from typing import Any

from ..types import Document, Finding
from ._common import dedupe, make, norm, pieces

TOPIC = "international_transfers"
NEVER_VETOED: frozenset[str] = frozenset()
_I = re.IGNORECASE

_HOME = (r"(?:the )?(?:UK|U\.K\.|United Kingdom|Great Britain|Britain|England|EEA|E\.E\.A\.|European Economic Area|"
         r"EU|E\.U\.|European Union|Europe|UK(?: or| and|/)(?: the)? (?:EEA|EU)|UK/EEA|EEA/UK|UK/EU|UK & EEA|"
         r"EU/EEA|EEA/EU|"
         r"European Economic Area \(\"?EEA\"?\))")
_ABROAD = (r"(?:the )?(?:United States(?: of America)?|(?-i:U\.S\.A?\.?|USA|US)\b|America|India|Canada|Australia|"
           r"Singapore|Japan|China|Israel|Switzerland|South Africa|New Zealand|Brazil|Philippines|Ukraine|"
           # "other countries of the European Union" are at home
           r"third countries|other countries(?! (?:of|in|within) the (?:European|EU\b|EEA\b))|"
           r"countries (?:other than|outside|that (?:do not|may not|might not)|"
           r"where)|any (?:other )?country (?:where|in which)|other jurisdictions|jurisdictions (?:other than|"
               r"outside|that)|"
           r"(?:a |any )?(?:country|jurisdiction) (?:other than|outside))")
_OUTSIDE = r"(?:outside|out of|beyond|from)(?: of)? " + _HOME
_OUTSIDE_ANY = (r"(?:(?:outside|out of|beyond)(?: of)? (?:" + _HOME[3:-1] +
                r"|(?:your|the) (?:country|jurisdiction|state|province|region)(?: (?:of|in) which you (?:are|reside))?"
                r"|(?:the )?country (?:where|in which) you (?:live|reside|are located))|abroad|overseas|"
                r"(?:to|in) any other countr(?:y|ies)|"
                    r"internationally)")

_T_VERB = (r"(?:transfer\w*|sent|send\w*|mov(?:e|ed|es|ing)|export\w*|process\w*|stor(?:e|ed|es|ing|age)|"
           r"host\w*|held|hold\w*|kept|keep\w*|access\w*|locat\w+|maintain\w*|reside\w*|transmit\w*|"
           r"shar(?:e|ed|ing)|disclos\w*|transit|go(?:es)?|travel\w*|leav(?:e|es))")

_NO_TRANSFER = [
    ("transfers.no.negated_verb", re.compile(
        r"\b(?:(?:do|does|will|shall|would|did|we|currently)\s+(?:not|never)|don't|doesn't|won't|didn't|wouldn't|"
        r"shan't|don’t|doesn’t|won’t)\s+(?:\w+\s+){0,4}?" + _T_VERB +
        # ("do not transfer screening records or any other personal information about children ... outside the UK")
        r"\b[^.;]{0,120}?\b" + _OUTSIDE_ANY, _I)),
    ("transfers.no.never", re.compile(
        # ("None of our sub-contractors transfers the data outside the European Union")
        r"\b(?:never|not|no|none\s+of)\b\s+(?:[\w-]+\s+){0,3}(?:be\s+)?" + _T_VERB + r"\b[^.;]{0,80}?\b" +
        _OUTSIDE_ANY, _I)),
    ("transfers.no.none", re.compile(
        r"\bno (?:\w+ ){0,3}(?:data|information) (?:\w+ ){0,3}(?:is|are|will be) (?:\w+ )?" + _T_VERB + r"\b"
        r"[^.;]{0,60}?" + _OUTSIDE_ANY + r"|\bno (?:international|overseas|cross-border) (?:data )?transfers?|"
        # translated: "No transfer of personal data to third countries outside the EEA is carried out"
        r"\bno\s+transfers?\s+of\s+(?:\w+\s+){0,2}data\s+to\s+third\s+countr|"
        # translated: "Bogorm transfers no personal informations to countries outside the EU/EEA"
        r"\b(?:transfers?|sends?|exports?)\s+no\s+(?:\w+\s+){0,2}(?:data|informations?)\b[^.;]{0,60}?" +
        _OUTSIDE_ANY + r"|"
        # translated: "A transmission of personal data to a third country (outside the EU/EEA) does not take place"
        r"\b(?:transfer|transmission)s?\b[^.;]{0,80}\bthird countr\w*[^.;]{0,60}?\b(?:does|do|will)\s+not\s+"
        r"(?:take\s+place|occur|happen)", _I)),
    ("transfers.no.stays", re.compile(
        r"(?:never|not|doesn't|does not|won't|will not) (?:\w+ ){0,2}leaves? " + _HOME + r"|"
        r"(?:remains?|stays?|kept|held|stored|hosted|processed) (?:\w+ ){0,3}(?:exclusively |solely |only |"
        r"entirely |wholly )?(?:with)?in " + _HOME + r" (?:at all times|only|exclusively)", _I)),
    ("transfers.no.stored_in_home", re.compile(
        r"\b(?:we|we only|we currently) (?:store|host|keep|hold|process) (?:all |any |your |the |our )?"
        r"(?:\w+ ){0,3}(?:data|information) (?:\w+ ){0,3}(?:only |exclusively |solely )?(?:with)?in " + _HOME +
        r"(?! and| or|/)\b|"
        r"\b(?:all|any|your|the|our)\b[^.;]{0,60}?\b(?:data|information|servers?|databases?|backups?)\b"
        r"(?!\s+(?:controller|protection|processor|officer|subjects?))[^.;]{0,40}?"
        r"\b(?:is|are|will be|remains?|stays?)\s+(?:\w+\s+){0,2}(?:stored|hosted|held|kept|processed|located|"
        r"based|housed|maintained)\s+(?:\w+\s+){0,5}?(?:(?:with)?in|inside)\s+" + _HOME + r"(?! and| or|/)\b", _I)),
    ("transfers.no.home_servers", re.compile(
        r"\b(?:UK|EU|EEA|British|European)[- ](?:based )?(?:servers?|data ?cent(?:re|er)s?|hosting|cloud)\b"
        r"(?! (?:and|or) )", _I)),
]

# other countries listed before the one abroad: "in Luxembourg and the United States", "in Ireland, India or the US"
_COUNTRIES_BEFORE = r"(?:[A-Z][\w]+(?:,| and| or) ){0,3}"

_TRANSFER = [
    ("transfers.strong.will_involve", "strong", re.compile(
        r"(?:will|may|might|could|can|does|do|would) (?:\w+ ){0,3}involve (?:a |the )?transfer", _I)),
    ("transfers.strong.verb_outside", "strong", re.compile(
        r"\b(?:transferr?\w*|sent|send\w*|mov(?:e|ed|ing)|export\w*|transmit\w*)\b[^.;]{0,100}?\b(?:to|in|into)\s+"
        + _ABROAD, _I)),
    ("transfers.strong.verb_outside_home", "strong", re.compile(
        r"\b(?:transferr?\w*|sent|send\w*|mov(?:e|ed|ing)|export\w*|transmit\w*|process\w*|stor\w+|host\w*|"
        r"access\w*|seen|view\w*)\b[^.;]{0,100}?\b" + _OUTSIDE_ANY, _I)),  # ("may be seen from outside the UK or EU")
    ("transfers.strong.processed_abroad", "strong", re.compile(
        # "Mailchimp stores our mailing list in the United States"
        # "treat": process, in translated policies ("can treat data in the United States of America")
        r"\b(?:processed|stored|hosted|held|maintained|accessed|located|stores|hosts|holds|keeps|treat|treats|"
        r"treated)\b[^.;]{0,60}?\b"
        r"(?:in|within)\s+" + _COUNTRIES_BEFORE + _ABROAD, _I)),
    ("transfers.strong.access_abroad", "strong", re.compile(
        # "PayPal may process payment information in Luxembourg and the United States"
        r"\b(?:access\w*|view\w*|process\w*)\b[^.;]{0,60}?\b(?:from|in)\s+" + _COUNTRIES_BEFORE + _ABROAD +
        r"|\b(?:team|staff|"
        r"employees|personnel|developers|engineers|offices?|agents|contractors|subsidiar\w+|affiliates)\s+"
        r"(?:\w+\s+){0,2}?(?:in|from)\s+" + _ABROAD + r"[^.;]{0,60}\b(?:access|view|process|handle)", _I)),
    # "We protect these transfers with the UK International Data Transfer Addendum"
    ("transfers.strong.these_transfers", "strong", re.compile(
        r"\b(?:protect|safeguard|cover|make)\w*\s+(?:these|those|such|any\s+such)\s+transfers\b|"
        # "These transfers are covered either by the UK Extension ... or by the IDTA"
        r"\b(?:these|those|such)\s+transfers\s+(?:are|is|will\s+be)\s+(?:\w+\s+)?(?:covered|protected|safeguarded|"
        r"made|carried\s+out)\b", _I)),
    ("transfers.strong.international_transfer", "strong", re.compile(
        r"\b(?:international|cross-border|overseas)\s+(?:data\s+)?transfers?\s+(?:of|may|will|take|occur|"
        r"are|is)|\btransfers? (?:of (?:your )?(?:personal )?(?:data|information) )?(?:to|into) (?:a )?third "
        r"countr", _I)),
    # "suppliers ... are based in the United States and may process your information there"
    ("transfers.strong.processed_there", "strong", re.compile(
        r"\b(?:based|located|headquartered|established|situated|hosted)\s+(?:\w+\s+){0,2}?(?:" + _OUTSIDE_ANY +
        r"|in\s+" + _ABROAD + r")[^.;]{0,40}?\b(?:and|which|who)\s+(?:may|will|do|does|can|might)\s+(?:also\s+)?"
        r"(?:process|store|access|hold|handle|receive|use)\b[^.;]{0,40}?\b(?:there|in\s+th(?:at|ose|is)\s+countr\w*|"
        r"outside)", _I)),
    ("transfers.weak.based_outside", "weak", re.compile(
        # translated: "Zendesk, Inc. has its seat in the USA"
        r"\b(?:based|located|headquartered|established|operat\w+|situated|hosted|has its (?:seat|registered office))"
        r"\s+(?:\w+\s+){0,2}?"
        r"(?:" + _OUTSIDE_ANY + r"|in\s+" + _ABROAD + r")", _I)),
]
_HEDGE = re.compile(r"\b(?:(?:insofar|in so far|as far|so far|where(?:ver)?|when(?:ever)?)\s+(?:as\s+)?"
                    r"(?:possible|practicable|feasible|we can)|mostly|largely|mainly|usually|normally|generally|"
                    r"in most cases|for the most part|in principle|as a (?:general )?rule)\b", _I)
_CONDITIONAL = re.compile(r"\b(?:if|where|when|whenever|wherever|in the event|to the extent|should|in cases? where|"
                          r"in the unlikely event|insofar as)\b[^.;,]{0,80}?(?:transfer|process|store|send|outside)",
                          _I)

_MECHANISMS = [
    ("idta", re.compile(r"international data transfer agreement|\bIDTA\b", _I)),
    ("uk_addendum", re.compile(r"international data transfer addendum|UK addendum|\baddendum\b[^.]{0,40}"
                               r"(?:standard contractual|SCC|EU)", _I)),
    ("scc", re.compile(r"standard (?:contractual|data protection) clauses|\bSCCs?\b|model (?:contract(?:ual)? )?"
                       r"clauses|(?:specific |standard )?contracts? (?:\w+ ){0,3}approved (?:\w+ ){0,4}(?:by the "
                       r"(?:European Commission|ICO|Information Commissioner|UK|Secretary of State|government)|"
                       r"for use in the (?:UK|EU|EEA))|(?:European )?Commission[- ]approved (?:contracts|clauses)|"
                       r"EU model", _I)),
    ("adequacy", re.compile(r"adequacy (?:decision|regulations?|finding|status|agreement)|adequate level of "
                            r"(?:data )?protection|(?:deemed|considered|recogni[sz]ed|found|determined) (?:\w+ ){0,3}"
                            r"(?:to (?:provide|have|offer) (?:an )?)?adequate|adequate (?:country|countries|"
                            r"jurisdictions?)|adequacy", _I)),
    ("bcr", re.compile(r"binding corporate rules|\bBCRs?\b", _I)),
    ("dpf", re.compile(r"data privacy framework|\bDPF\b|privacy shield|UK extension", _I)),
    ("consent", re.compile(r"(?:with|based on|rely on|relying on|obtain|by) (?:\w+ ){0,2}(?:explicit |express )?"
                           r"consent|(?:you|your) (?:explicitly |expressly )?consent(?:s|ing)? to (?:\w+ ){0,4}"
                           r"transfer|by (?:using|submitting|providing)[^.]{0,80}(?:consent|agree) to (?:\w+ ){0,4}"
                           r"transfer", _I)),
]
_TRANSFER_HEADING = re.compile(r"international|transfer|overseas|outside (?:the )?(?:UK|EEA|EU)|where we store|"
                               r"storage location|data location|cross-border", _I)
_INTRINSIC = re.compile(r"standard (?:contractual|data protection) clauses|model (?:contract(?:ual)? )?clauses|"
                        r"contracts? approved for use in the (?:UK|EU|EEA)|international data transfer|\bIDTA\b|"
                        r"UK addendum|binding corporate rules|data privacy framework|privacy shield|adequacy "
                        r"(?:decision|regulations?)", _I)
_TRANSFER_WORD = re.compile(r"transfer|outside|overseas|international|cross-border|third countr|abroad", _I)
_PORTABILITY = re.compile(r"portab|transfer (?:of )?(?:your )?(?:personal )?data to (?:you|another)|to you or "
                          r"(?:to )?a third party|request (?:the|that we) transfer|business transfer|merger|"
                          r"acquisition|sale of (?:our|the) (?:business|company|assets)", _I)

_DEST = re.compile(r"\b(?:to|in|into)\s+((?:the )?(?:United States(?: of America)?|(?-i:USA|U\.S\.A?\.?|US)|India|"
                   r"Canada|Australia|Singapore|Japan|China|Israel|Switzerland|South Africa|New Zealand|"
                   r"Brazil|Philippines|Ukraine|third countries|other countries))\b|" + _OUTSIDE_ANY, _I)


def _destination(text: str) -> str | None:
    m = _DEST.search(text)
    if not m:
        return None
    return (m.group(1) or m.group(0)).strip()


# the sentence after a no-transfer statement, or under a transfers heading, that takes some data out of it ("All our
# systems and suppliers are in the UK." / "The exception is trips abroad: the passenger list travels with the coach")
_EXCEPTION_NEXT = re.compile(r"^\W*(?:the\s+)?(?:only\s+|one\s+|main\s+)?exceptions?\s+(?:is|are|to\s+this)\b|"
                             r"^\W*(?:except|apart\s+from|other\s+than)\b", _I)


def find(doc: Document, vendor_name: str | None = None) -> list[Finding]:
    ntext = norm(doc.text)
    out: list[Finding] = []
    last_transfer_idx = -100
    last_no: tuple[int, Finding] | None = None
    for i, seg in enumerate(pieces(doc)):
        text = ntext[seg.start:seg.end]
        if seg.kind == "heading" or not text.strip():
            continue
        after_no = bool(last_no and last_no[0] == i - 1)
        if (after_no or _TRANSFER_HEADING.search(seg.heading or "")) and _EXCEPTION_NEXT.search(text) and re.search(
                _ABROAD + r"|" + _OUTSIDE_ANY + r"|transfer", text, _I):
            if after_no:
                out.remove(last_no[1])
            out.append(make(doc, seg, TOPIC, "transfer", {"destination": _destination(text), "strength": "strong"},
                            "transfers.strong.exception", 0.75))
            last_transfer_idx, last_no = i, None
            continue
        if _PORTABILITY.search(text) and not re.search(r"outside|overseas|international|third countr", text, _I):
            continue
        got_no = False
        for rule, rx in _NO_TRANSFER:
            m = rx.search(text)
            if m:
                # "stored in the UK, but may be accessed from/transferred to the US" is not a no
                rest = text[m.end():]
                if re.search(r"\b(?:but|however|except|although|unless|apart from|other than|save)\b", rest, _I) and \
                        re.search(_ABROAD + r"|outside|transfer", rest, _I):
                    break
                if _HEDGE.search(text):
                    break  # "Insofar as possible, we process all data within the European Union": not a promise
                if rule == "transfers.no.home_servers" and not re.search(
                        r"\b(?:stor|host|held|kept|process|locat|all)\w*", text, _I):
                    continue
                out.append(make(doc, seg, TOPIC, "no_transfer", {"scope": _scope(m.group(0))}, rule,
                                0.85 if "negated" in rule or "never" in rule or "stays" in rule else 0.75,
                                at=m.start()))
                last_no = (i, out[-1])
                got_no = True
                break
        if not got_no:
            for rule, strength, rx in _TRANSFER:
                m = rx.search(text)
                if not m:
                    continue
                if rule == "transfers.strong.verb_outside" and re.search(
                        r"(?:from|by) (?:the )?(?:United States|US|USA)\b", m.group(0)) and not re.search(
                        r"to (?:the )?(?:United States|US|USA)", m.group(0)):
                    continue
                cond = bool(_CONDITIONAL.search(text)) and strength == "strong" and "will_involve" not in rule
                st = "conditional" if cond else strength
                conf = {"strong": 0.85, "conditional": 0.65, "weak": 0.55}[st]
                out.append(make(doc, seg, TOPIC, "transfer", {"destination": _destination(text), "strength": st},
                                rule, conf, at=m.start()))
                last_transfer_idx = i
                break
        # safeguards: only in a transfer context
        context = bool(_INTRINSIC.search(text) or _TRANSFER_WORD.search(text)
                       or _TRANSFER_HEADING.search(seg.heading or "") or i - last_transfer_idx <= 4)
        if context:
            for mech, rx in _MECHANISMS:
                m = rx.search(text)
                if not m:
                    continue
                if mech == "consent" and not re.search(r"transfer|outside|overseas|international", text, _I):
                    continue
                if mech == "adequacy" and not re.search(r"adequa\w+ (?:level|decision|regulation|countr|"
                                                        r"jurisdiction|finding|status)|deemed|considered|"
                                                        r"recogni|adequacy", text, _I):
                    continue
                out.append(make(doc, seg, TOPIC, "safeguard", {"mechanism": mech}, f"transfers.safeguard.{mech}",
                                0.85 if mech not in ("consent",) else 0.65, at=m.start()))
    return dedupe(out)


def _scope(s: str) -> str:
    low = s.lower()
    if "eea" in low or "european economic" in low:
        return "EEA"
    if re.search(r"\beu\b|european union|europe", low):
        return "EU"
    return "UK"


_WHERE_HELD_RULES = frozenset({"transfers.no.home_servers", "transfers.no.stored_in_home"})


def summarise(findings: list[Finding], doc: Document | None = None) -> dict[str, Any]:
    fs = [f for f in findings if f.topic == TOPIC]
    mechanisms: list[str] = []
    for f in fs:
        if f.kind == "safeguard" and f.value["mechanism"] not in mechanisms:
            mechanisms.append(f.value["mechanism"])
    strong = [f for f in fs if f.kind == "transfer" and f.value.get("strength") == "strong"]
    other = [f for f in fs if f.kind == "transfer" and f.value.get("strength") != "strong"]
    none = [f for f in fs if f.kind == "no_transfer"]
    # "Microsoft 365 (with data held in the UK)" says where one provider keeps data; it does not answer for another
    # provider abroad whose safeguard the policy names ("SmugMug, Inc. is based in the United States. SmugMug is
    # certified under the EU-US Data Privacy Framework")
    descriptive = all(f.rule in _WHERE_HELD_RULES for f in none)
    if strong or (none and descriptive and other and mechanisms):
        status = "with_safeguards" if mechanisms else "yes"
    elif none:
        status = "none"
    elif other or mechanisms:
        status = "with_safeguards" if mechanisms else "yes"
    else:
        status = "not_stated"
    return {"international_transfers": status, "transfer_safeguards": mechanisms}
