"""Third-party sharing, sale of data and advertising/tracking.

``find(doc, vendor_name)`` emits findings with topic ``third_party_sharing`` (kinds ``sharing``,
``named_recipient``, ``category``), ``data_sale`` (``sells``, ``does_not_sell``) and ``advertising``
(``third_party_ads``, ``no_third_party_ads``, ``tracking``, ``no_tracking``).
``summarise(findings, doc)`` folds them into ``{"third_parties": {...}}`` of the analysis contract.

Every rule works on one segment (a sentence, list item or table row) and quotes that segment, so a
finding is always the smallest span that states the fact.  Context from neighbouring segments is
used only to *admit* a list item or table row (e.g. "The following third parties receive your
data:" followed by a bullet "123reg.com"), never to widen a quote.

Named recipients come from three sources (``value["source"]``):

* ``gazetteer`` - a known processor (``gazetteer.py``) mentioned in a sentence that is about
  sharing, processing, hosting, payments, analytics, advertising or cookies.  A mention in a
  sentence about *links* to other websites, about signing in, or about the vendor's own social
  media pages ("follow us on Twitter") is not a recipient.
* ``context`` - an unknown organisation introduced by a recipient phrase: "providers such as X",
  "currently X", "our payment provider, X", "provided/hosted/processed by X Ltd".
* ``domain`` - a list item or table row that is just a domain ("123reg.com") or name under an
  introduction that lists recipients; canonicalised through the gazetteer's domains or by
  dropping the TLD, splitting digits from letters and title-casing ("123reg.com" -> "123 Reg").

Excluded: the vendor itself (and its own domain), regulators and public bodies (ICO, HMRC,
police - reported as the categories ``regulators`` / ``law_enforcement`` instead), and websites
that are merely linked.
"""
from __future__ import annotations

import re
from typing import Any

from ..types import Document, Finding, Segment
from . import EU_LEGAL_FORMS, answers_no, gazetteer, general, heading_findings
from ._common import dedupe, make, norm, pieces

TOPIC = "third_party_sharing"
#: Kinds the topic model never vetoes (``topic_model.veto``): a named recipient often stands in a bare list or
#: table row ("Datadog, Inc. | Monitoring | United States") that the model, reading the row alone, cannot place.
NEVER_VETOED = frozenset({"named_recipient"})
_I = re.IGNORECASE

# ---------------------------------------------------------------------------------------------
# vocabulary
# ---------------------------------------------------------------------------------------------
_RECIPIENT = (
    r"third[- ]?part(?:y|ies)(?!['’]s? (?:web)?sites?)|3rd[- ]part(?:y|ies)|(?:business|marketing|advertising|trusted|"
    r"selected|select|carefully selected|strategic|commercial|joint|affiliated|co-?branding|content|"
    r"integration|channel|reseller|distribution|technology|analytics|data|media|social media)? ?partners?\b|"
    r"affiliates?\b|affiliated (?:companies|entities|businesses|organi[sz]ations|brands)|"
    r"subsidiar(?:y|ies)|parent (?:company|companies|organi[sz]ation)|sister (?:company|companies|brands?)|"
    r"group (?:companies|company|entities|members)|(?:members|companies|entities) of (?:our|the) \w* ?group|"
    r"corporate family|family of (?:companies|brands)|"
    r"(?:service|cloud|hosting|e-?mail|payment|analytics|technology|IT|software|marketing|advertising|"
    r"delivery|shipping|fulfil+ment|logistics|communications?|storage|data|customer support|support|"
    r"third[- ]party|outside|external|trusted|other|sub-?)?\s?(?:service )?providers?\b|"
    r"vendors?\b|suppliers?\b|(?:sub-?)?contractors?\b|agents?\b(?! of)|(?:sub-?)?processors?\b|"
    r"advertisers?\b|ad(?:vertising)? networks?|ad servers?|ad exchanges?|sponsors?\b|"
    r"law enforcement|police|(?:public|government(?:al)?|tax|regulatory|competent|relevant|law enforcement|"
    r"judicial|local) (?:authorit(?:y|ies)|agenc(?:y|ies)|bodies|officials|entities|departments)|"
    r"government(?:s|al)?\b|regulators?\b|courts?\b|tribunals?|successors?\b|acquir(?:er|ers|ing (?:company|"
        r"entity|party))|"
    r"buyers?\b|purchasers?\b|(?:prospective|potential) (?:buyers?|sellers?|purchasers?|investors?|acquirers?)|"
    r"investors|new owners?|"
    r"other (?:companies|organi[sz]ations|businesses|entities|parties|users|members|customers|people|individuals|"
    r"third parties|services)|"
    r"outside (?:companies|parties|organi[sz]ations|entities)|external (?:organi[sz]ations|parties|companies|"
    r"entities|bodies|recipients)|non-?affiliated|unaffiliated|"
    r"social (?:media )?(?:networks?|platforms?|plug-?ins?|widgets?|sites?|services?)|"
    r"professional advis[eo]rs?|lawyers|solicitors|auditors|accountants|insurers|bankers|legal advis[eo]rs|"
    r"consultants|schools?\b|teachers?\b|tutors?\b|local authorit(?:y|ies)|academy trusts?|(?:school )?districts?\b|"
    r"HMRC|HM Revenue|Revenue (?:&|and) Customs|data brokers?|aggregators?|credit (?:reference )?agenc(?:y|ies)|"
    r"fraud prevention agencies|debt collect\w+|charit(?:y|ies)|co-?branded|recipients?\b|"
    r"companies\b|organi[sz]ations\b|entities\b|businesses\b|anyone|any(?:one|body) else|others\b|"
    r"outside (?:of )?(?:the|our|this|its) (?:company|organi[sz]ation|group|business|firm|corporation)|"
    r"(?:the|these|those|such|other|any|all|relevant|certain|named) parties\b|"
    r"the public|publicly|public(?:ly)? (?:available|visible)|research(?:ers)?\b|"
    r"(?:Google|Facebook|Microsoft|Amazon|Apple|Twitter|Salesforce|Mailchimp|Stripe|PayPal)"
)
RECIPIENT_RE = re.compile(_RECIPIENT, _I)

# a specific third party: stricter than _RECIPIENT (no "companies", "others"...)
_STRONG_RECIPIENT = re.compile(
    r"third[- ]?part(?:y|ies)|3rd[- ]part(?:y|ies)|partners?\b|affiliates?\b|subsidiar|service providers?|"
    r"providers?\s+of\s+services?|"  # translated: "the following providers of services, which treat the data"
    r"vendors?\b|suppliers?\b|contractors?\b|(?:sub-?)?processors?\b|advertisers?|ad(?:vertising)? networks?|"
    r"law enforcement|police|agenc(?:y|ies)|(?:these|such|those) companies|authorit(?:y|ies)|government|"
        r"regulators?|successor|acquir|buyer|purchaser|"
    r"new owners?|professional advis|lawyers|auditors|insurers|outside (?:companies|parties)|sponsors?\b|"
    r"external (?:organi[sz]ations|parties|companies)|non-?affiliated|unaffiliated|analytics (?:providers?|"
    r"services?|partners?|companies|tools)|social (?:media|network)|data brokers?|group compan|schools?\b|"
    r"other (?:companies|organi[sz]ations|businesses|entities|users|parties)|courts?\b|"
    r"outside (?:of )?(?:the|our|this|its) (?:company|organi[sz]ation|group|business|firm|corporation)|"
    # "hosted by a dealer website company", "provided by an outside firm"
    r"\b(?:by|to|with|through) (?:an?|another|one|that) (?:outside |external |third[- ]party |separate |specialist |"
    r"independent |[a-z-]+ ){0,2}(?:company|firm|business|organi[sz]ation|(?:fulfil?lment|call|data|mailing|service) "
    r"(?:cent(?:er|re)|house))\b",
    _I,
)

_DATA_NOUN = (r"(?:(?:your|his|her|their|our|the|this|that|such|any|all|some|certain|personal|user|users'?|"
              r"customer|member|child(?:ren)?'?s?|student|pupil|contact|account|aggregated?|anonymi[sz]ed|"
              r"de-?identified|non-?personal|usage|demographic|limited|relevant|necessary|collected|basic|"
              r"technical|profile|identity|billing|payment|financial|location|device|health|sensitive)\s+){0,4}"
              r"(?:information|info|data|details|records|content|email address\w*|names?|addresses|(?<!a )numbers?|"
              r"identifiers?|profiles?|statistics|results|reports|PII|feedback|comments|responses|it|them|this|these)")
# what may stand between the data and its recipient: a few words, or the rest of a list of data ("sends the names,
# addresses and answers of these hunters to the U.S. Fish and Wildlife Service")
_DATA_THEN = (r"(?: (?:\w+ ){0,3}?|(?:,? (?:and |or )?[\w'-]+){1,8}? (?=(?:to|with) (?:the|our|a|an|its|their|that|"
              r"those|these|each|any|other|third|outside|selected|certain|relevant|trusted|participating)\b))")
_RECIP_SHORT = (r"(?:third[- ]?part(?:y|ies)|3rd[- ]part(?:y|ies)|(?:\w+ )?(?:service |technology |hosting |cloud |"
                r"payment |analytics |IT |e-?mail |marketing |advertising |outside |external )?providers?|vendors?|"
                r"suppliers?|(?:sub-?)?contractors?|(?:sub-?)?processors?|(?:\w+ )?partners?|affiliates?|agents|"
                r"(?:other |outside |external |trusted |selected |unaffiliated |non-?affiliated |these |such )"
                r"(?:companies|organi[sz]ations|businesses|entities|parties)|companies|subsidiar(?:y|ies)|"
                r"advertisers?|consultants|professional advis[eo]rs|(?:\w+ )?agencies|teachers|tutors|schools?|"
                r"(?:school )?administrators|employers|researchers|insurers|couriers?|"
                r"(?:group|other|these|such|those) companies|sponsors?|Google|Amazon|Microsoft|Salesforce|"
                r"(?:an?|another|one|that|this|the) (?:outside |external |third[- ]party |separate |specialist |"
                r"independent |[a-z-]+ ){0,2}(?:company|firm|business|organi[sz]ation|provider|(?:fulfil?lment|call|"
                r"data|mailing|service) (?:cent(?:er|re)|house)))\b")
_US_AGENCY = (r"\s+(?:postal|department|dept|government|federal|fish|forest|census|bureau|army|navy|air force|"
              r"coast guard|customs|attorney|treasury|securities|food|social security|citizenship|immigration|secret|"
              r"marshals?|geological)\b")
# places are not recipients: "we transfer your data to the United States" is an international transfer; a US
# agency is ("the names of these hunters are sent to the U.S. Fish and Wildlife Service")
_PLACE = (r"(?!(?:the\s+|our\s+|a\s+|an\s+|other\s+)?(?:(?:united\s+states|u\.\s?s)(?!\.?" + _US_AGENCY + r")|"
          r"united(?!\s+states" + _US_AGENCY + r")|usa|uk|eu|eea|europe\w*|countries|country|"
          r"jurisdictions?|servers?|cloud|regions?|"
          r"outside|overseas|abroad|territor\w+|third countries)\b)")
_THIRD_NOUN = (r"(?:insurers?|lenders?|banks?|partners?|providers?|vendors?|processors?|compan(?:y|ies)|merchants?|"
               r"sellers?|stores?|advertisers?|recipients?|employers?|platforms?|carriers?|networks?|affiliates?|"
               r"subsidiar(?:y|ies)|contractors?|suppliers?|agenc(?:y|ies)|firms?|brokers?|third[- ]part(?:y|ies)|"
               r"manufacturers?|retailers?|sponsors?|buyers?|acquirers?|purchasers?)")
# the recipient before the data: "we give the bus company the number of children attending"
_PARTY_DATA = (r"(?:the|your|their|his or her|each|a|an) (?:[a-z'-]+ ){0,3}?(?:names?|information|details|data|"
               r"numbers?|addresses|e-?mail address(?:es)?|lists?|rosters?|results)\b")
_GIVE_PARTY_DATA = (
    r"(?:give|gives|gave|giving|send|sends|tell|tells|provide|provides) (?:(?:the|our|each|that|those|these|a|an) "
    r"(?:[a-z-]+ ){0,2}?" + _THIRD_NOUN + r"|(?:each|all|both) of them|(?-i:[A-Z][A-Za-z&.]*[A-Z][A-Za-z&.]*)) "
    r"(?:[^.;:]{0,60}? )?" + _PARTY_DATA + r"|"
    r"(?:provide|provides|supply|supplies|furnish|furnishes) (?!you\b|us\b|yourself)(?:the|our|each|that|those|these|"
    r"a|an|(?-i:[A-Z]{2,}\b)) (?:[\w'-]+ ){0,6}?with " + _PARTY_DATA + r"|"
    r"(?:report|reports|disclose|discloses|send|sends|provide|provides) to (?:the |our |their |its |participating |"
    r"each )?(?:[a-z-]+ ){0,2}?" + _THIRD_NOUN + r" " + _PARTY_DATA)
# a row of an announced list of recipients whose first cell names a kind of business ("Financing bank | Credit
# application | To decide your application"): the list's introduction already said these receive data
_ROW_NAMES_A_PARTY = re.compile(r"\W*(?:[A-Za-z-]+ ){0,3}" + _THIRD_NOUN + r"\s*(?:\([^()|]{1,80}\)\s*)?"
                                r"(?:\||:|\t| - | \u2013 |,|$)", _I)
_SHARE_VERB = re.compile(
    r"\b(?:shar(?:e|es|ed|ing)(?! (?:price|capital|buttons?|holders?|(?:\w+ )?password))|"
    r"disclos(?:e|es|ed|ing|ures?)|transfer(?:s|red|ring)?|"
    r"(?:pass|passes|passed|passing) (?:\w+ ){0,4}(?:on|along)(?! the (?:costs?|savings?))|"
    r"pass (?:it|them|this|that|such|your|the|personal)|passed to|"
    r"provid(?:e|es|ed|ing) " + _DATA_NOUN + _DATA_THEN + r"(?:to|with)\b|"
    r"make (?:\w+ ){0,8}?available|made available|makes (?:\w+ ){0,8}?available|"
    r"rent(?:s|ed|ing)?\b|sell(?:s|ing)?\b|sold\b|trade(?:s|d)?\b|leas(?:e|es|ed|ing)\b|"
    r"releas(?:e|es|ed|ing)\b|exchang(?:e|es|ed|ing)\b|divulg\w+|furnish\w*|reveal\w*|"
    r"(?:send|sends|sent|forward|forwards|forwarded|upload|uploaded|report|reported|submit|submitted|"
    r"transmit\w*|supply|supplies|supplied|communicat\w+) " + _DATA_NOUN + _DATA_THEN + r"(?:to|with)\b|"
    r"entrust\w*|outsourc\w*|syndicat\w+|(?:give|gives|giving|gave|hand|hands|handing|handed) out\b|"
    # weak verbs: only with the recipient right next to them
    + _RECIP_SHORT + r" (?:\w+ ){0,4}?(?:may |might |will |also |who |which |that |to |can |could |would |"
    r"shall |are |is |be |only |have |has )*(?:receive|obtain|get|have access|has access|gain access|"
    r"access (?:to )?(?:your|this|such|the|personal|user|customer|certain)|process|host|store|handle|"
    r"manage|analy[sz]e|perform|provide (?:services|us|certain|various)|act(?:ing)? on (?:our|its) behalf|"
    r"work(?:ing)? (?:on|for) (?:our|us)|operat|help us|assist us|support (?:us|our)|learn|"
    r"use (?:your|the|this|such|that|personal|any|information|data))\w*|"
    r"(?:require|requires|oblige|obliges|contractually require|ask|asks|instruct|instructs) (?:all |any |our |"
    r"such |these |those )*" + _RECIP_SHORT + r" to|"
    r"(?:accessed|viewed|used|processed|received|seen|handled|reviewed) by (?:\w+ ){0,3}?" + _RECIP_SHORT + r"|"
    # generic: strong verb + (to|with) + any party that is not us/you
    r"(?:shared|disclosed|passed(?: on)?|transferred|transmitted|provided|given|sent|reported|released|syndicated|"
    r"made available|accessible|available|supplied|forwarded|shown|revealed) (?:\w+ ){0,7}?(?:to|with) "
    r"(?!us\b|you\b|yourself|your (?:friends|contacts|classmates)|anyone\b)(?:the |our |a |an |any |their |"
    r"other |relevant |appropriate |certain |selected |your |its )?" + _PLACE + r"[a-z]\w+|"
    r"(?:share|shares|disclose|discloses|pass|passes|transfer|transfers|transmit|provide|provides|give|"
    r"gives|send|sends|report|reports|release|releases|supply|supplies|forward|forwards|show|shows) "
    r"(?:\w+ ){0,2}" + _DATA_NOUN + _DATA_THEN + r"(?:to|with) (?!us\b|you\b|yourself|your (?:friends|contacts))"
    r"(?:the |our |a |an |any |their |other |relevant |appropriate |certain |selected |your |its )?"
    + _PLACE + r"[a-z]\w+|"
    r"(?:work|works|worked|working|partner|partners|partnered|engage|engages|"
    r"engaged|use|uses|used|using|employ|employs|hire|hires|hired|retain|retains|rely|relies|utili[sz]e\w*)"
    # ("your work or school e-mail address": two nouns, not a verb and its recipient)
    r" (?!or |and )(?:with |on |upon )?(?:\w+ ){0,3}?" + _RECIP_SHORT + r"|"
    r"(?:give|gives|given|giving|grant|grants|granted|provide|provides|allow|allows|permit|permits) "
    r"(?:\w+ ){0,2}?" + _RECIP_SHORT + r" (?:\w+ ){0,3}access|"
    r"(?:allow|allows|allowed|permit|permits|permitted|let|lets|enable|enables|authori[sz]e|authori[sz]es) "
    r"(?:\w+ ){0,2}?" + _RECIP_SHORT + r" to (?:\w+ ){0,2}?(?:contact|e-?mail|call|use|access|collect|receive|see|"
    r"view|track|market|send|obtain)|"
    r"(?:co-?operate|cooperates|co-operates|cooperating|work|works) (?:\w+ ){0,2}with (?:\w+ ){0,2}?(?:law "
    r"enforcement|police|(?:government(?:al)?|public|regulatory|tax) (?:authorit|agenc|bodies|officials)|"
    r"authorities|regulators|investigat)|"
    r"(?:processed|handled|hosted|stored|managed|administered|powered|provided|operated|supplied|"
    r"serviced) (?:\w+ ){0,2}(?:by|through|via) (?:\w+ ){0,2}?" + _RECIP_SHORT + r"|"
    # the data named before the verb: "aggregate reports that we provide to businesses"
    r"(?:reports?|information|data|details|statistics|lists?|records?|insights|files?) (?:that|which) (?:we|[A-Z]\w+) "
    r"(?:\w+ ){0,2}?(?:provide|provides|send|sends|supply|supplies|give|gives|license|licenses|sell|sells|deliver|"
    r"delivers) (?:\w+ ){0,2}?to (?!us\b|you\b)(?:the |our |a |an |other |their |its |your )?" + _PLACE + r"[a-z]\w+|"
    + _GIVE_PARTY_DATA + r"|"
    r"on (?:our|its) behalf)",
    _I,
)
_GENERIC_SHARE = re.compile(
    r"\b(?:(?:shared|disclosed|passed(?: on)?|transferred|transmitted|provided|given|sent|reported|released|syndicated|"
    r"made available|accessible|supplied|forwarded|revealed) (?:\w+ ){0,7}?(?:to|with) "
    r"(?!us\b|you\b|yourself|your (?:friends|contacts|classmates)|anyone\b)(?:the |our |a |an |any |their |"
    r"other |relevant |appropriate |certain |selected |your |its )?" + _PLACE + r"[a-z]\w+|"
    r"(?:share|shares|disclose|discloses|pass|passes|transfer|transfers|transmit|provide|provides|give|"
    r"gives|send|sends|report|reports|release|releases|supply|supplies|forward|forwards) "
    r"(?:\w+ ){0,2}" + _DATA_NOUN + _DATA_THEN + r"(?:to|with) (?!us\b|you\b|yourself|your (?:friends|contacts))"
    r"(?:the |our |a |an |any |their |other |relevant |appropriate |certain |selected |your |its )?"
    + _PLACE + r"[a-z]\w+|" + _GIVE_PARTY_DATA + r")",
    _I,
)
# "your application, resume and answers go to that employer", "the report is routed to the insurer"
_DATA_GOES = re.compile(
    r"\b(?:information|info|data|details|applications?|requests?|r[ée]sum[ée]s?|answers|orders?|records?|reports?|"
    r"profiles?|messages|results|it|they)\b (?:\w+ ){0,2}?(?:go|goes|will go|went|flows?|is routed|are routed|"
    r"is forwarded|are forwarded|gets? sent|is passed|are passed|ends? up) (?:directly |straight |only |also )?"
    r"to (?:the|that|this|each|every|any|those|these|a|an) (?:[a-z-]+ ){0,2}?(?!(?:web)?(?:site|page|settings|"
    r"section|screen|app|link|url|server|cloud|inbox|address|device)s?\b)[a-z-]+",
    _I,
)
# "We respond to subpoenas and court orders", "We comply with valid legal requests for user data"
_LEGAL_RESPONSE = re.compile(
    r"\b(?:we|[A-Z]\w+) (?:may |will |only |also |promptly |carefully )*(?:respond|responds|comply|complies|"
    r"cooperate|cooperates|co-operate|co-operates|honou?r|honou?rs|review|reviews|answer|answers) (?:to |with )?"
    r"(?:\w+ ){0,3}?(?:subpoenas?|court orders?|warrants?|legal (?:process|requests?|demands?)|law enforcement "
    r"(?:requests?|agencies|demands?)|government(?:al)? (?:requests?|demands?)|requests? (?:from|by) (?:law "
    r"enforcement|police|government|authorities))",
    _I,
)
_RECIPIENT_USES = re.compile(
    r"^\W*(?:each|the|these|such|those|that|this|every|any) (?:[a-z-]+ ){0,2}?" + _THIRD_NOUN +
    r" (?:may |will |also |then |only |can |would |each )*(?:use|uses|process|processes|handle|handles|keep|keeps|"
    r"retain|retains|store|stores|hold|holds) (?:your|the|this|such|that|their|any) (?:[a-z-]+ ){0,2}?"
    r"(?:information|data|details|applications?|requests?|reports?|records?)\b",
    _I,
)
# a later sentence of a sharing paragraph that is still about the recipients ("They may use it to ...")
_FOLLOW_ON = re.compile(
    r"^\W*(?:they|(?:these|such|those) (?:third[- ]part(?:y|ies)|parties|compan(?:y|ies)|providers|partners|"
    r"recipients|vendors|firms|organi[sz]ations|businesses|services|tools|networks|advertisers|insurers|lenders|"
    r"processors|suppliers|contractors|entities|platforms)|(?:that|this|the|each) (?:company|partner|provider|"
    r"platform|vendor|processor|recipient|party|firm|insurer|lender|network|advertiser|organi[sz]ation|contractor|"
    r"supplier|third party))\b(?! (?:are|is) (?:not )?(?:responsible|liable)\b)",
    _I,
)
_SUBJECT_HEAD = re.compile(r"^\W*(?:(?:the|each|these|those|such|our|any|all|some|participating|selected) )?"
                           r"([a-z]{4,})\b", _I)
_NOT_RECIPIENT_HEAD = {
    "information", "data", "details", "your", "this", "that", "these", "those", "they", "their", "there", "when",
    "where", "which", "while", "what", "users", "user", "customers", "customer", "members", "member", "visitors",
    "people", "personal", "please", "also", "some", "only", "more", "other", "others", "each", "every", "before",
    "after", "unless", "except", "however", "although", "because", "since", "until", "otherwise", "further",
    "note", "children", "parents", "students", "staff", "employees",
}


def _singular(w: str) -> str:
    w = w.lower()
    return w[:-3] + "y" if w.endswith("ies") else w[:-1] if w.endswith("s") and not w.endswith("ss") else w


_RECIP_RECEIVE = re.compile(_RECIP_SHORT + r" (?:\w+ ){0,4}(?:receive|obtain)", _I)
# "Our affiliated companies, including A and B, receive / may access your information"
_APPOSITIVE_RECEIVE = re.compile(
    r"\b(?:affiliat\w+|subsidiar\w+|partners?|providers?|vendors?|suppliers?|companies|processors?|advertisers?|"
    r"agencies|contractors?)\b,? (?:including|such as|like|namely|e\.g\.,?|for example,?) [^.;:]{2,100}?,? "
    r"(?:may |will |also |can |could |might |then |each )*(?:receive|obtain|get|access|have access|are given|"
    r"are provided|process|use|handle|store|host)\w*\b",
    _I,
)

# third parties collecting / tracking on the vendor's site (OPP-115 "Third Party Collection")
_TP_COLLECT = re.compile(
    r"(?:third[- ]?part(?:y|ies)|3rd[- ]part(?:y|ies)|partners?|advertisers?|ad(?:vertising)? (?:networks?|servers?|"
    r"companies|partners|vendors)|analytics (?:providers?|services?|companies|partners|tools?|vendors)|"
    r"service providers?|vendors?|companies|social (?:media )?(?:networks?|platforms?|sites?|plug-?ins?|widgets?|"
    r"features|buttons)|plug-?ins?|widgets|these (?:providers|companies|services|partners|third parties|"
    r"networks|tools)|such (?:third parties|providers|companies|partners)|they|others|"
    r"(?:\w+['’]s|their|its) own (?:\w+ )?(?:sites?|websites?|apps?|services?|platforms?|pages?)|"
    r"Google(?: Analytics)?|Facebook|Twitter|LinkedIn|Microsoft|Hotjar|Adobe|Amazon|Mixpanel|Meta)"
    r"(?: \w+){0,6}? (?:may |might |can |could |will |also |automatically |themselves |to |who |which |that )*"
    r"(?:collect|gather|receive|obtain|record|log|track|monitor|use (?:cookies|web beacons|pixels|"
    r"tracking|similar|their own|technolog|tools)|(?:place|set|serve|drop|read|deliver)s? (?:\w+ ){0,2}(?:cookies|"
    r"beacons|pixels|tags|ads|advertisements|identifiers)|access (?:to )?(?:(?:your|this|such|the|personal|"
    r"information|data)|(?:\w+ ){1,3}(?:information|data|details|records))|have access|has access|"
    r"recogni[sz]e (?:you|your)|associate|combine|compile|share|"
    r"store|process|see (?:your|the|this|such)|view (?:your|the))\w*",
    _I,
)

_TP_TECH = re.compile(
    r"third[- ]?party (?:cookies|tracking|trackers|pixels?|web beacons?|tags?|SDKs?|software development kits?|"
    r"plug-?ins?|widgets?|analytics|scripts?|code|advertis\w+|ad(?:s|vertisements)?\b|services? (?:such as|like)|"
    r"tools?|technolog\w+|social (?:media )?(?:buttons|features|plug-?ins)|content|providers)|"
    r"(?:cookies|web beacons|pixels?|tags|SDKs?|technologies|tools) (?:\w+ ){0,3}(?:placed|set|served|provided|"
    r"operated|owned|used|deployed) by (?:\w+ ){0,2}(?:third|3rd|partners?|advertisers?|other compan\w+|our "
    r"(?:analytics|advertising|service))|"
    r"(?:like|share|follow|tweet|social sharing|social media|social networking) (?:buttons?|features?|plug-?ins?|"
    r"widgets?)|(?:google analytics|google tag manager|facebook pixel|meta pixel|hotjar|mixpanel|doubleclick|"
    r"adsense|google ads|segment\.(?:io|com)|new relic|crashlytics|firebase analytics|adobe analytics|quantcast|"
    r"comscore|nielsen|appsflyer)|"
    r"opt(?:-| )?out of (?:\w+ ){0,4}?(?:(?:advertising|ad|member) networks?|networks'? cookies)|"
    r"networkadvertising\.org|aboutads\.info|youronlinechoices",
    _I,
)

_BUSINESS_TRANSFER = re.compile(
    r"\b(?:merger|mergers|merge[sd]?|acquisition|acquisitions|acquired|acquir(?:e|es|ing)|reorgani[sz]ation|"
    r"restructur\w+|bankruptcy|insolvency|receivership|administration proceedings|liquidation|divestiture|"
    r"change (?:of|in) (?:control|ownership)|(?:sale|sell|sells|selling|sold|transfer|transfers|transferring)"
    r"(?: or (?:otherwise )?(?:sells?|transfers?|"
    r"assigns?|merges?|disposes?))? (?:of |off )?"
    r"(?:all|some|part|parts|any part|a part|a portion|portions|substantially all|any|the|our|its|the whole)? ?"
    r"(?:or (?:part|substantially all|some) )?(?:\w+ ){0,3}(?:of )?(?:our|its|the|a|their)? ?(?:\w+ )?"
    r"(?:business|businesses|assets|company|stock|shares|equity|undertaking|operations|division|"
    r"corporate entit\w+)|(?:new|future|prospective|potential) owners?|successor (?:entit|compan|organi[sz]ation)"
    r"|corporate transactions?|business transactions?|business transfers?)",
    _I,
)

_LEGAL = re.compile(
    r"(?:required|compelled|permitted|authori[sz]ed|obliged|obligated|requested) (?:to do so )?(?:by|under) "
    r"(?:any |the |applicable |relevant )?(?:law|legislation|statute|regulation|court|legal|government|"
    r"regulators?)|legal (?:process|obligations?|requirements?|duty|requests?|proceedings|claims|rights)|"
    r"subpoenas?|court orders?|warrants?|search warrant|law enforcement|police|(?:comply|compliance) with "
    r"(?:any |the |a |our |applicable |relevant )?(?:\w+ )?(?:laws?|legal|regulations?|court|judicial|"
    r"requests?|obligations?)|governmental (?:requests?|authorit)|public authorities|national security|"
    r"(?:protect|defend|enforce) (?:\w+ ){0,4}(?:rights|property|safety|legal|terms|agreements|"
    r"claims)|prevent(?:ion of|ing)? (?:\w+ ){0,2}(?:fraud|crime|harm)|investigat\w+ (?:\w+ ){0,3}"
    r"(?:fraud|illegal|violations?|breaches|complaints?|suspected)|emergenc\w+|safeguarding|"
    r"(?:risk|threat) (?:of|to) (?:\w+ ){0,2}(?:harm|safety|life)",
    _I,
)

_DATA_OBJ = re.compile(
    r"\b(?:information|info|data|details|personal|records?|content|email address\w*|e-mail address\w*|"
    r"names?|addresses|it|them|this|such|identifiers?|profiles?|results|progress|reports?|usage|"
    r"statistics|activity|history|preferences|location|photos?|images?|recordings?|files?|messages|"
    r"communications|contact lists?|customer lists?|mailing lists?)\b",
    _I,
)

_LINK_CTX = re.compile(
    # not a data connection: "a secure link to the school's MIS", "an API link", "the MIS link"
    r"(?<!secure )(?<!data )(?<!api )(?<!mis )(?<!direct )(?<!integration )"
    r"\b(?:links?|linked)\b(?! (?:your|an|the|their|a|his|her|to your) (?:\w+ )?(?:accounts?|profiles?|devices?)\b)"
    r"(?! with\b)|"  # "activates the link with a distributor of learning materials": a connection, not a hyperlink
    r"hyperlinks?|not (?:responsible|liable) for "
    r"(?:the )?(?:privacy|content|practices)|(?:privacy|data) practices of (?:other|third|these|those|such)|"
    r"read (?:the|their|its) (?:privacy|own)|(?:their|its|whose) own privacy (?:policies|policy|"
    r"statements?|notices?)|leave (?:our|this) (?:site|website|service)|(?:govern|subject to) (?:the|their) "
    r"(?:own )?privacy|no control over",
    _I,
)

_SECURITY_ACCESS = re.compile(
    r"\b(?:limit|limits|limited|restrict|restricts|restricted|only) (?:\w+ ){0,2}access\b|"
    r"\baccess to (?:[\w']+ ){0,4}(?:is|are) (?:limited|restricted|confined) to\b|"
    r"unauthori[sz]ed (?:\w+ ){0,3}(?:access|disclosure|use|processing)|(?:accidentally|accidental) (?:\w+ ){0,3}"
    r"(?:lost|disclosed|disclosure)|(?:lost|stolen|altered) or disclosed|"
    r"(?:loss|misuse|alteration|destruction), (?:\w+ ){0,2}disclos|not (?:be )?disclosed to any(?:one| person)|"
    r"duty of confidentiality|"
    # "we cannot promise that information will never be disclosed in a way that is inconsistent with this policy"
    r"(?:cannot|can't|can not) (?:promise|guarantee|ensure|warrant) that (?:\w+ ){0,4}(?:will never|will not|won't) "
    r"(?:ever )?be (?:disclosed|accessed|intercepted|lost)|"
    # "no security system is impenetrable, and we cannot guarantee the security of information transmitted to the Site"
    r"(?:cannot|can't|can\s?not|do not|unable to) (?:\w+ ){0,2}(?:guarantee|ensure|warrant) (?:the )?(?:absolute )?"
    r"security",
    _I,
)

# sentence about the user exercising rights (portability, complaint) - not sharing by the vendor
_RIGHTS_CTX = re.compile(
    r"right (?:to|of) (?:data )?portab|portability|right to (?:lodge|make) a complaint|transfer (?:of )?"
    r"(?:your )?(?:personal )?data to (?:you or|another (?:controller|organi[sz]ation|service))|"
    r"request (?:the|that we) transfer|to you or (?:to )?a third party|complain (?:to|with)|"
    r"(?:make|lodge|file) a complaint|supervisory authority|right to complain",
    _I,
)

_BIZ_DATA = re.compile(r"\b(?:information|data|personal|records|customer|user|users|database|accounts?|"
                       r"details)\b", _I)
_TABLE_LEGIT = re.compile(r"legitimate interests?|lawful basis|legal basis", _I)

# "we <transfer verb> <object> to/with <determiner> <noun>": the vendor moving data to someone other than the
# user, with the object and the recipient free ("we pass alarm events and your address to the monitoring
# centre", "we share your thermostat settings with that utility", "we tell the partner that ...")
_WE_TRANSFER = re.compile(
    r"\bwe (?:(?:may|will|also|can|might|could|would|then|only|automatically|securely|promptly|currently|"
    r"sometimes|routinely|must|shall|need to|have to)\s+)*"
    r"(?P<v>share|shares|disclose|pass|transfer|transmit|send|report|supply|forward|release|exchange|hand over|"
    r"hand|make available|provide|give|upload|submit|communicate)\s+(?!you\b|us\b|yourself\b)"
    r"(?P<o>(?:[\w'(),/-]+\s+){1,12}?)(?:to|with)\s+(?!you\b|us\b|yourself\b|each other|one another|your (?!school|"
    r"employer|bank|insurer|doctor|pharmacy|provider|health plan|carrier|utility|teacher)|(?:the |other |third )?"
    r"(?:united states|u\.s\.|usa|uk|eu|eea|countries|country|jurisdictions?|servers?|cloud|regions?|locations?)\b)"
    r"(?:(?:(?:that|the|this|those|these|a|an|our|their|its|any|other|relevant|appropriate|certain|selected|such|"
    r"each|your)\s+)(?!(?:e-?mail|postal|home)\s+address|inbox|device|phone|mobile|browser|computer)"
    r"(?:[a-z][\w-]*\s+){0,2}?[a-z][\w-]+|"
    # no determiner: a plural noun ("we report play counts to record labels, publishers and ...")
    r"(?!(?:e-?mails?|addresses|inboxes|devices|phones|browsers|computers|servers|systems|regions|countries|"
    r"locations|accounts|users|customers|members|subscribers|visitors|people|individuals|them|others)\b)"
    r"(?:[a-z][\w-]*\s+){0,2}?[a-z][\w-]+(?:ies|[^s']s)\b)|"
    r"\bwe (?:may |will |also |then |can )*(?:tell|inform|let) (?:the|that|this|our|your|any|such|these|those) "
    r"(?:\w+ )?" + _RECIP_SHORT.replace("(?:\\w+ )?", "")
    + r"|\b(?:tell|inform|notify|alert)s? (?:the |our |that |any )?"
    r"(?:credit (?:reference )?agenc\w+|credit bureaus?)",
    _I,
)
# "we rely on the school to obtain consent": who obtains consent, not a disclosure
_RELY_CONSENT = re.compile(
    r"\b(?:rel(?:y|ies|ying)\s+on|depend(?:s|ing)?\s+on|expect|require)\s+(?:the\s+|each\s+|your\s+|our\s+)?"
    r"[\w' -]{2,40}?\s+to\s+(?:provide|obtain|give|secure|get|collect)\s+(?:any\s+|all\s+|the\s+)?"
    r"(?:necessary\s+|required\s+|appropriate\s+|verifiable\s+|parental\s+)*(?:consent|permission|authori[sz]ation)",
    _I,
)

# "Your employer, if it pays ..., can see ...", "The merchant you buy from receives your name"
_PARTY_SEES = re.compile(
    r"(?:\b(?:employers?|merchants?|sellers?|hosts?|organi[sz]ers?|insurers?|health plans?|landlords?|lenders?|"
    r"(?:connected |third[- ]party )?(?:apps|applications|integrations|websites)|carriers?|couriers?|airlines?|"
    r"hotels?|restaurants?|(?:other|that|each|any such) (?:party|parties|company|business|organi[sz]ation|provider|"
    r"service))\b|\b(?:no ?one|nobody|no-one|anyone|no other (?:company|party|organi[sz]ation)) (?:else )?"
    r"outside (?:of )?(?:the|our|this|its) \w+)"
    r"(?:,[^,.;]{1,80},| (?:that|who|which) (?!you\b)[^,.;]{1,60}?(?= (?:may |can |will |also |only )*"
    r"(?:see|view|access|receive|obtain|get|learn)s?\b)| (?:that |who |which )?(?:you|your \w+) (?:\w+ ){0,3}?"
    r"(?:with|from|to|through|via|"
    r"connect|link|authori[sz]e|use|choose|select|buy|book|order|pay)\w*(?: (?:to|with) (?:your )?(?:\w+ )?"
    r"account)?)? (?:may |can |will |also |could |might |then |would |only )*"
    r"(?:see|view|access|receive|obtain|get|learn|"
    r"be (?:given|sent|told|notified|informed|able to see))s?\b",
    _I,
)

# a third party as the sentence's subject: "Retailers may receive your order details", "Advertisers see ..."
_SUBJECT_RECEIVES = re.compile(
    r"^\W*(?:(?:if|when|once|after|where|whenever) [^,.;]{1,80}, )?"
    r"(?:(?:the|these|such|some|any|other|participating|selected|those|each|that|this|an?) )?(?:[a-z-]+ ){0,2}?"
    r"(?P<n>[a-z]+(?:ies|[^s]s)|compan(?:y|ies)|firm|provider|agency|partner|processor|vendor|bureau|insurer|"
    r"lender|employer|carrier|platform|network|contractor|recipient|buyer|acquirer|merchant|seller|store|"
    r"retailer|manufacturer|sponsor|advertiser|broker)"
    # "Manufacturers who run promotions in our app get reports", "recruiters with a paid account can find it"
    r"(?: (?:who|that|which|with|in|from) (?!you\b)[^,.;:]{1,60}?)?"
    r" (?:may |can |will |also |only |then |would |could |might |each |directly )*"
    r"(?:receive|see|view|access|obtain|get|find|download|read)s? (?:\w+ ){0,4}?(?:information|data|details|"
    r"records|name|names|address\w*|history|number|identifiers?|results|reports|statistics|stats|metrics|"
    r"analytics|insights|counts|requests?|applications?|orders?|profiles?|r[ée]sum[ée]s?|messages|status|quotes?|"
    r"it|them|this|that)\b",
    _I,
)
_NOT_THIRD = re.compile(r"^(?:users|members|customers|parents|students|pupils|teachers|employees|staff|personnel|"
                        r"admins|administrators|engineers|agents|representatives|visitors|subscribers|individuals|"
                        r"residents|consumers|players|owners|holders|schools|institutions|clients|applicants|"
                        r"patients|donors|volunteers|tenants|guests|viewers|readers|listeners|persons|people|"
                        r"minors|children|kids|families|households|friends|followers|contacts|moderators|instructors|coaches|"
                        r"managers|supervisors|guardians|carers)$", _I)

# first party receiving data FROM third parties: First Party Collection, not sharing
_FROM_THIRD = re.compile(
    r"\b(?:receive|obtain|collect|get|gather|acquire|purchase|buy)s? (?:\w+ ){0,6}(?:from|via|through) "
    r"(?:\w+ ){0,3}(?:third[- ]?part(?:y|ies)|partners?|other (?:sources|companies)|publicly available|"
    r"data brokers|social (?:media|network)|your school|schools?)",
    _I,
)
_WE_SUBJECT = re.compile(r"^\W*(?:\w+\W+){0,3}?(?:we|our company|us)\b", _I)

# share_verb with "with us" only (user shares data with the vendor)
_WITH_US = re.compile(r"(?:share|provide|disclose|give|send|submit|transfer)s? (?:\w+ ){0,5}(?:with|to) us\b|"
                      r"(?:provide[sd]?|providing|give[sn]?|gave|supplie[sd]|supply) us with\b|"
                      # ... or between the vendor and the user: "text messages are sent only to remind you"
                      r"\b(?:sent|send) (?:only |just )?to (?:you\b|(?:remind|notify|alert|tell|let) you\b)", _I)
# "a platform used by schools": a passive verb whose subject is a product, not data
_PASSIVE_BY = re.compile(r"used (?:\w+ ){0,2}by\b", _I)
# user content exposed to other users or the public (OPP-115: third party = "public")
_PUBLIC = re.compile(
    r"\b(?:(?:visible|viewable|seen|viewed|accessible|available|displayed|shown|read|searchable) (?:\w+ ){0,2}"
    r"(?:to|by) (?:anyone|everyone|(?:other|fellow) (?:[A-Z]?\w+ )?(?:users|members|players|customers|people|"
    r"visitors|participants|subscribers|readers|listeners|viewers|gamers|followers)|"
    r"the (?:general )?public|all (?:users|members|visitors)|"
    r"others\b|search engines)|"
    # active: "other players see your gamertag"
    r"\b(?:other|fellow) (?:[A-Z]?\w+ )?(?:users|members|players|customers|people|visitors|participants|"
    r"subscribers|readers|listeners|viewers|gamers|followers|alumni|guests|relatives) (?:\w+ ){0,2}?(?:can |may |will |"
    r"could |are able to |will be able to |would be able to )?(?:see|view|read|find|access)s?\b|"
    r"(?:displayed|shown|visible|viewable|made visible) (?:\w+ ){0,2}to (?:the |other |your |any |all )?(?:\w+ )?"
    r"(?!(?:you|us|yourself)\b)[a-z]{3,}s\b|"
    r"can (?:also )?(?:see|view|access) each other['’]s\b|"
    # "other families on your child's team can see the player's name", "reviews appear with your screen name"
    r"\bother (?:families|parents|teams?|players|students|learners|members|users|people|visitors|customers)\b"
    r"[^.]{0,40}?\b(?:can|may|will|are able to)\s+(?:also\s+)?(?:see|view|read|follow)\b|"
    r"\b(?:appears?|are shown|is shown|are displayed|is displayed)\s+(?:publicly\s+)?(?:with|alongside|next to|"
    r"under)\s+(?:your|the|their|his or her)\s+(?:\w+\s+)?(?:name|username|screen name|user name|nickname|"
    r"display name)|"
    r"(?:is|are|will be|becomes?|become) (?:made )?public\b|(?:posted|displayed|shown|published|listed|shared|"
    r"visible|viewable|searchable) publicly|publicly (?:visible|available|accessible|displayed|"
    r"posted|viewable|searchable)|public by default|(?:search engines|anyone) (?:\w+ ){0,2}(?:can|may|will) "
    r"(?:see|read|view|index|find))",
    _I,
)
_THIRD_PARTY_PASSIVE = re.compile(
    r"\b(?:processed|handled|gathered|collected|analy[sz]ed|received|hosted|administered|shipped\s+to\s+and\s+"
    r"analy[sz]ed|routed|accessed|viewed)\s+(?:\w+\s+){0,2}?by\s+(?:an?\s+|the\s+|our\s+|its\s+|their\s+|certain\s+|"
    r"other\s+|outside\s+|external\s+)?(?:[\w-]+\s+){0,3}?(?:vendors?|providers?|compan(?:y|ies)|partners?|"
    r"laborator(?:y|ies)|labs?|networks?|processors?|contractors?|agenc(?:y|ies)|bureaus?|firms?|merchants?|"
    r"advertisers?|third[- ]part(?:y|ies)|foundation|affiliates?)\b|"
    r"\b(?:exchanged|shared|placed)\s+with\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:federal\s+reserve|clearing\s+houses?|"
    r"networks?|bureaus?|agenc(?:y|ies)|banks?|processors?|partners?|vendors?|companies|insurers?|carriers?)\b|"
    r"\ballow\w*\s+(?:certain\s+|other\s+|selected\s+|third[- ]party\s+)?(?:companies|partners|advertisers|vendors|"
    r"third\s+parties|(?:ad(?:vertising)?\s+)?networks|providers)\s+to\s+(?:place|set|use|collect|gather|serve|"
    r"receive|access)\b|"
    r"\bmatched\s+against\s+(?:\w+\s+)?(?:outside|external|third[- ]party|commercial|public)\s+(?:\w+\s+)?"
    r"(?:databases?|sources|records|lists)|"
    r"\b(?:own\s+)?privacy\s+(?:policy|policies|notice)\s+(?:applies|apply|governs?)\s+(?:to\s+)?(?:the\s+)?"
    r"(?:information|data)\s+(?:it|they)\s+(?:collects?|receives?|gathers?)|"
    # "the official rules explain what we collect and with whom we share it"
    r"\bwith\s+whom\s+(?:we|it|they)\s+(?:may\s+)?(?:share|disclose)", _I)
_USER_CONTENT = re.compile(r"\b(?:you|your|users?'?|members?'?|players?'?)\b", _I)

_SHARING_HEADING = re.compile(
    r"shar(?:e|ing)|disclos|third[- ]?part|recipient|destinatar|who (?:we|do we) (?:share|disclose|give|pass)|"
    r"with whom|"
    r"to whom|communicat\w* (?:of )?(?:the |your |personal )?data|"  # translated: "To whom we communicate the data:"
    r"who (?:has|will have|can have|may have|gets?) access|service providers?|"
    r"sub-?processors?|processors|partners|affiliates|advertis|analytics|transfer|access to your|"
    r"who (?:else )?(?:can |may |will |else can )?(?:sees?|receives?|gets?|touch(?:es)?|handles?|process(?:es)?)\b|"
    # "Services that handle data for me", "Companies that process data for us"
    r"(?:services|companies|organi[sz]ations|suppliers|providers|tools)\s+(?:that|which|who)\s+(?:handle|process|hold|"
    r"store)\s+(?:\w+\s+)?(?:data|information)\b|"
    r"(?:give|pass|send|sell|rent|show) (?:my|your|our|any|personal) (?:personal )?(?:information|data|details)",
    _I,
)
_NOT_SHARING_HEADING = re.compile(
    r"\blinks?\b|web ?sites|international|outside|overseas|security|your rights|cookie|retention|how long|"
    r"\bkeep\b|\bkept\b", _I)

_INTRO = re.compile(
    r"(?:following|these|below|listed)\b[^.]{0,80}\b(?:third[- ]?parties|sub-?processors|processors|"
    r"(?:sub-?)?contractors|service "
    r"providers|recipients|partners|organi[sz]ations|companies|suppliers|vendors|categories|parties|"
    r"providers|entities)|(?:will|may|can|do|does) (?:\w+ ){0,2}receive (?:your|personal|the)|"
    r"(?:share|disclose|provide|transfer|pass)\w* [^.]{0,100}(?:with|to)(?: the following| these| any of)?"
    r"[^.]{0,40}:\s*$|(?:we use|we engage|we work with|we rely on) (?:the following|these)|"
    r"(?:third[- ]?parties|sub-?processors|processors|service providers|recipients)[^.]{0,40}:\s*$|"
    # "The companies that run our systems (our processors):"
    r"^\W*(?:the\s+)?(?:companies|suppliers|organi[sz]ations|providers)\s+(?:that|who|which)\s+[^.]{0,60}:\s*$|"
    r"other than:?-?\s*$|except:?\s*$|as follows:?\s*$|include:\s*$|"
    # "We share it only as shown below:"
    r"\b(?:share|disclose|provide|transfer|pass|give|send)\w*\b[^.]{0,80}\b(?:shown|listed|set out|described) "
    r"below:?\s*$",
    _I,
)

# what is sent to an exam board: "we enter pupils with ABRSM", "exam entries are sent to AQA"
_EXAM_ENTRY_RX = r"\benter(?:s|ed|ing)?\s+(?:\w+\s+){0,2}(?:with|for)\b|\bentr(?:y|ies)\b|\bcandidates?\b"
_EXAM_ENTRY = re.compile(_EXAM_ENTRY_RX + r"|\b(?:send|sent|pass|passed)\b[^.;]{0,60}\bto\b|"
                         r"\bregister\w*\s+(?:\w+\s+){0,3}with\b", _I)
_PROCESSING_CUE = re.compile(
    r"shar|disclos|process|host|stor(?:e|ed|age|ing)|(?:kept|held) (?:in|on|with|by)\b|analytic|payment|pay\b|"
    r"billing|transaction|provider|"
    r"processor|servic|partner|collect|cookie|pixel|beacon|track|advertis|\bads?\b|marketing|e-?mail|"
    r"newsletter|\bCRM\b|transfer|\bvia\b|through|powered|supplier|vendor|receiv|data|information|server|"
    r"cloud|infrastructure|database|platform|tool|software|sub-?processor|SDK|plug-?in|widget|login|"
    r"sign[- ]?in|authenticat|communicat|messag|SMS|video|support|ticket|helpdesk|chat|survey|form|sent|"
    r"deliver|handled|manage|operat|uses?\b|using|utili[sz]|" + _EXAM_ENTRY_RX,
    _I,
)
_SIGN_IN = re.compile(r"sign (?:in|up|on) (?:with|using|through|via)|log ?in (?:with|using|through|via)|"
                      r"\b(?-i:[A-Z])\w+ (?:sign-?in|log-?in)\b|"  # "or your Google sign-in, if you use it"
                      r"(?:allow|let|permit|authori[sz]e)s? us to (?:read|import|access|receive|sync)|"
                      r"single sign-?on|\bSSO\b|connect (?:your|with) (?:\w+ )?account", _I)
_FOLLOW_US = re.compile(r"follow us|(?:our|official) (?:\w+ )?(?:page|profile|account|channel)s? on|"
                        r"find us on|like us on|visit (?:us|our)|share this (?:page|article|post)", _I)

_NEG = re.compile(r"\b(?:not|never|no|nor|neither|cannot|won't|don't|doesn't|didn't|shan't|isn't|aren't|"
                  r"wouldn't|without|(?:prohibited|barred|precluded)\s+from|forbidden\s+(?:from|to)|"
                  r"(?:prohibits|bars|forbids)\s+(?:it|them|\w+)\s+from)\b|n't\b", _I)

# organisations that are never "named recipients"
# public bodies that receive pupils' and families' data by law; the ICO, courts and the police are contacts or
# generic categories, never named recipients
_PUBLIC_BODY = re.compile(
    r"\b(?:Department for Education|DfE|HMRC|HM Revenue (?:&|and) Customs|Ofsted|Education and Skills Funding Agency|"
    r"ESFA|Learning Records Service|Student Loans Company|UK Visas and Immigration|Standards and Testing Agency|"
    r"UCAS|(?:(?!Council\b)[A-Z][\w'’-]+\s+(?:and\s+(?=[A-Z][\w'’-]+\s+Council))?){1,3}(?:City|County|Borough|District|"
    r"Metropolitan)?\s*Council|"
    r"(?:City|County|Borough) of [A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?\s+Council)\b")
_PUBLIC_BODY_NAMES = {"DfE": "Department for Education", "ESFA": "Education and Skills Funding Agency"}
_WE_SEND_TO_PUBLIC = re.compile(
    r"\b[Ww]e\s+(?:\w+\s+){0,3}?(?:send|pass|share|provide|disclose|report|submit)\w*\b[^.;]{0,140}?\b(?:to|with)\s+"
    r"(?:the\s+)?(?P<n>" + _PUBLIC_BODY.pattern[2:-2] + r")\b")
# an item's opening, before what the recipient does ("our local authorities, Calderdale Council and Kirklees Council –")
_ITEM_HEAD = re.compile(r"[^–—:;(]{0,90}?(?=\s[-–—]\s|[–—:;(]|,\s+(?:if|when|which|who|to|for|as|where)\b)")
_REGULATOR = re.compile(
    r"information commissioner|\bICO\b|commissioner|HMRC|revenue (?:&|and) customs|\bpolice\b|government|"
    r"ministry|department (?:for|of)|\bDfE\b|ofsted|ombudsman|supervisory authority|regulator|court|"
    r"tribunal|\bFTC\b|federal trade|attorney general|electoral register|companies house|\bNHS\b|council",
    _I,
)

# ---------------------------------------------------------------------------------------------
# categories
# ---------------------------------------------------------------------------------------------
CATEGORIES: list[tuple[str, re.Pattern[str]]] = [
    ("service_providers", re.compile(
        r"service providers?|vendors?\b|(?:sub-?)?contractors?\b|(?:sub-?)?processors?\b|suppliers?\b|"
        r"IT (?:and|&) system|hosting (?:providers?|companies|services)|agents?\b(?! of)|on our behalf|"
        r"cloud (?:providers?|services?)|technology (?:providers?|partners?)|outsourc", _I)),
    ("professional_advisers", re.compile(
        r"professional advis|lawyers|solicitors|legal (?:advis|counsel)|auditors|accountants|insurers|"
        r"bankers|consultants", _I)),
    ("regulators", re.compile(
        r"regulators?\b|regulatory (?:bodies|authorit)|HMRC|H?M Revenue|Revenue (?:&|and) Customs|government"
        r"(?:al)? (?:agencies|bodies|authorit|departments|entities|officials)|public (?:authorit|bodies)|"
        r"supervisory authorit|tax authorit|other authorities", _I)),
    ("acquirers", _BUSINESS_TRANSFER),
    ("schools", re.compile(
        r"\bschools?\b|\btutors?\b|\bteachers?\b|local authorit|academy trusts?|school districts?|"
        r"educational (?:institutions?|establishments?|providers?|organi[sz]ations?)", _I)),
    ("group_companies", re.compile(
        r"affiliat|subsidiar|group (?:companies|company|entities|members)|parent compan|sister compan|"
        r"members of (?:our|the) (?:\w+ )?group|internal third parties|corporate family|family of companies|"
        r"companies (?:with)?in (?:our|the) group", _I)),
    ("analytics", re.compile(
        r"analytics|measurement (?:partners?|providers?|companies)|audience measurement|"
        r"search engine providers", _I)),
    ("payment_processors", re.compile(
        r"payment (?:processors?|providers?|service providers?|gateways?|processing (?:companies|partners|"
        r"providers|services))|card processors?|(?:credit|debit) card (?:processors?|payments? (?:are|is) "
        r"processed)|financial transactions|payments? (?:are|is) (?:handled|processed)|"
        r"(?:process|handle)s? (?:\w+ ){0,3}payments?", _I)),
    ("advertisers", re.compile(
        r"advertisers|advertising (?:partners?|networks?|companies|providers?)|ad networks?|ad servers?|"
        r"marketing partners?|third[- ]party advertis", _I)),
    ("law_enforcement", re.compile(
        r"law enforcement|\bpolice\b|court orders?|subpoenas?|legal process|warrants?|(?:required|compelled|"
        r"requested) (?:to do so )?by (?:any |applicable )?(?:law|court|government)|national security|"
        r"fraud prevention agencies|prevent(?:ion of|ing)? (?:\w+ ){0,2}(?:fraud|crime)|comply with (?:any |"
        r"the |a |our |applicable )?(?:\w+ )?(?:laws?|legal|court|judicial)", _I)),
    ("social_media", re.compile(r"social (?:media|network)", _I)),
]

# ---------------------------------------------------------------------------------------------
# sale of data
# ---------------------------------------------------------------------------------------------
_SALE_VERB = re.compile(r"\b(?:sell|sells|selling|sold|rent|rents|renting|rented|trade|trades|trading|traded|"
                        r"lease|leases|leasing|barter|monetis\w+|monetiz\w+|sale of)\b", _I)
_SALE_DATA = re.compile(
    r"^[\s,]*(?:(?:[\w'-]+|,)\s+){0,4}?(?:data|information|info|details|lists?|records|email address\w*|"
    r"e-mail addresses|PII|profiles|identifiers|it\b|them\b)",
    _I,
)
_SALE_BUSINESS = re.compile(
    r"^[\s,]*(?:(?:our|the|its|a|an|all|any|some|part|parts|of|substantially|whole|or|and|entire|certain|"
    r"educational|digital|online|physical|related|other|these|those|such|new)\s+){0,5}(?:[\w-]+\s+){0,1}?"
    r"(?:business|businesses|company|companies|assets|shares|stock|products?|services|goods|subscriptions?|"
    r"tickets|books|licen[cs]es|merchandise|items|courses|content|advertising|equity|undertaking|division|"
    r"operations|resources|materials|textbooks|software|apps?|memberships?)\b",
    _I,
)
# a sale named as a noun, then denied: "A sale of data ... takes not place" (translated), "does not take place"
_SALE_DOES_NOT_HAPPEN = re.compile(r"[^.;]{0,80}?\b(?:(?:does|do|will|shall)\s+not\s+(?:take\s+place|happen|occur)|"
                                   r"takes?\s+not\s+place|(?:is|are)\s+(?:excluded|not\s+permitted))\b", _I)
_PASSIVE_SALE = re.compile(
    r"(?:data|information|details|addresses|lists?)\s+(?:\w+\s+){0,4}(?:is|are|will|shall|would|be|been|"
    r"being|ever|never|not|cannot)\s+(?:\w+\s+){0,3}(?:sold|rented|traded|leased|monetised|monetized)\b|"
    # translated, a list of passives: "The data are not diffused, are not ceded to third parties ... and are not sold"
    r"(?:data|information)\s+(?:are|is)\s+not\s+\w+ed\b[^.;]{0,100}?\b(?:are|is)\s+not\s+sold\b|"
    # translated: "The data are never object of sale, of cession or of diffusion"
    # ... "not object of diffusion nor of sale to third subjects"
    r"(?:data|information)\s+(?:are|is|will\s+be)\s+(?:never|not)\s+(?:the\s+)?object\s+of\s+(?:\w+\s+)?"
    r"(?:(?:nor|or)\s+(?:of\s+)?)?sale\b",
    _I,
)
_CCPA_SALE = re.compile(
    r"do not sell (?:or share )?my (?:personal )?(?:information|data|info)|(?:opt[- ]out of|opt out from) "
    r"(?:the )?(?:sale|selling)|right to opt[- ]out|\"?sale\"? (?:of (?:your )?personal information)? as "
    r"(?:that term is )?defined|(?:have|has) (?:not )?sold (?:\w+ ){0,4}(?:personal|categories)|"
    r"categories of personal information (?:we|that we) (?:have )?(?:sold|sell)|sold or shared|(?:a|be a|"
    r"constitute a|considered a) [\"']?sale[\"']? (?:under|as defined|within the meaning)",
    _I,
)

# ---------------------------------------------------------------------------------------------
# advertising / tracking
# ---------------------------------------------------------------------------------------------
_TP_ADS = re.compile(
    r"third[- ]?part(?:y|ies)['’]? (?:advertis\w*|ads?\b|ad (?:networks?|servers?|partners?|companies|vendors)|"
    r"marketing partners?)|advertising (?:networks?|partners?|companies|vendors|providers?|cookies|"
    r"technolog\w*|services|platforms?|IDs?|identifiers?|purposes)|\bad(?:vertising)? networks?|\bad servers?|"
    r"\bad exchanges?|ad-?serving|ad tech|(?:interest|behaviou?r|preference)[- ]based (?:advertis\w+|ads)|"
    r"(?:targeted|personali[sz]ed|behaviou?ral|relevant|tailored|customi[sz]ed|online|display|contextual|"
    r"re-?targeted) (?:advertis\w+|ads\b|adverts|marketing)|re-?targeting|re-?marketing|"
    r"google ads|adsense|adwords|doubleclick|facebook pixel|meta pixel|facebook custom audiences|"
    r"(?:serve|serves|display|displays|show|shows|deliver|delivers|present|place|places) (?:\w+ ){0,3}"
    r"(?:ads|advertisements|adverts|advertising)\b|(?:ads|advertisements|adverts) (?:\w+ ){0,3}(?:served|displayed|"
    r"shown|delivered|appear)|advertis\w+ (?:on|across) (?:our|other|third|the)|advertisers\b|"
    r"sponsored (?:content|links|ads)|(?:ads|advertisements|adverts) (?:from|by) (?:third|other|our "
    r"(?:advertising )?partners)|network advertising initiative|digital advertising alliance|"
    r"youronlinechoices|aboutads|\bNAI\b|\bDAA\b|opt[- ]out of (?:\w+ ){0,3}(?:interest|advertis)",
    _I,
)
_TRACKING = re.compile(
    r"tracking (?:cookies|technolog\w+|pixels?|tools|tags|codes?|scripts|devices|software)|"
    r"(?:targeting|advertising|marketing|tracking|social media|third[- ]party) cookies|web beacons?|pixel tags?|"
        r"tracking pixels?|clear gifs?|(?:single-pixel|1x1) gifs?|"
    r"cross[- ](?:site|device|context)|(?<!keep )(?<!keeps )(?<!kept )track(?:s|ed|ing)? (?:\w+ ){0,3}(?:you\b(?! "
        r"to)|your (?!(?:child'?s? |"
    r"own )?(?:progress|order|delivery|learning|performance|results))|users|visitors|"
    r"browsing|online activit\w+|behaviou?r|movements)|fingerprint\w*|device identifiers?|advertising (?:IDs?|"
    r"identifiers?)|\bIDFA\b|\bSDKs?\b|session replay|heat ?maps?|record(?:s|ing)? (?:your|user) (?:\w+ )?"
    r"(?:visits?|sessions?|clicks)|google analytics|hotjar|mixpanel|facebook pixel",
    _I,
)
_NO_ADS = re.compile(
    r"(?:do|does|will|shall|would|may|can)?\s*(?:not|never|n't)\s+(?:\w+\s+){0,4}(?:allow|permit|display|show|"
    r"serve|use|include|accept|run|have|contain|carry|feature|host|sell|place|present|deliver)\w*\s+(?:\w+[- ]?"
    # "publicity": advertising in translated policies ("The App does not contain publicity of third parties")
    r"\s*){0,4}(?:advertis\w*|ads\b|adverts?\b|publicity\b)|\bno (?:\w+[- ])?(?:\w+ )?(?:advertis\w*|ads|adverts?)\b|"
    r"\b(?:ad|advert|advertising)[- ]free\b|free (?:of|from) (?:\w+ )?(?:advertis\w+|ads)|(?:not|never) "
    r"(?:\w+ ){0,4}(?:for|with) (?:the purposes? of )?(?:\w+ )?(?:advertis\w+|ads)\b|(?:with|to) (?:third[- ]party|"
    r"any) advertis\w+ (?:\w+ ){0,3}(?:or|and) (?:we )?(?:do|will) not",
    _I,
)
# a kind of advert, whose absence says nothing about adverts of other kinds
_AD_KIND = re.compile(r"\b(?:video|pop-?up|banner|audio|sound|rewarded|interstitial|full-?screen)\s+(?:advert|ad)", _I)
_DNT = re.compile(r"[\"“'‘]?\b(?:Do[- ]Not[- ]Track|DO[- ]NOT[- ]TRACK)\b[\"”'’]?|[\"“'‘]do[- ]not[- ]track[\"”'’]|"
                  r"\bDNT\b|"
                  r"\bdo[- ]not[- ]track\s+(?:signals?|requests?|settings?|preferences?|headers?|mechanisms?|features?|"
                  r"options?|\(DNT\))")
_NO_TRACK = re.compile(
    r"(?:do|does|will)\s+not\s+(?:\w+\s+){0,3}(?:track(?! signals| requests| settings| browser| \(| \"?DNT| "
    r"preferences)|use (?:any )?(?:tracking|targeting|advertising|"
    r"third[- ]party) (?:cookies|technolog\w+))|no (?:tracking|targeting|advertising|third[- ]party) cookies|"
    r"(?:not|never) (?:\w+ ){0,2}tracked",
    _I,
)
_FIRST_PARTY_MARKETING = re.compile(
    r"(?:we|us) (?:may )?(?:send|email|contact)|newsletter|marketing (?:emails?|communications?|messages?)|"
    r"promotional (?:emails?|offers|communications)", _I)


# ---------------------------------------------------------------------------------------------
# helpers
# ---------------------------------------------------------------------------------------------
# a name the policy says it does not use: "we do not use advertising cookies, the Meta Pixel or other trackers" (the
# negated verb governs the name: nothing between them ends the clause or makes an exception)
_NOT_USED = re.compile(
    r"\b(?:(?:(?:do|does|did|will|would)\s+not|don't|doesn't|never|no\s+longer|stopped|ceased)\s+(?:\w+\s+){0,2}?"
    r"(?:use|using|share|send|give|pass|disclose|install|embed|include|contain|work\s+with|rely\s+on|allow|connect\s+to|"
    r"integrate\s+with|upload|sell)|"
    # "we are not connected to ParentPay, Scopay or any other school payment system"
    r"(?:(?:are|is)\s+(?:not|never)|will\s+not\s+be|won't\s+be)\s+(?:connected|linked|integrated|sent|passed|given|"
    r"shared|disclosed|transferred|uploaded)\s+(?:to|with))\b"
    r"(?:(?!\b(?:except|other\s+than|apart\s+from|besides|but|however|unless|only)\b)[^.;:()])*$", _I)
# ... or names it and then says so: "the school's own system, such as CPOMS or MyConcern; we do not connect to these"
_NOT_USED_AFTER = re.compile(
    r"[^.]{0,60}?\b(?:(?:do|does|will)\s+not|never)\s+(?:connect|integrate|link|send|share)\w*\s+"
    r"(?:\w+\s+){0,3}?(?:to|with)\s+(?:these|those|them|either|any\s+of\s+(?:them|these))\b|"
    # "In the tickets of errors in the system Jira we do not put personal data"
    r"\s+(?:we|you)\s+(?:do\s+not|don't|never)\s+(?:put|enter|store|include|upload|record)\s+(?:any\s+)?"
    r"(?:personal\s+)?(?:data|information)\b|"
    # "so Apple and Google do not receive your payment or card details"
    r"(?:\s*(?:,|and|or)\s+[A-Z][\w.]*){0,3}\s+(?:(?:do|does|will)\s+not|never)\s+(?:receive|get|see|have\s+access)\b|"
    r"\s+(?:receives?|gets?)\s+no\b",  # "Apple receives no roster or student data from us"
    _I)


def _negated_before(text: str, pos: int, window: int = 60) -> bool:
    """A negation in the same clause shortly before ``pos``."""
    start = max(0, pos - window)
    chunk = text[start:pos]
    # clause boundary: cut at the last ; : . but/however/except/unless
    cut = max(chunk.rfind(";"), chunk.rfind(":"), chunk.rfind(". "))
    for w in (" but ", " however", " except", " unless", " other than", " although", " whereas", " if "):
        cut = max(cut, chunk.lower().rfind(w))
    if cut >= 0:
        chunk = chunk[cut:]
    return bool(_NEG.search(chunk))


def _vendor_tokens(vendor_name: str | None) -> set[str]:
    if not vendor_name:
        return set()
    words = re.sub(r"[^a-z0-9 ]+", " ", vendor_name.lower()).split()
    # generic words of company names: another company sharing one ("Egress Software Technologies") is not the vendor
    stop = {"ltd", "limited", "inc", "llc", "plc", "the", "group", "co", "company", "uk", "corp", "corporation",
            "education", "learning", "services", "solutions", "technologies", "technology", "software", "systems",
            "digital", "apps", "app", "media", "data", "holdings", "international", "global", "labs", "studio",
            "studios", "interactive", "online", "consulting", "partners", "ventures", "enterprises", "schools",
            "school", "network", "networks", "cloud", "platform", "platforms", "dac", "gmbh", "pbc", "llp", "europe",
            "america", "americas", "north", "south", "east", "west", "national", "edtech", "educational",
            # the trade in a vendor's name ("Glenmorach Music CIC"): "My Music Staff" is another company
            "music", "tuition", "tutoring", "coaching", "sport", "sports", "photography", "photo", "print", "design",
            "publishing", "press", "books", "careers", "academy", "trust", "club", "clubs", "kids", "nursery",
            "cic", "cyf", "community", "foundation", "charity", "travel", "tours", "trips", "transport", "coaches",
            "catering", "tutors", "insurance", "payments", "events", "outdoor", "adventures", "schoolwear",
            "uniform", "uniforms", "swim", "swimming", "chess", "dance", "drama", "arts", "languages", "maths",
            "math", "science", "reading", "counselling", "psychology", "health", "childcare", "camps", "lessons",
            "theatre", "football", "tennis", "gymnastics"}
    return {w for w in words if w not in stop and len(w) > 2}


_TITLE_LINE = re.compile(r"^[^\S\n]*(?P<t>(?:[A-Z][\w&'’+-]*[^\S\n]+){1,3}?)(?:Privacy|PRIVACY|Data Protection)[^\S\n]+"
                         r"(?:Policy|Notice|Statement|POLICY|NOTICE|STATEMENT)\b", re.M)


# the vendor's own products, named beside "our": "our web filtering service, Gatehouse Filter", "Gatehouse Watch, our
# safeguarding monitoring service"
_OWN_PRODUCT = re.compile(
    r"\b[Oo]ur\s+(?:[\w-]+\s+){0,3}?(?:service|product|platform|app|application|software|tool|system|solution)s?,?\s+"
    r"(?:called\s+)?(?P<a>[A-Z][\w'’+-]*(?:\s+[A-Z][\w'’+-]*){0,2})|"
    r"(?P<b>[A-Z][\w'’+-]*(?:\s+[A-Z][\w'’+-]*){0,2}),\s+our\s+(?:[\w-]+\s+){0,3}?(?:service|product|platform|app|"
    r"application|software|tool|system|solution)\b")


# what a business buys in rather than makes: its accounts, payroll, e-mail, customer records, bookings and help desk
_BACK_OFFICE = re.compile(r"\b(?:accounting|accounts|invoic\w*|payroll|bookkeeping|crm|customers?|clients|e-?mail|"
                          r"newsletters?|mailing|bookings?|help\s?desk|ticketing|support|hr|finance|payments?)\b", _I)


def _own_products(text: str) -> set[str]:
    """The first words of the products a policy calls its own, unless the gazetteer knows them (a company the
    vendor uses: "our email service, Mailchimp")."""
    out = set()
    for m in _OWN_PRODUCT.finditer(text[:20000]):
        name = m.group("a") or m.group("b")
        if _BACK_OFFICE.search(re.split(r"[.;:()\n]", text[m.start() : m.end() + 60])[0]):
            continue  # "Axonaut, our software of management of the clients and of the invoicing": a supplier's tool
        if re.search(re.escape(name) + r",?\s+" + _LEGAL_SUFFIX + r"(?!\w)", text):
            continue  # "our booking system, Bookwhen" and "Bookwhen Ltd, which provides ...": another company
        if not gazetteer.lookup(name) and not gazetteer.ALIAS_RE.search(name):
            out.add(name.split()[0].lower().rstrip("'’s"))
    return out - {"the", "our", "we", "this", "it", "its", "uk", "eu", "us", "in", "also", "additionally", "however",
                  "today", "finally", "then", "when", "if", "for", "as", "and", "with", "through", "using", "via"}


def _supplied_by_vendor(text: str, vendor_name: str | None) -> set[str]:
    """Products the vendor supplies: "TillTap is supplied by Brackenfold Systems Ltd" (the vendor)."""
    first = (vendor_name or "").split()[:1]
    if not first:
        return set()
    rx = re.compile(r"\b(?P<p>[A-Z][\w'’+-]*(?:\s+[A-Z][\w'’+-]*){0,2})\s+is\s+(?:supplied|provided|developed|made|"
                    r"operated|published|owned|run|built)\s+by\s+(?:the\s+)?" + re.escape(first[0]) + r"\b")
    return {m.group("p").split()[0].lower().rstrip("'’s") for m in rx.finditer(text[:20000])} - {"this", "it", "the"}


def _title_brands(text: str) -> set[str]:
    m = _TITLE_LINE.search(text[:3000])
    if not m:
        return set()
    return {w.lower().rstrip("'’s") for w in m.group("t").split()} - {"the", "our", "website", "app", "online", "uk",
                                                                      "children's", "student", "pupil", "global"}


def _canon_key(name: str) -> str:
    words = re.sub(r"[^a-z0-9 ]+", " ", name.lower().replace("&", " ")).split()
    return " ".join(w for w in words if w not in {"ltd", "limited", "inc", "llc", "plc", "com", "co", "uk",
                                                 "org", "net", "the", "io", "corp", "corporation"})


class _Ctx:
    def __init__(self, doc: Document, vendor_name: str | None) -> None:
        self.doc = doc
        self.vendor = vendor_name
        # the product a policy is titled after ("Flashfox Privacy Policy") is the vendor's own brand
        self.vtok = _vendor_tokens(vendor_name) | _title_brands(doc.text) | _own_products(doc.text) | \
            _supplied_by_vendor(doc.text, vendor_name)
        self.vkey = _canon_key(vendor_name) if vendor_name else ""
        # tools the policy says run on its own servers ("Matomo is operated on our own servers at Hetzner"): no
        # recipient wherever else they are named
        self.self_hosted = {entry.canonical for rx in (_SELF_HOSTED_TOOL, _OWN_INSTALLATION, _TOOL_INSTALLED)
                            for m in rx.finditer(doc.text) if (entry := gazetteer.lookup(m.group("n"))) is not None}
        self.ntext = norm(doc.text)
        self.segs = pieces(doc)

    def seg_text(self, seg: Segment) -> str:
        return self.ntext[seg.start:seg.end]

    def is_vendor(self, name: str) -> bool:
        key = _canon_key(name)
        if not key:
            return True
        if self.vkey and (key == self.vkey or key in self.vkey.split() or self.vkey.startswith(key + " ")
                          or key.startswith(self.vkey)):
            return True
        toks = set(key.replace(" ", "").split()) | set(key.split())
        if self.vtok and (toks & self.vtok or key.replace(" ", "") in {t for t in self.vtok}):
            return True
        if any(key.replace(" ", "").startswith(t) for t in self.vtok if len(t) >= 5):
            return True  # the vendor's product named after it: "DunlinCard" of Dunlin Cashless Systems Ltd
        return bool(re.fullmatch(r"(?:our|the) (?:group|company)", name.strip().lower()))


# ---------------------------------------------------------------------------------------------
# sharing statements
# ---------------------------------------------------------------------------------------------
_TO_ANOTHER = re.compile(r"\w+(?:\s+\w+){0,4}?\s+(?:to|with)\s+(?:a|an|the|their|its|third|other|that|those|"
                         r"these|any)\b", _I)
_USER_GIVES = re.compile(r"\b(?:you|users?|members?|customers?|visitors?)\s+(?:may\s+|have\s+|choose\s+to\s+)?$", _I)


def _first_verb(text: str) -> re.Match[str] | None:
    """First sharing verb that is not a capitalised name ("Trade Fair House"), a statute's name or what the user
    gives us ("the information you provide")."""
    for m in _SHARE_VERB.finditer(text):
        w = m.group(0)
        if _USER_GIVES.search(text[max(0, m.start() - 12):m.start()]) and re.match(
                r"provid|submit|send|upload|giv", w, _I) and not _TO_ANOTHER.match(text[m.start():m.end() + 60]):
            continue  # "the information you provide": given to us ("you give it to a franchisee" is not)
        if re.match(r"sell|sold", w, _I) and re.search(r"\b(?:if\s+)?(?:you|users?|sellers?|members?)\s+(?:\w+\s+)?$",
                                                    text[max(0, m.start() - 20):m.start()], _I):
            continue  # "If you sell, we also collect your payout details": a marketplace seller's goods, not data
        if re.match(r"\s+Act\b", text[m.end():m.end() + 5]):
            continue  # "the Home Mortgage Disclosure Act": the name of a statute
        if w[0].isupper() and m.start() > 0 and re.match(r"(?:Trade|Sell|Rent|Release|Exchange|Transfer|Share|"
                                                          r"Lease|Report)", w):
            before = text[:m.start()].rstrip()
            if before and before[-1] not in ".!?:;\"'(*-\u2022":
                continue
        return m
    return None


# sentences with a sharing verb that disclose nothing to a third party: the policy's own scope ("This Policy
# describes how we collect, use and disclose ..."), routing inside the organisation ("forwarded to another College
# office"), mail to the user's own inbox, and advice to forward a phishing e-mail to the vendor
_SCOPE_OR_INTERNAL = re.compile(
    r"\b(?:(?:this|our|the)\s+(?:online\s+)?(?:privacy\s+)?(?:policy|notice|statement)|^\W*it)\s+(?:\w+\s+){0,2}"
    r"(?:describes|explains|"
    r"sets\s+out|tells\s+you|outlines|covers|applies\s+to)\b[^.]{0,200}\b(?:collect\w*|us(?:e|es))\b[^.]{0,30}\b(?:disclos|"
    r"shar)\w*|\b(?:forward\w*|passed|sent|refer\w*|rout\w*)\s+(?:it\s+|them\s+)?to\s+(?:another|the\s+(?:appropriate|"
    r"relevant|right))\s+(?:\w+\s+)?(?:office|department|team|staff\s+member|colleague)s?\b|"
    # to the user's own device or inbox ("the video stream is sent from the camera to your device")
    r"\bsent\s+(?:from\s+(?:\w+\s+){1,3})?to\s+(?:your|their|"
    r"his\s+or\s+her|the\s+(?:parent|user|member|customer|account\s+holder)(?:'s|s')?)\s+(?:\w+\s+)?(?:e-?mail\s+)?"
    r"(?:account|inbox|address|device|phone)\b|\bforward\s+(?:it|the\s+\w+)\s+to\s+"
    r"[\w.+-]+@|\b(?:sent|uploaded|transmitted)\s+to\s+(?:our|its)\s+(?:own\s+)?(?:servers|systems|data\s*cent(?:er|re)s?)\b|"
    r"\bnot\s+(?:sent|uploaded|transmitted)\s+to\s+(?:us|our|the\s+company)\b|"
    # the sentence that introduces the vendor ("VINsight, LLC ("VINsight," "we," "our") provides vehicle history
    # reports to consumers, auto dealers and other businesses"): what it sells, not whom it gives data
    r"\(\s*(?:the\s+)?[\"“][^\"”]{1,40}[,\s]*[\"”],?\s*[\"“](?:we|us|our)\b|"
    # in transit ("encrypted when they are sent to and from FormHarbor"), or given to do something ("documents
    # provided to register for a sale")
    r"\b(?:sent|transmitted)\s+to\s+and\s+from\b|\bprovided\s+to\s+(?:register|sign\s+up|verify|confirm|open|create|"
    r"apply|enrol+|book|bid|join)\b|"
    # a request handed to the school that controls the data: the request moves, not the data
    r"\b(?:pass|forward|refer|send|redirect)\w*\s+(?:the|your|such|any|that|this)\s+(?:\w+\s+)?(?:requests?|"
    r"quer(?:y|ies)|questions?|complaints?|enquir(?:y|ies)|inquir(?:y|ies))\s+(?:on\s+)?to\b|\b(?:requests?|quer(?:y|ies)|"
    r"complaints?|enquir(?:y|ies)|inquir(?:y|ies))\b[^.]{0,60}\b(?:pass|forward|refer|redirect)\w*\s+(?:it|them)\s+"
    r"(?:on\s+)?to\s+(?:the|your|their)\s+(?:school|college|university|institution|controller|district)", _I)


def _under_sharing_heading(seg: Segment, section_too: bool = False) -> bool:
    """Under a heading about sharing; ``section_too`` also accepts the section's heading (a table's first row is
    often taken as the heading of the rows below it)."""
    heads = (seg.heading or "", seg.section or "") if section_too else (seg.heading or "",)
    return any(_SHARING_HEADING.search(h) and not _NOT_SHARING_HEADING.search(h) for h in heads)


def _sharing_rule(text: str, seg: Segment, in_list_ctx: bool) -> tuple[str, float, dict] | None:
    """Does this segment state sharing with / collection by third parties? (rule, confidence, value)"""
    low = text.lower()
    heading_sharing = _under_sharing_heading(seg)
    link = bool(_LINK_CTX.search(text))
    rights = bool(_RIGHTS_CTX.search(text))
    security = bool(_SECURITY_ACCESS.search(text))
    neg = bool(_NEG.search(text))
    legit = bool(re.search(r"(?:share|give|disclose|tell|reveal) (?:\w+ ){0,3}(?:login|log-in|sign-in) (?:details|"
                           r"credentials)|^\W*(?:you|users?|students?|pupils?|teachers?|members?|children|"
                           r"parents?)\b(?: \w+){0,2} (?:can|may|are able to|could)\b(?: \w+){0,2} share|"
                           r"\(?or (?:those )?of (?:a )?third part(?:y|ies)\)?|(?:third[- ]party|third "
                           r"parties'?) (?:direct )?marketing (?:communications|messages|emails)|"
                           r"marketing from (?:us|third)|\b(?:you|users|members) (?:\w+ ){0,2}exchange\b|"
                           r"(?:share|give|disclose|tell) (?:\w+ ){0,3}"
                           r"password|password (?:\w+ ){0,3}(?:with|to) (?:anyone|others|any)|"
                           r"password\b[^.;]{0,60}\b(?:share|give|disclose|tell|reveal) (?:it|them)\b", text, _I))

    verb = _first_verb(text)
    recip = RECIPIENT_RE.search(text)
    strong = _STRONG_RECIPIENT.search(text)
    collect = _TP_COLLECT.search(text)
    tech = _TP_TECH.search(text)
    biz = _BUSINESS_TRANSFER.search(text)
    legal = _LEGAL.search(text)

    value: dict[str, Any] = {"negated": False}

    # business transfers: merger / acquisition / sale of assets + data moving
    if biz and (_BIZ_DATA.search(text) or in_list_ctx or (heading_sharing and not _TABLE_LEGIT.search(text))
                or re.search(r"successor|acquir(?:er|ing|es)|buyer|purchaser|new owner|transferee", text, _I)) \
            and (not _TABLE_LEGIT.search(text) or _BIZ_DATA.search(text)):
        return "tps.business_transfer", 0.85, value

    if _SCOPE_OR_INTERNAL.search(text) and not gazetteer.ALIAS_RE.search(text):
        return None
    # "is processed by a receipt-reading vendor", "is exchanged with the card networks", "we allow certain companies
    # to place cookies", "records are matched against outside databases", "the merchant's own policy applies to the
    # information it collects"
    if _THIRD_PARTY_PASSIVE.search(text) and not rights and not security and not link:
        return "tps.third_party_passive", 0.65, value

    # content that other users or the public can see
    pub = _PUBLIC.search(text)
    if pub and _USER_CONTENT.search(text) and not _FROM_THIRD.search(text) and not link and not security and \
            not re.search(
            r"\b(?:not|never|no longer|stops? being|ceases? to be|hidden from)\W+(?:\w+\W+){0,2}$",
            text[max(0, pub.start() - 40):pub.start()], _I):
        return "tps.public_disclosure", 0.65, value

    # first-party receipt from third parties ("we receive data from analytics providers")
    from_third = _FROM_THIRD.search(text)

    generic = bool(verb and _GENERIC_SHARE.search(text))
    if _RELY_CONSENT.search(text) and not re.search(r"\b(?:shar|disclos|transfer|sell|pass|send|sent\b|receiv)",
                                                      text, _I):
        return None
    out_verb = bool(verb and re.match(r"(?:give|gave|hand)\w* out", verb.group(0), _I))  # "give out": to others
    if verb and (strong or recip or generic or out_verb) and not rights and not security and not legit:
        vtxt = verb.group(0).lower()
        if re.match(r"sell|sold|rent|trade|leas", vtxt) and _SALE_BUSINESS.match(text[verb.end():]) and not \
                _SALE_DATA.match(text[verb.end():]):
            return None
        if _PASSIVE_BY.match(vtxt) and not _DATA_OBJ.search(text[max(0, verb.start() - 80):verb.start()]):
            return None  # "a system used by schools": the thing used is not personal data
        weak_verb = not re.match(r"shar|disclos|transfer|pass|sell|sold|rent|trade|leas|releas|exchang|divulg|giv|"
                                 r"furnish|reveal|make|made|provid|send|sent|forward|upload|report|submit|"
                                 r"transmit|suppl|communicat|entrust|outsourc|syndicat|hand", vtxt)
        if from_third and not re.search(r"shar|disclos|transfer|sell|rent|pass|provide \w+ to", low):
            return None
        if _WITH_US.search(text) and not _STRONG_RECIPIENT.search(verb.group(0)) and not re.search(
                r"(?:with|to) (?:\w+ ){0,3}(?:third|partners?|affiliates?|service providers?|vendors?|"
                r"advertisers?|companies|others)", text, _I):
            return None
        if link and not re.search(r"\b(?:we|us|our)\b[^.]{0,60}(?:share|disclose|provide|transfer|pass)", text, _I):
            if not collect:
                return None
            return "tps.linked_site_collection", 0.45, value
        if re.search(r"share (?:\w+ ){0,3}(?:content|posts?|photos|links|articles|pages|feedback|comments|"
                     r"thoughts|experiences?|stories|ideas|results|achievements)", low) and not strong:
            return None
        if weak_verb and not strong:
            return None
        if neg and re.search(r"\b(?:not|never|no)\b[^.]{0,40}\b(?:share|disclos|sell|rent|trade|transfer|pass|"
                             r"provide|release|make)", low):
            value["negated"] = True
        conf = 0.9 if strong else 0.7
        if weak_verb:
            conf -= 0.15
        return "tps.share_verb_recipient", conf, value

    # third parties collecting on the site / via cookies, pixels, SDKs, plug-ins
    if collect and not rights and not from_third:
        subj = collect.group(0).lower()
        if link and not re.search(r"cookie|beacon|pixel|plug-?in|widget|track", low):
            return "tps.linked_site_collection", 0.45, value
        if subj.startswith(("they", "others", "companies")) and not (heading_sharing or tech or strong):
            return None
        return "tps.third_party_collection", 0.8 if strong or tech else 0.6, value
    if tech and not rights:
        if link and not re.search(r"cookie|beacon|pixel|track|analytic", low):
            return None
        return "tps.third_party_technology", 0.7, value

    # legal disclosure ("we may disclose information if required by law")
    if legal and verb and _DATA_OBJ.search(text) and not security and not rights:
        vtxt = verb.group(0).lower()
        if re.match(r"disclos|shar|releas|provid|transfer|pass|mak|report|furnish|divulg|send|sent|suppl", vtxt) \
                and not re.search(r"not (?:be )?disclosed to any(?:one| person)", text, _I):
            return "tps.legal_disclosure", 0.8, value


    # "Our affiliates, including A and B, receive your information"
    if _APPOSITIVE_RECEIVE.search(text) and _DATA_OBJ.search(text) and not rights and not security and not link \
            and not from_third:
        return "tps.recipient_appositive", 0.75, value
    ps = _PARTY_SEES.search(text)
    seen = text[ps.end():] if ps else ""
    if ps and (_DATA_OBJ.search(seen) or re.match(r"\s+(?:whether|what|which|how|when)\b", seen, _I)) \
            and not (rights or security or link or from_third) and not re.search(r"\b(?:we|us)\b", ps.group(0), _I):
        return "tps.party_sees", 0.65, value

    sr = _SUBJECT_RECEIVES.search(text)
    if sr and not _NOT_THIRD.match(sr.group("n")) and not (rights or security or link or from_third):
        return "tps.subject_receives", 0.6, value

    # "we pass X to the Y" / "we share X with that Y": the vendor hands data to another party
    wt = _WE_TRANSFER.search(text)
    if wt and wt.group("v") and re.match(r"(?:send|supply|provide|give|make|upload|submit|communicate)", wt.group("v"),
                                         _I) and not _DATA_OBJ.search(wt.group("o")):
        wt = None  # "we provide the service to the school", "we send newsletters to ...": no data handed over
    if wt and not rights and not security and not legit and not link and not (
            from_third and not re.search(r"shar|disclos|transfer|pass|send|sent", wt.group(0), _I)):
        if neg and _negated_before(text, wt.start() + 3, 40):
            value["negated"] = True
        return "tps.we_transfer", 0.65, value

    # "your application and answers go to that employer"
    if _DATA_GOES.search(text) and not (rights or security or link or from_third or legit):
        return "tps.data_goes_to", 0.6, value
    # "We respond to subpoenas and court orders that we determine are valid"
    if _LEGAL_RESPONSE.search(text) and not (rights or security):
        return "tps.legal_disclosure", 0.7, value
    # "Each insurer uses your information under its own privacy notice"
    if _RECIPIENT_USES.search(text) and not (rights or security or from_third):
        return "tps.recipient_uses", 0.6, value

    # list item / row under a recipients introduction or a sharing heading
    if (in_list_ctx or heading_sharing) and seg.kind in ("list_item", "table_row") and not legit and (
            strong or recip or gazetteer.ALIAS_RE.search(text) or (in_list_ctx and _ROW_NAMES_A_PARTY.match(text))) \
            and not link:
        return "tps.recipient_list_item", 0.75 if in_list_ctx else 0.6, value

    # sentence under a sharing heading mentioning a recipient or disclosure
    if heading_sharing and not link and not rights and not security and not legit and (
            (strong and (verb or _DATA_OBJ.search(text))) or (verb and re.search(
                r"shar|disclos|transfer|sell|rent|pass|releas", verb.group(0), _I))):
        return "tps.sharing_section", 0.6, value
    return None


# ---------------------------------------------------------------------------------------------
# named recipients
# ---------------------------------------------------------------------------------------------
_NAME = (r"[\"']?(?P<n>(?:[A-Z0-9][\w&.'+-]*|[a-z]+[A-Z][\w]*)(?:(?:\s+|\s*&\s*)(?:[A-Z0-9][\w&.'+-]*|of|and|"
         r"for|de)){0,4})[\"']?")
_CTX_NAME = [
    ("context.such_as", re.compile(
        r"(?:providers?|suppliers?|partners?|processors?|compan(?:y|ies)|vendors?|services?|platforms?|tools?|"
        r"brokers?|aggregators?|networks?|hosts?|organi[sz]ations?|businesses|products?|apps?|software|"
        r"systems?|analytics|\bCRM|merchants?|gateways?|banks?|couriers?|carriers?|sub-?processors?|distributors?|"
        r"resellers?|airlines?|insurers?|operators?|agencies)"
        r"\b[^.;:]{0,40}?\b(?:such as|like|including|e\.g\.,?|for example,?|namely,?)\s+" + _NAME)),
    ("context.currently", re.compile(r"\b(?:currently|presently|at present|at the moment)[,:]?\s+" + _NAME)),
    ("context.our_provider", re.compile(
        r"\b(?:[Oo]ur|[Mm]y|the|a|an|its) (?:(?:third[- ]party|external|chosen|current|preferred|trusted|secure|online|"
        r"payment|e-?mail|hosting|cloud|analytics|marketing|CRM|newsletter|IT|data|card|web|website|server|"
        r"video|survey|support|helpdesk|SMS|telephony|booking|accounting|finance|learning|platform|"
        r"software|service|[a-z]+)\s+){0,3}?(?:service )?(?:provider|processor|partner|supplier|host|vendor|"
        r"platform|gateway|processing (?:company|partner)|sub-?processor|insurer|insurance company|auditor|"
        r"accountant|tax (?:consultant|adviser|advisor)|(?:insurance )?broker|(?<=[a-z] )compan(?:y|ie))s?"
        # "our insurer of assistance and repatriation, Europ Assistance"
        r"(?: (?:of|for) [a-z]+(?: (?:and|&) [a-z]+)?(?=,))?,?[ \t]*(?:is\s+|"
        r"namely\s+|called\s+|"
        r"\(|-\s+)?" + _NAME)),
    ("context.by", re.compile(
        r"\b(?:provided|powered|hosted|operated|processed|handled|supplied|managed|run|delivered|stored|"
        r"administered|facilitated|serviced|maintained|backed) (?:\w+ ){0,2}(?:by|through|via|with|on|using)\s+"
        r"(?:the\s+)?" + _NAME)),
    # "we register their name, date of birth and the stage achieved with Swim Wales"
    ("context.registered_with", re.compile(
        r"\b[Ww]e\s+(?:also\s+)?register\b[^.;]{0,80}?\bwith\s+(?:the\s+)?" + _NAME)),
    ("context.we_use", re.compile(
        r"\b(?:we|We|I) (?:currently )?(?:use|utili[sz]e|rely on|partner with|work with|engage|employ|have "
        r"(?:engaged|partnered with|appointed)|subscribe to|contract with)\s+(?:the services of\s+|a company "
        r"called\s+)?" + _NAME)),
]
_BAD_NAME_WORDS = {
    "we", "our", "the", "this", "these", "those", "your", "you", "it", "its", "they", "their", "us", "i", "a", "an",
    "neither", "either", "both", "none",
    "uk", "eu", "eea", "usa", "u.s", "gdpr", "dpa", "ccpa", "coppa", "ferpa", "data", "personal", "privacy",
    "policy", "terms", "cookie", "cookies", "identity", "contact", "technical", "profile", "usage", "marketing",
    "services", "service", "website", "websites", "site", "internet", "email", "e-mail", "sms", "cloud",
    "other", "third", "party", "parties", "any", "all", "some", "such", "each", "when", "where", "if", "as",
    "in", "on", "for", "to", "and", "or", "with", "by", "from", "at", "of", "is", "are", "may", "will",
    "january", "february", "march", "april", "june", "july", "august", "september", "october",
    "november", "december", "monday", "friday", "european", "union", "kingdom", "united", "states", "america",
    # a help page's "Was this helpful?  Yes  No"; a table's "Organisation" column
    "level", "tier", "stage", "phase", "option", "grade", "yes", "no", "gps", "organisation", "organization",
    "optional", "required",
    # a run-in label ("**Backups**: encrypted backups are overwritten ..."), a product of a named company ("Teams")
    "backup", "backups", "logs", "teams", "onedrive", "sharepoint", "outlook",
    "account", "accounts", "holder", "holders", "exception", "exceptions",
    # a policy's defined role ("teachers and administrators ("Educators")"), a device
    "educator", "educators", "administrator", "administrators", "ipad", "ipads", "iphone", "iphones",
    # a connective opening a sentence ("Nevertheless, for the lending of the service, Hablamundo counts with ...")
    "nevertheless", "however", "moreover", "furthermore", "additionally", "therefore", "finally", "also",
    # a role a policy defines ("o Teacher - a person which the School has given access to"), a kind of recipient
    # ("Airlines (for example easyJet, British Airways)")
    "teacher", "pupil", "child", "guardian", "tutor", "airline", "airlines", "hotels", "hostels",
    "secure", "payment",
    "payments", "analytics", "hosting", "customer", "customers", "user", "users", "school", "schools",
    "students", "student", "parents", "parent", "teachers", "platform", "app", "apps", "application",
    "software", "system", "systems", "crm", "mis", "sso", "api", "apis", "sdk", "pdf", "html", "ip", "id",
    "social", "media", "facebook's", "please", "see", "note", "section", "clause", "appendix", "schedule",
    "disclosure", "disclosures", "consortium", "foundation", "association", "institute", "society",
    "table", "annex", "standard", "contractual", "clauses", "adequacy", "binding", "corporate", "rules",
    "information", "communications", "company", "companies", "provider", "providers", "partners", "partner",
    "ltd", "limited", "inc", "llc", "plc", "group", "help", "support", "login", "sign", "live", "web", "online",
    "digital", "mobile", "national", "international", "global", "local", "public", "general", "direct",
    "debit", "credit", "card", "cards", "bank", "banks", "paper", "post", "telephone", "phone",
    # column headings of a sub-processor table copied without its borders ("Sub-processor  Location")
    "sub-processor", "sub-processors", "subprocessor", "subprocessors", "processor", "processors", "location",
    "locations", "country", "countries", "purpose", "purposes", "name", "names", "entity", "entities",
    "processed", "category", "categories", "recipient", "recipients", "region", "regions", "description",
    "function", "activity", "activities", "transfer", "transfers", "mechanism", "safeguard", "safeguards",
    "supplier", "suppliers", "vendor", "vendors", "type", "types", "details", "summary", "version", "date",
    # recipients described, not named ("Professional advisers - lawyers and auditors")
    "professional", "advisers", "advisors", "law", "enforcement", "authorities", "regulators", "auditors",
    "insurers", "lawyers", "accountants", "affiliates", "subsidiaries", "tutors", "pupils",
    "staff", "employees", "contractors", "agents", "buyers", "purchasers", "acquirers", "successors",
    "advertisers", "advertising", "couriers", "delivery", "printers", "security", "fraud", "prevention",
    "ssl", "tls", "sockets", "socket", "layer", "transport", "encryption", "https", "firewall",
    "firewalls",
    "districts", "district", "families", "integrations", "centre", "centres", "center", "centers", "demo",
    "trust", "pricing", "resources", "blog", "careers", "features",
    # run-in labels of a policy's own sections ("Retention: We retain ...", "Children: Our website ...")
    "retention", "children", "changes", "rights", "access", "updates", "questions", "links", "definitions",
    "overview", "introduction", "complaints", "choices", "deletion", "storage", "sharing",
    # numbered parts of the policy itself ("Part Four: Retention and Security")
    "part", "chapter", "article", "step", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
    "ten", "eleven", "twelve",
    # a document-control field ("Issued: 04/11/2024     Review date: 04/11/2025")
    "issued", "reviewed", "owner", "approved", "reference",
    # a run-in label naming what a supplier does ("4. Accounting: Invoice data are passed to our tax consultant")
    "accounting", "invoicing", "bookkeeping", "translation", "newsletter", "newsletters", "payroll",
    # the direction in a cloud region's name ("Azure UK South")
    "north", "south", "east", "west", "central",
}
# places: a table's location cell ("London (europe-west2)") is not a recipient
_PLACE_NAMES = {
    "london", "cardiff", "edinburgh", "manchester", "dublin", "frankfurt", "amsterdam", "paris", "berlin",
    "netherlands", "germany", "france", "belgium", "sweden", "finland", "spain", "italy", "poland",
    "switzerland", "norway", "denmark", "luxembourg", "singapore", "japan", "europe", "emea", "apac",
    "virginia", "oregon", "ohio", "california", "texas", "england", "britain", "wales", "scotland", "ireland",
    "india", "canada", "australia",
}
_BAD_NAME_WORDS |= _PLACE_NAMES


def _clean_name(raw: str) -> str | None:
    name = raw.strip(" '\".,;:()-")
    name = re.sub(r"\s+", " ", name)
    # stop at lower-case function words that the pattern allowed only between capitals
    name = re.sub(r"\s+(?:of|and|for|de)$", "", name)
    name = re.sub(r"(?:'s)$", "", name)
    if not name or len(name) < 2 or len(name) > 60:
        return None
    words = [w.strip(".,'").lower() for w in name.split()]
    if all(w in _BAD_NAME_WORDS or re.fullmatch(r"\d+|[ivx]+", w) for w in words):
        return None
    if words[0] in {"part", "section", "chapter", "article", "art", "clause", "annex", "appendix", "schedule"} and \
            all(re.fullmatch(r"[a-z]|\d+(?:\.\d+)*|[ivx]+", w) for w in words[1:]):
        return None  # "Part B – examiners, moderators and trainers": a part of the notice
    if words[0] in {"we", "our", "the", "this", "these", "your", "you", "it", "they", "their", "please", "if",
                    "when", "where", "all", "any", "some", "such", "each", "other", "a", "an", "uk", "eu",
                    "eea", "us", "usa", "gdpr", "in", "on", "for", "to", "with", "by", "from", "inc", "ltd",
                    "limited", "llc", "plc", "corp", "gmbh"}:
        return None
    if _REGULATOR.search(name):
        return None
    if words[-1] in {"data", "information", "details", "records"}:
        return None  # "We use Teacher Data to run your account": a policy's defined kind of data
    if re.fullmatch(r"(?i)(?:us|eu|uk|ap|ca|sa|me|af)-(?:east|west|north|south|central|southeast|northeast)\w*(?:-\d)?",
                    name):
        return None  # a cloud region ("US-East (Virginia)"), not a company
    if words[-1] in {"grant", "grants", "scheme", "schemes", "voucher", "vouchers", "allowance", "allowances"}:
        return None  # "Pupil Development Grant – Access: ... we send the council the voucher reference": a scheme
    return name


def _split_names(raw_tail: str) -> list[str]:
    """'Google, Facebook and Twitter' -> three names."""
    parts = re.split(r",\s*|\s+(?:and|or|&)\s+|/", raw_tail)
    return [p for p in parts if p.strip()]


_DOMAIN_RE = re.compile(r"(?<![@\w/.-])(?:https?://)?(?:www\.)?((?:[a-z0-9-]+\.)+(?:com|co\.uk|org\.uk|org|net|io|"
                        r"co|uk|us|me|ai|app|dev|eu|de|fr|ie|biz|info|edu|tech|cloud|to|ly|gg|tv))\b(?![@\w-])",
                        _I)
_TLDS = re.compile(r"\.(?:co\.uk|org\.uk|ac\.uk|com|org|net|io|co|uk|us|me|ai|app|dev|eu|de|fr|ie|biz|info|edu|"
                   r"tech|cloud|to|ly|gg|tv|cz|sk|pl|at|nl|es|it|dk|se|no|fi|pt|be|ch|ee|lt|lv|hu)$", _I)


def canonical_from_domain(host: str) -> str | None:
    """'123reg.com' -> '123 Reg'; 'aws.amazon.com' -> 'Amazon Web Services'; 'acme-hosting.co.uk' -> 'Acme Hosting'."""
    host = host.lower().strip().strip("/")
    host = re.sub(r"^https?://", "", host).split("/")[0]
    if host.startswith("www."):
        host = host[4:]
    known = gazetteer.canonical_for_domain(host)
    if known:
        return known
    base = _TLDS.sub("", host)
    base = base.split(".")[-1]  # registrable label
    if not base or len(base) < 2:
        return None
    words = re.split(r"[-_]+", base)
    out = []
    for w in words:
        # split digits from letters: 123reg -> 123 reg
        out.extend(p for p in re.split(r"(?<=\d)(?=[a-z])|(?<=[a-z])(?=\d)", w) if p)
    name = " ".join(p.upper() if len(p) <= 2 and p.isalpha() else p.capitalize() for p in out)
    return name or None


def _location(text: str) -> str | None:
    m = re.search(r"\b(?:based|located|hosted|stored|headquartered|established|situated|incorporated)"
                  r"\s+(?:(?:in|within|inside|outside(?: of)?)\s+)(?:the\s+)?([A-Z][\w. ]{1,40}?)(?=[,;.)]|\s+(?:and|"
                  r"who|which|that|acting|to|for|so|where)\b|$)", text)
    if m:
        prefix = re.search(r"\b(outside|inside|within|in)\b", m.group(0))
        loc = m.group(1).strip()
        if prefix and prefix.group(1) == "outside":
            return f"outside the {loc}" if loc.isupper() or loc in {"UK", "EEA", "EU"} else f"outside {loc}"
        return loc
    return None


def _purpose(text: str, name_end: int) -> str | None:
    tail = text[name_end:]
    m = re.search(r"\b(?:for|to (?:help us|assist (?:us )?(?:with|in)|provide|process|host|send|deliver|"
                  r"manage|enable|analy[sz]e|improve|understand|measure))\s+([^.;:()]{3,80})", tail)
    if m:
        return m.group(0).strip().rstrip(",")
    m = re.search(r"\b(?:for|as (?:our|a|an))\s+([a-z][^.;:()]{3,60})", text[:max(0, name_end - 1)])
    if m:
        return m.group(0).strip()
    return None


_DOMAIN_ONLY = re.compile(r"^\W*(?:https?://)?(?:www\.)?([a-z0-9.-]+\.[a-z]{2,}(?:\.[a-z]{2})?)/?\W*$", _I)
# "Mux - video streaming", "**Mux** — video streaming" (Markdown bold), "Wonde Ltd — a secure link to the school's MIS"
_NAME_ONLY = re.compile(r"^\W*([A-Z0-9][\w&.'+-]*(?:\s+(?:&\s+)?[A-Z0-9][\w&.'+-]*){0,4})"
                        r"(?:,?\s+(?:Ltd|Limited|Inc|LLC|plc)\.?)?(?:\*\*|__)?"
                        # where the supplier keeps the data: "Sentry, EU region (Frankfurt): error monitoring"
                        r"(?:,\s+(?:[A-Z][A-Za-z]*\s+)?(?:region|data\s+cent(?:re|er)s?|servers?)(?:\s*\([^()]{1,30}\))?)?"
                        r"(?:(?:\s*(?P<sep>[:–—(])|\s+(?P<dash>-))\s*"
                        r"(?P<rest>.*))?$")  # a hyphen parts a name from its purpose only after a space ("Opt-outs")


# "We may disclose information about you as follows:", "We share your data in these cases:"
_SHARE_LEAD = re.compile(r"\b(?:share|shares|disclose|discloses|provide|transfer|pass|release|make available|"
                         r"communicate|communicates|send|sends)\b"
                         r"[^.]{0,80}(?::|\bas follows\W*|\bfollowing (?:ways|circumstances|cases|situations)\W*)\s*$",
                         _I)


# the first cell of a table's header row that names the recipients
_RECIPIENT_COLUMN = re.compile(
    r"^\W*(?:(?:categor(?:y|ies)\s+of\s+)?recipients?|third[- ]part(?:y|ies)|(?:sub-?)?processors?|"
    r"(?:service\s+)?providers?|suppliers?|organi[sz]ations?|compan(?:y|ies)|who\s+(?:we\s+share\s+(?:it\s+)?with|receives?\s+(?:it|them|your\s+\w+)?|gets\s+it)|"
    r"shared\s+with|disclosed\s+to)\s*(?:\||\t|\s{2,})", _I)


class _ListState:
    """Tracks whether we are inside a list of recipients introduced by an earlier segment."""

    def __init__(self) -> None:
        self.active_until = -1
        self.intro_index = -1
        self.item_lead = ""  # a list item that leads the list: only the items under it are in the list

    def update(self, i: int, seg: Segment, text: str) -> None:
        # a numbered clause may itself lead the list ("6.2 We also use the following service providers ...:")
        lead = seg.kind == "list_item" and text.rstrip().endswith(":")
        if (seg.kind not in ("list_item", "table_row") or lead) and _INTRO.search(text) and (
                _STRONG_RECIPIENT.search(text) or re.search(r"\bparties\b", text, _I) or _SHARE_LEAD.search(text)) \
                and not _LINK_CTX.search(text) and not _FROM_THIRD.search(text):
            self.active_until = i + 20
            self.intro_index = i
            self.item_lead = " ".join(text.split()) if lead else ""
        elif seg.kind == "table_row" and _RECIPIENT_COLUMN.match(text):
            self.active_until = i + 20  # a table's header row: "Recipient | What they receive | Why"
            self.intro_index = i
            self.item_lead = ""
        elif seg.kind == "heading" and _NOT_SHARING_HEADING.search(text) and i > self.intro_index + 1:
            self.active_until = -1

    def active(self, i: int, seg: Segment | None = None) -> bool:
        # (a nested item's lead holds its parents' leads too: "We share only what each organisation needs: We also
        # use the following service providers ...:")
        if self.item_lead and seg is not None and not " ".join(seg.lead.split()).endswith(self.item_lead):
            return False
        return i <= self.active_until


def _purpose_after(doc: Document, ctx: _Ctx, i: int) -> str | None:
    for seg in ctx.segs[i + 1:i + 10]:
        t = ctx.seg_text(seg)
        m = re.match(r"\s*Purposes?\s*(?:[-:–]|of processing[-:–]?)\s*(.+)", t, _I)
        if m:
            return m.group(1).strip()
        if seg.kind in ("list_item", "table_row") and i != seg.index:
            break
    return None


def _gazetteer_names(text: str, ctx: _Ctx) -> list[tuple[str, int, int, str]]:
    """(canonical, start, end, category) for gazetteer mentions in ``text`` (domains included)."""
    out = []
    taken: list[tuple[int, int]] = []
    for m in _DOMAIN_RE.finditer(text):
        canon = gazetteer.canonical_for_domain(m.group(1))
        if canon:
            out.append((canon, m.start(), m.end(), gazetteer.CANONICAL_CATEGORY.get(canon, "")))
            taken.append((m.start(), m.end()))
    for m in gazetteer.ALIAS_RE.finditer(text):
        if any(a <= m.start() < b for a, b in taken):
            continue
        entry = gazetteer.lookup(m.group(1))
        if entry is None:
            continue
        surface = m.group(1)
        if entry.alias.lower() != entry.alias and surface[0].islower():
            continue  # "apple", "zoom in", "box" in lower case
        if _DEVICE_AFTER.match(text, m.end()):
            continue  # "The tablet is an Apple iPad": the maker of a device, not a recipient
        if entry.ambiguous and not (text[max(0, m.start() - 2):m.start()] == "**" == text[m.end():m.end() + 2]):
            # (a name in Markdown bold is written as a name: "**Clever** and **ClassLink** - rostering")
            if surface != entry.alias:
                continue
            before = text[:m.start()].rstrip()
            # sentence-initial capital is not evidence of a name for ambiguous words, unless the word does what a
            # processor does ("• Stripe processes card payments made on our website.")
            if (not before or before[-1] in ".!?:•*-" or re.search(r"(?:^|\n)\W*$", text[:m.start()])) \
                    and not _PROCESSOR_VERB_AFTER.match(text, m.end()) and not _RECIPIENTS_LABEL.search(before):
                continue  # (but "Sub-processors: Sentry (crash reports) and ...": a label names what follows)
            # nor is the last word of another capitalised name ("Skillet Box orders")
            if _IN_LONGER_NAME_BEFORE.search(text[max(0, m.start() - 40):m.start()]):
                continue
        out.append((entry.canonical, m.start(), m.end(), entry.category))
    return out


_RECIPIENTS_WORD = r"(?:sub-?processors?|processors|service\s+providers|recipients|suppliers)"
_RECIPIENTS_LABEL = re.compile(rf"\b{_RECIPIENTS_WORD}\s*:$", _I)
_RUN_IN_RECIPIENTS_LABEL = re.compile(rf"\W*{_RECIPIENTS_WORD}\s*:", _I)
_IN_LONGER_NAME_BEFORE = re.compile(r"\b[A-Z][\w&'-]*[ \t]+$")
_DEVICE_AFTER = re.compile(r"[ \t]+(?:iPads?|iPhones?|Macs?|MacBooks?|Watch(?:es)?|Pencils?|Chromebooks?|Pixel|Surface|"
                           r"Galaxy|Kindle|Echo)\b")
_PROCESSOR_VERB_AFTER = re.compile(r"\s+(?:process(?:es)?|handles|hosts|stores|collects|sends|delivers)\s+"
                                   r"(?!no\b|nothing\b|none\b)\w")
_ORG = r"(?:[A-Z][\w&.'+-]*|[a-z][A-Z]\w*)(?:\s+(?:&\s+)?(?:[A-Z0-9][\w&.'+-]*|of|for|and))*?"
_LEGAL_SUFFIX = (r"(?:Ltd|Limited|Inc|LLC|L\.L\.C|LLP|plc|PLC|PBC|GmbH|AG|B\.V|BV|S\.A|SAS|SE|Pty|Corp|"
                 r"Corporation|Unlimited Company|DAC|CLG|Teoranta|NPC|" + EU_LEGAL_FORMS +
                 # ("SARL" before "SA": a row glued to its next cell, "Amazon Web Services EMEA SARLHosting", ends so)
                 r"|SA|OÜ|Oyj|Oy|ApS|A/S|AB(?![ \t]*\d))\.?")
# a city or a country written in capitals ("Düsseldorf", "United Kingdom", "Paris (France)")
_PLACE_WORDS = r"[A-Z][^\W\d_]+(?:[ -][A-Z][^\W\d_]+){0,2}(?:\s+\([A-Z][^\W\d_]+(?:[ -][A-Z][^\W\d_]+){0,2}\))?"
# a brand written in lower case is a name only with its legal suffix ("thebigword Group Limited")
_LOWER_BRAND = r"[a-z][a-z0-9]{3,}(?:\s+[A-Z][\w&'+-]*){0,3},?\s+" + _LEGAL_SUFFIX
# a recipients list's item: a kind in lower case, a dash, its companies, a colon ("Payment providers - Stripe and
# GoCardless: card details")
_KIND_THEN_NAMES = re.compile(r"[ \t]*(?:[•*·-][ \t]*)?[A-Z][a-z]+(?:[ \t]+[a-z]+){1,8}[ \t]+[-–—][ \t]+"
                              r"(?P<names>[A-Z0-9][^:;.\n]{1,150}?)[ \t]*:[ \t]")
# an item's rest that says the company gets nothing
_NOTHING_SHARED = re.compile(r"\b(?:share|send|give|pass|disclose)s?\s+no\s+(?:\w+\s+)?(?:information|data|details)\b|"
                             r"\b(?:do|does|will)\s*(?:not|n't)\s+(?:share|send|pass|give|disclose)\s+(?:any|anything)\b"
                             r"[^.;]{0,60}\b(?:with|to)\s+(?:it|them)\b|\breceives?\s+nothing\b|"
                             r"\bnever\s+(?:receives?|gets?|sees?)\s+(?:anything|any\s+(?:personal\s+)?"
                             r"(?:data|information))\b", _I)
# a sentence that denies a named company anything ("we do not share Student Data with Apple")
_GIVEN = r"(?:shared|sent|given|passed|disclosed|sold|transferred|provided|uploaded)"
_DENIED_TO = re.compile(r"\b(?:(?:do\s+not|don't|never|will\s+not|won't|does\s+not|doesn't)\s+(?:share|send|give|pass|"
                        r"disclose|sell|transfer|provide|upload)|"
                        # "Image files are not uploaded to Adobe", "no images are uploaded to Adobe"
                        rf"(?:is|are|will\s+be)\s+(?:not|never)\s+{_GIVEN}|\bno\s+(?:\w+\s+){{0,3}}?(?:is|are)\s+{_GIVEN}"
                        r")\b[^.;]{0,80}?\b(?:with|to)\s+(?P<n>[A-Z][\w&'’.-]*)")
# the rest of a sentence that names organisations and denies that they receive anything
_THEY_RECEIVE_NOTHING = re.compile(r"[^.;]{0,100}?\bbut\s+(?:those|these|they|such|the)\b[^.;]{0,30}?\b(?:never|"
                                   r"do\s+not|don't|does\s+not|doesn't|will\s+not|won't)\s+(?:receive|get|see|"
                                   r"have\s+access\s+to)\b",
                                   _I)
_ENTRY_LINE = re.compile(
    r"[ \t]*(?:(?:[•*·-]|\(?[a-z]\)|\d{1,2}[.)])\s*)?[\"']?(?:\*\*|__)?(?:(?P<n>" + _ORG + r"(?:,?\s+" + _LEGAL_SUFFIX +
    r")?|" +
    _LOWER_BRAND +
    r")(?:\s+\([^()\n]{1,120}\))?(?:\*\*|__)?"  # ("**Loxley Colour** – our print laboratory": Markdown bold)
    # a run-in label opens a sentence ("Home plan: if you cancel, ..."); a recipient's line says what it does, after a
    # dash also in the vendor's words ("Intercom – our help chat and help centre")
    r"(?:\s+[-–—]\s+(?!(?i:if|when|where|we|you|your|this|these|it|they|as|in|for|there|please|the|all|any|each)\b)|"
    # where the recipient is, then what it does: "Mailjet SAS, Paris, France – sending of system e-mails"
    r",\s+" + _PLACE_WORDS + r"(?:,\s+" + _PLACE_WORDS + r")?\s+[-–—]\s+(?=[a-z])|"
    r",\s+(?=(?:which|who)\s+(?:\w+\s+)?(?:provides?|process(?:es)?|hosts?|runs?|sends?|delivers?|handles?|"
    r"stores?|supplies|receives?|collects?|manages?|operates?|prints?|insures?|carr(?:y|ies)|verif(?:y|ies)|checks?|"
    r"takes?|powers?|analy[sz]es|screens?|monitors?|holds?|keeps?|transcribes?|translates?)\b)|"
    # "c. Stripe, which processes card payments"; "Ochil Insurance Brokers and our insurer, if there is a claim"
    r"\s+(?=and\s+(?:our|their|its)\s+[a-z]+)(?P<and_our>)|"
    # "MyConcern, the secure system in which we record concerns", "Bookwhen, our booking system"
    r",\s+(?=(?:the|our)\s+(?:[\w-]+\s+){0,4}(?:system|service|platform|app|tool|provider|company|database|software|"
    r"package|program|programme|gateway|portal|insurer|bank|accountants?|auditors?|solicitors?|lawyers?|broker|"
    r"printer|laboratory|lab|host|carrier|supplier|agency)\b)|"
    # "Skebby, for the sending of the SMS", "Typeform, for the online registration and health forms"
    r",\s+(?=for\s+(?:the\s+)?(?:[a-z]+\s+)?[a-z]+(?:ing|ment|ery|tion|sion)\b)|"
    r",\s+(?=of\s+[A-Z]\w+)|"  # "Exact Online, of Exact Group B.V., Delft - the invoicing"
    # an item that says what the recipient gets: "(b) Caledonian MacBrayne (CalMac Ferries Ltd) receives the names"
    r"\s+(?=(?:receives?|gets)\s+(?!(?:it|them|nothing|no|none)\b)[a-z])(?P<receives>)|"
    # "- RevenueCat keeps track of ...", "- Fastmail hosts my email": an item that says what the company does
    r"\s+(?=(?:keeps|hosts|stores|provides|processes|handles|runs|sends|delivers|manages|holds|powers|checks|"
    r"tracks|prints|takes)\s+(?!(?:it|them|nothing|no|none)\b)[a-z])(?P<does>)|"
    # "ABRSM and Trinity College London, when your child is entered for an exam: ..."
    r",\s+(?=(?:when|if|where|once)\s+(?:you|your|we|a|an|the)\b)(?P<when>)|"
    # "Speedadmin (our music school management system), hosted in the EU;"
    r"(?<=\))\s*(?=[,;])|"
    r"(?:\s+:\s+|\s*:\s+|\t+)"
    r"(?!(?i:if|when|where|we|you|your|our|this|these|it|they|as|in|for|there|please|the|all|any|each)\b))(?=\S)|"
    # a table row whose cells lost their borders and spaces: "Firetext Communications LtdSMS alerts to parents"
    # (not a longer legal form cut short: "Mailjet SA" + "S, Paris")
    r"(?P<g>" + _ORG + r",?\s+" + _LEGAL_SUFFIX + r")(?:\s*\([^()\n]{1,80}\))?(?=[A-Z])(?![A-Z]\b))")
# a bulleted recipient whose description opens with "the" ("- Supabase – the database and login system"), which
# _ENTRY_LINE leaves out because a run-in label's sentence may open so too
# (the segment of a list item starts after its bullet)
_BULLET_NAME_THE = re.compile(r"[ \t]*(?:[•*·-][ \t]+)?(?P<n>" + _ORG + r"(?:,?\s+" + _LEGAL_SUFFIX + r")?)\s+[-–—]\s+"
                              r"(?=the\s+[a-z]+(?:\s+(?:and|or)\s+[a-z]+)?(?:\s+[a-z]+){0,2}\s*[.;,(]|the\s+[a-z]+\s+"
                              r"(?:system|service|platform|provider|host|database|tool|app|processor)s?\b|"
                              # "o uCheck – the registered umbrella body that processes our DBS applications"
                              r"the\s+(?:[a-z-]+\s+){1,3}(?:body|company|agency|firm|bureau|organi[sz]ation)\s+"
                              r"(?:that|which|who)\b)")
# ... and one whose description opens with the case it is used in ("• Klarna - if you choose "Pay in 3", Klarna
# receives ...") or with "our" ("- Coachmanager: our booking and scheduling software"), read only in the items of a
# list of recipients or under a sharing heading, where a run-in label ("Home plan - if you cancel") is not expected
_BULLET_NAME_IF_OUR = re.compile(r"[ \t]*(?:[•*·-][ \t]+)?(?P<n>" + _ORG + r"(?:,?\s+" + _LEGAL_SUFFIX + r")?)"
                                 # ("English Chess Federation (ECF) - if your child ...")
                                 r"(?:\s+\([A-Z][^()]{0,40}\))?"
                                 r"(?:\s+[-–—]\s+|\s*:\s+)"
                                 r"(?=(?:if|when|where|once)\s+(?:you|your|a|an|the|we|our)\b|our\s+\w)")
_BY_DATA_SUBJECT = re.compile(r"\b(?:data|information|details|records?|servers?|hosting|host|platform|service|"
                              r"services|site|website|app|application|accounts?|payments?|e-?mails?|messages?|"
                              r"newsletters?|analytics|storage|database|backups?|support|processing|infrastructure|"
                              r"cookies?|tracking|checkout|transactions?|calls?|video|SMS)\b", _I)
_POLICY_SCOPE = re.compile(r"\s*(?:this|our)\s+(?:online\s+)?(?:privacy\s+)?(?:policy|notice|statement)\s+(?:applies|"
                           r"covers|describes)\b", _I)
_ON_OUR_OWN = (r"(?:on|in)\s+(?:our|my|the)\s+own\s+(?:\w+\s+)?(?:servers?|infrastructure|systems|computers|machines|"
               r"workstations|laptops)")
_SELF_HOSTED = re.compile(r"\bself-?hosted\b|\b(?:host|run|install|operat)\w*\s+(?:it\s+|them\s+|[A-Z][\w.-]*\s+)?"
                          r"(?:ourselves\s+)?" +
                          _ON_OUR_OWN +
                          # "Both programs run on our machines", "Matomo, which we install ourselves on our server"
                          r"|\b(?:run|runs|installed)\s+on\s+our\s+(?:own\s+)?(?:\w+\s+)?(?:computers|machines|devices|workstations|"
                          r"laptops|desktops|PCs)\b"
                          r"|\binstall\w*\s+(?:it\s+)?(?:ourselves\s+)?on\s+our\s+(?:own\s+)?servers?\b"
                          r"|\bnot\s+shared\s+with\s+any\s+(?:\w+\s+)?(?:company|provider|third)", _I)
_STORE_LISTING = re.compile(r"\b(?:download\w*|available|install\w*|get\s+it|not|distributed|listed|published)\s+"
                            r"(?:\w+\s+){0,3}(?:from|on|via|in|at|through)\s+"
                            r"(?:the\s+)?(?:(?:Apple\s+)?App\s+Store\s+(?:and|or|&)\s+)?$", _I)
# the next sentence denies that the organisations just named receive anything
_NONE_SENT_TO_THOSE = re.compile(r"\W*(?:Those|These|They|Such)\b[^.]{0,80}?\b(?:(?:we|I)\s+(?:do\s+not|don't|never|"
                                 r"will\s+not)\s+(?:send|give|pass|share|transfer)\s+(?:them|these|those|it)\b|"
                                 r"(?:do|does|will)\s+not\s+receive\b|receive\s+nothing\b)|"
                                 # "We have no access to those systems", "We do not share information with those
                                 # services"
                                 r"\W*(?:We|I)\s+(?:have\s+no\s+access\s+to|(?:do\s+not|don't|never)\s+(?:have\s+access\s+to|"
                                 r"(?:share|send|pass)\s+(?:\w+\s+){0,2}(?:with|to)))\s+(?:those|these|them|either)\b")
_NOT_RECIPIENTS_LEAD = re.compile(r"\b(?:do|does|will)\s+not\s+(?:receive|get|see|have\s+access\s+to)\b[^.]*:\s*$", _I)
# a name coordinated under "neither ... nor", or the place a user copies data from ("a register export in SIMS")
_NOT_A_RECIPIENT_BEFORE = re.compile(r"\b(?:neither|nor|no)\s+$|"
                                     # the school's own system: "Schools using SIMS, Arbor, Bromcom or any other MIS
                                     # export the class list themselves"
                                     r"\b(?:schools?|academies|trusts?|customers)\s+(?:that\s+|which\s+|who\s+)?"
                                     r"(?:also\s+|already\s+|often\s+|may\s+)?"  # ("Many schools also use ParentPay")
                                     r"us(?:e|es|ing)\s+(?:[\w.&-]+,?\s+(?:or\s+|and\s+)?){0,4}$|"
                                     # a provider replaced ("Customer.io - reminder emails (replaced Mailchimp
                                     # in January 2025)")
                                     r"\breplac(?:ed|es|ing)\s+(?:our\s+|the\s+)?(?:previous\s+|old\s+|former\s+)?$|"
                                     # where a user chooses to send something: "(AirDrop, Files, your school's Seesaw"
                                     r"\byour\s+(?:own|school'?s)\s+(?:own\s+)?$|"
                                     # "The Trust moved from Google Workspace to Microsoft 365 in 2023"
                                     r"\b(?:moved|switched|migrated)\s+(?:\w+\s+){0,2}?(?:away\s+)?from\s+$|"
                                     # "No Facebook or Google tracking."
                                     r"\bno\s+[\w.&-]+(?:\s+[\w.&-]+){0,2}\s+(?:or|nor|and)\s+$|"
                                     # "we have no log-ins to SIMS, Arbor, Bromcom or any other MIS"
                                     r"\bno\s+(?:access|log-?ins?|logins?|connections?|integrations?)\s+(?:to|with)\s+"
                                     r"(?:[\w,]+\s+){0,3}$|"
                                     r"\bnothing\s+(?:goes|is\s+sent|passes)\s+(?:through|to|via)\s+$|"
                                     # "no data goes to Matomo's developer, InnoCraft Ltd", "no School Data is
                                     # stored in iCloud or sent to Apple"
                                     r"\bno\s+(?:personal\s+)?(?:data|information)\s+(?:goes|is\s+sent|is\s+passed|passes)\s+"
                                     r"(?:through|to|via)\s+(?:[\w'’]+\s+){0,3}?(?:[\w'’]+,\s+)?$|"
                                     r"\bno\s+(?:\w+\s+)?(?:data|information)\s+is\s+[^.;]{0,40}?\b(?:sent|passed|given)\s+"
                                     r"to\s+$|"
                                     # the school's own system: "from the school's MIS (for example SIMS, Arbor"
                                     # ... "schools connect their management information system (for example SIMS"
                                     r"(?:\b(?:the|your|a|its|each)\s+school'?s|\b(?:schools?|academies|trusts?)\s+"
                                     r"(?:\w+\s+){0,3}?(?:their|its))\s+(?:own\s+)?(?:MIS|SIS|(?:management|"
                                     r"student)\s+information\s+system)\s*[(,–-]?\s*(?:for\s+example,?|e\.g\.,?|"
                                     r"such\s+as|like)\s+(?:[\w,]+\s+){0,5}$|"
                                     # where the vendor advertises, not whom it gives data: "We advertise our mocks on
                                     # Facebook and Instagram"
                                     r"\b(?:we|I)\s+(?:also\s+|do\s+)?advertise\s+(?:\w+\s+){0,3}(?:on|in)\s+"
                                     r"(?:[\w,]+\s+(?:and|or)\s+)?$|"
                                     # the system data is copied from ("the files that the School exports from that
                                     # system, such as CPOMS")
                                     r"\b(?:copied|copy|export\w*)\b[^.;]{0,50}\b(?:from|in)\s+(?:[\w,]+\s+){0,7}$", _I)
# "Matomo is installed on our own servers", "the software Matomo, installed on our own servers", "We measure usage
# with PostHog, an open-source analytics tool that we run on our own servers", "handled by GlitchTip, which I run on
# my own server"
_SELF_HOSTED_TOOL = re.compile(r"(?:(?:^|(?<=[.;:]\s))(?:The\s+)?|\b(?:software|tool|with|using|by)\s+)"
                               r"(?P<n>[A-Z][\w.+-]*(?:\s+[A-Z][\w.+-]*)?)(?:\s+(?:is|are)\s+|,\s+|\s+(?=installed))"
                               r"(?:(?:an?|the)\s+[\w-]+(?:\s+[\w-]+){0,4}\s+(?:that|which)\s+(?:we|I)\s+)?"
                               r"(?:self-?hosted|(?:\w+\s+){0,2}(?:hosted|operated|run|installed)\s+" + _ON_OUR_OWN +
                               r")",
                               re.M)
# translated: "an own installation of Sentry on our own servers at Hetzner", "the Matomo tool installed on our own
# server"
_OWN_INSTALLATION = re.compile(r"\binstallation\s+of\s+(?P<n>[A-Z][\w.+-]*(?:\s+[A-Z][\w.+-]*)?)\s+" + _ON_OUR_OWN)
_TOOL_INSTALLED = re.compile(r"\b(?P<n>[A-Z][\w.+-]*)\s+(?:tool|software|system|service|platform)\s+(?:is\s+)?"
                             r"(?:installed|hosted|run|operated)\s+" + _ON_OUR_OWN)
_NAME_THEN_PURPOSE = re.compile(r"(?:^|(?P<sep>[;:]\s+|;\s*and\s+))(?P<n>" + _ORG + r"(?:,?\s+" + _LEGAL_SUFFIX +
                                r")?) {1,2}\((?P<p>[^()]{3,120})\)", re.M)  # (a wider gap parts a table's cells)
# "...; Klarna for "Pay in 3"; SoapBox Labs Ltd – children's speech recognition; ..."
_SEMICOLON_ITEM = re.compile(r";\s*(?:and\s+)?(?P<n>" + _ORG + r"(?:,?\s+" + _LEGAL_SUFFIX + r")?)\s+(?:(?:for|to)\s+|"
                             r"[-–—]\s+)\S")
_PRODUCT_IN_BRACKETS = re.compile(_ORG + r",?\s+" + _LEGAL_SUFFIX + r"\s*\((?P<p>[A-Z][\w.'+-]*"
                                  r"(?:\s+[A-Z][\w.'+-]*){0,3})(?:\s+[a-z][^()]{0,60})?\)")
_TRADEMARK = re.compile(r"trademarks?\b|[®™]|not (?:affiliated|associated) with|not (?:sponsored|endorsed) by", _I)
_LEGAL_NAME = re.compile(r"(?<![\w&.'-])(?P<n>" + _ORG + r",?\s+" + _LEGAL_SUFFIX + r")(?![\w-])|"
                         # a brand in lower case, only where it opens a line or an item ("o sipgate GmbH, Düsseldorf")
                         r"^[ \t]*(?:[•*·o-][ \t]+)?(?P<lower>[a-z][a-z0-9]{3,},?\s+" + _LEGAL_SUFFIX + r")(?![\w-])",
                         re.M)
_COORD_NAME = r"(?P<n>(?:[A-Z][\w&'+-]*|[a-z][A-Z]\w*)(?:\s+[A-Z][\w&'+-]*){0,2})"
# (a bracket may say what the first one does: "Sentry (crash reports, EU region) and TelemetryDeck (usage counts)")
_COORD_AFTER = re.compile(r"(?:\s*\([^()\n]{1,80}\))?\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or|&)\s+)(?:the\s+)?" +
                          _COORD_NAME + r"(?=\s+[a-z]|\s*[,.;:()]|\s*$)")
_COORD_BEFORE = re.compile(r"(?:^|(?<=[\s(]))" + _COORD_NAME + r"(?:\s*,\s*|\s+(?:and|or|&)\s+)$")


_SCHOOL_NAME = re.compile(r"\b(?:School|Academy|College|University|Primary|Nursery|Infants?|Juniors?|Trust|"
                          r"C of E|CofE|RC|Catholic)\b")


def _resolve_org(raw: str, alias_prefix: bool = False) -> tuple[str, gazetteer.Entry | None] | None:
    """(name, gazetteer entry or None) for an organisation named in running text or a list: cleaned, legal suffix
    dropped, a domain read as its company, and with ``alias_prefix`` a gazetteer alias that opens the name
    ("Stripe Payments UK Ltd") resolved to its canonical name. None when it is not a name."""
    cand = _clean_name(raw)
    if not cand or re.fullmatch(_LEGAL_SUFFIX, cand):
        return None  # (a legal form alone is a table's wrapped cell: "Amazon Web Services EMEA" / "SARL")
    bare = re.sub(r",?\s+" + _LEGAL_SUFFIX + r"$", "", cand).strip(" ,")
    entry = gazetteer.lookup(bare)
    if entry is None and alias_prefix:
        hit = gazetteer.ALIAS_RE.search(bare)
        if hit and hit.start() == 0 and not gazetteer.lookup(hit.group(1)).ambiguous:
            entry = gazetteer.lookup(hit.group(1))
    if entry is not None:
        return entry.canonical, entry
    if not bare or _clean_name(bare) is None and not (
            bare != cand and len(bare.split()) > 1 and bare.split()[-1].lower() in ("data", "information")):
        return None  # (with its legal form a name is a company's: "Overnet Data Ltd" is not a kind of data)
    if re.fullmatch(r"[a-z0-9.-]+\.[a-z]{2,}", bare, _I):
        bare = canonical_from_domain(bare) or bare
    return bare, None


def _org_like(name: str) -> bool:
    """Does a name opening a list line read as an organisation rather than a kind of person ("Coaches")?"""
    name = name.strip()
    return " " in name or name.isupper() or bool(re.search(r"[a-z][A-Z]|\d", name)) or bool(gazetteer.lookup(name))


def _coordinated_orgs(name: str) -> list[str]:
    """"ABRSM and Trinity College London" and "Royal Mail and DPD" are two organisations; "Harrow Print and Design" is
    one (one word after "and", and neither side an acronym)."""
    head, sep, tail = name.partition(" and ")
    if sep and (len(tail.split()) >= 2 or any(part.isupper() and len(part) >= 2 for part in (head, tail))):
        return [head, tail]
    return [name]


def _emit_org(emit, raw: str, rule: str, conf: float, at: int, purpose: str | None = None) -> None:
    """Emit an organisation named by a list line, a table row or a legal name (schools named so are customers)."""
    # "The Duke of Edinburgh's Award receives ...": the article is not part of the name (one word after it may be)
    resolved = _resolve_org(re.sub(r"^The\s+(?=\S+\s+\S)", "", raw), alias_prefix=True)
    if resolved is None or (resolved[1] is None and _SCHOOL_NAME.search(raw)) or re.match(r"(?:No|Not|Never)\s", raw):
        return  # (a school is a customer; "No Facebook or Google tracking" names none)
    name, entry = resolved
    emit(name, "gazetteer" if entry else "context", rule, conf, at, at + len(raw), purpose,
         entry.category if entry else "")


def _products_of(text: str, at: int, canon: str) -> bool:
    """Is the name at ``at`` in brackets that list a named company's products ("Microsoft 365 Education (email, Teams
    and OneDrive)")? The names beside it are products, not other recipients."""
    opened = text.rfind("(", 0, at)
    if opened < 0 or ")" in text[opened:at]:
        return False
    owner = [c for c, _, b, _ in _gazetteer_names(text[:opened], None) if b >= len(text[:opened].rstrip()) - 30]
    return canon in owner


def _named(doc: Document, ctx: _Ctx, i: int, seg: Segment, text: str, list_ctx: bool,
           shares: bool) -> list[Finding]:
    found: list[Finding] = []
    link = bool(_LINK_CTX.search(text)) and not re.search(  # "we share ... via a link", not "we do not share"
        r"\b(?:we|us)\b(?:(?!\bnot\b|\bnever\b|n't\b)[^.]){0,60}(?:share|disclose|provide|transfer|pass|use)\b",
        text, _I)
    sign_in = bool(_SIGN_IN.search(text))
    # (a footer's "Cookie policy" link says nothing about the social links beside it)
    # (nor does "nothing from our shop is shared with those sites")
    follow = bool(_FOLLOW_US.search(text)) and not re.search(
        r"shar|disclos|collect|cookies?(?! (?:policy|settings|preferences|notice))|pixel|track|analytic",
        re.sub(r"\b(?:nothing|not|never|no)\b[^.;]{0,50}?\b(?:shared|disclosed)\b", " ", _FOLLOW_US.sub(" ", text),
               flags=_I), _I)
    # an item of a recipient list that opens with its name may mention a link it sends ("Twilio Inc. - text alerts;
    # only the school name and a link are sent")
    # ... also with the company's legal name in brackets ("SMSAPI (LINK Mobility Poland sp. z o.o.) - SMS")
    named_item = (list_ctx or seg.kind == "list_item" and _under_sharing_heading(seg, section_too=True)) and bool(
        re.match(r"\W*[A-Z][\w&.'+-]*(?:\s+[A-Z][\w&.'+-]*){0,4}(?:\s+\([^()]{1,120}\))?\s+[-–—]\s", text))
    if (link or follow) and not named_item:
        return found
    loc = _location(text)
    seen: set[str] = set()
    following = ctx.seg_text(ctx.segs[i + 1]) if i + 1 < len(ctx.segs) else ""
    # "Apple handles app downloads but we do not share Student Data with Apple": the paragraph denies it is a recipient
    # (in the next sentence too: "... using Adobe Photoshop. Image files are not uploaded to Adobe.")
    denied = {m.group("n").rstrip(".").lower() for m in _DENIED_TO.finditer(f"{text} {following}")}

    def emit(name: str, source: str, rule: str, conf: float, at: int, end_at: int, purpose: str | None = None,
             category: str = "", public_body: bool = False) -> None:
        name = _PUBLIC_BODY_NAMES.get(name, name) if public_body else name  # "DfE" is the Department for Education
        key = _canon_key(name)
        if not key or key in seen or ctx.is_vendor(name) or _REGULATOR.search(name) and not public_body:
            return
        if any(k.startswith(f"{key} and ") for k in seen):
            return  # "Westmorland" of "Westmorland and Furness Council", already named: one body, not two
        if name.split()[0].lower() in denied:
            return  # ("we never send your child's details to Trinity" denies "Trinity College London")
        if _NOT_USED.search(text, max(0, at - 100), max(at, 0)) or _NOT_USED_AFTER.match(text, end_at):
            return  # "we do not use ... the Meta Pixel", "such as CPOMS or MyConcern; we do not connect to these"
        if name in following and _SELF_HOSTED.search(following) or name in ctx.self_hosted:
            return  # "We use Matomo for statistics." + "Matomo is installed on our own server."
        if _NONE_SENT_TO_THOSE.match(following) and ";" not in text[end_at:]:
            return  # "we support SIMS, Arbor and Bromcom through that connection." + "Those systems are the school's
            # own and we do not send them any data."
        if _STORE_LISTING.search(text, max(0, at - 60), max(at, 0)):
            return  # "the app can be downloaded from the App Store": where the app is listed, not a recipient
        if seg.kind == "list_item" and (_NOT_RECIPIENTS_LEAD.search(seg.lead or "")
                                        or _NEGATED_LEAD.search((seg.lead or "").rstrip())):
            return  # "the following organisations do not receive personal data from us:" / "- Nutritics Ltd, ...";
            # "We never:" / "- send it to OpenAI or any other AI provider"
        if seg.kind == "list_item" and _NOTHING_SHARED.search(text, end_at):
            return  # "(a) Oak National Academy - our teachers use its lessons, but we share no information with it"
        if _NOT_A_RECIPIENT_BEFORE.search(text, max(0, at - 80), max(at, 0)):
            return  # "neither Apple nor Google gets anything", "names copied from a register export in SIMS"
        seen.add(key)
        value = {"name": name, "purpose": purpose or _purpose(text, end_at), "location": loc, "source": source}
        if category:
            value["category"] = category
        found.append(make(doc, seg, TOPIC, "named_recipient", value, rule, conf, at=at))

    # 1. list item / table row that is just a domain or a name under a recipients intro
    if list_ctx and seg.kind in ("list_item", "table_row", "sentence"):
        lines = text.strip().splitlines() or [""]
        first = re.split(r"\t|\s\|\s|\s{2,}", text.strip(" |"))[0] if seg.kind == "table_row" else lines[0]
        inline_purpose = None
        for ln in lines[1:]:
            pm = re.match(r"\s*Purposes?\s*[-:]\s*(.+)", ln, _I)
            if pm:
                inline_purpose = pm.group(1).strip()
        dm = _DOMAIN_ONLY.match(first)
        if not dm:  # "gocardless.com - Direct Debit for staff meal accounts": the domain, then what it does
            cell, _, rest = first.partition(" - ")
            dm = _DOMAIN_ONLY.match(cell) if rest.strip() else None
            inline_purpose = inline_purpose or (rest.strip() if dm else None)
        if dm:
            canon = canonical_from_domain(dm.group(1))
            if canon:
                at = text.find(dm.group(1))
                emit(canon, "domain", "tps.name.domain_list", 0.85, at, at + len(dm.group(1)),
                     inline_purpose or _purpose_after(doc, ctx, i), gazetteer.CANONICAL_CATEGORY.get(canon, ""))
        elif seg.kind in ("list_item", "table_row"):
            nm = _NAME_ONLY.match(first) if not re.fullmatch(r"\W*[A-Z][a-z]+\.", first.strip()) else None
            if nm and nm.group("sep") == ":" and re.match(r"(?i)(?:we|you|your|our|they|it|this|these)\b",
                                                           (nm.group("rest") or "").strip()):
                nm = None  # "Tax-Free Childcare: we are registered with HMRC ...": a run-in label
            # ("(f) Termination." opening a clause is its label); a long line is a sentence, unless a dash parts the
            # name from what the recipient does, or a colon follows a supplier the gazetteer knows
            resolved = _resolve_org(nm.group(1), alias_prefix=True) if nm else None
            if resolved and (len(first) < 80 or nm.group("sep") == "("
                             or (nm.group("sep") in ("–", "—") or nm.group("dash")) and re.search(r"\s[-–—]\s", first)
                             or nm.group("sep") == ":" and resolved[1]):
                cand, entry = resolved
                emit(cand, "gazetteer" if entry else "context",
                     "tps.name.list", 0.75, nm.start(1), nm.end(1),
                     (nm.group("rest") or "").strip() or _purpose_after(doc, ctx, i))

    # 1a. a public body that opens an item of a recipients list ("- the Department for Education (DfE) - for the
    # school census", "• HMRC, if you pay through Tax-Free Childcare, ..."): named for what it receives, unlike the
    # Department's guidance or a complaint to the ICO elsewhere in a policy
    def emit_public_body(raw: str, at: int, end_at: int) -> None:
        emit(re.sub(r"^(?:the|our)\s+", "", raw, flags=_I), "context", "tps.name.public_body", 0.7, at, end_at,
             category="regulators", public_body=True)

    if (list_ctx or _under_sharing_heading(seg)) and seg.kind == "list_item" and not _NEG.search(text):
        head = _ITEM_HEAD.match(text)
        for pm in _PUBLIC_BODY.finditer(head.group(0) if head else ""):
            emit_public_body(pm.group(0), pm.start(), pm.end())
    # ... or the first cell of a row of a recipients table ("Department for Education (DfE)   census, attendance")
    if (list_ctx or _under_sharing_heading(seg)) and seg.kind == "table_row" and not _NEG.search(text):
        first_cell = re.match(r"[^\t\n]*?(?=\s{2,}|\t|$)", text)
        for pm in _PUBLIC_BODY.finditer(first_cell.group(0) if first_cell else ""):
            emit_public_body(pm.group(0), pm.start(), pm.end())

    # "We send information about you ... to the Education and Skills Funding Agency (ESFA)": a public body the vendor
    # itself sends data to (not "the School may share ... with the DfE", nor "we do not share ... with Ofsted")
    for pm in _WE_SEND_TO_PUBLIC.finditer(text):
        if not _NEG.search(pm.group(0)):
            emit_public_body(pm.group("n"), pm.start("n"), pm.end("n"))

    # 1b. "Name - what they do" lines in a sharing section: a recipients table or list copied without bullets
    # or borders ("Yoti - tutor identity verification", "Xero Limited - our accounting system")
    sharing_ctx = shares or list_ctx or _under_sharing_heading(seg, section_too=True) or bool(
        _RUN_IN_RECIPIENTS_LABEL.match(text))  # a run-in label: "Sub-processors: Sentry (crash reports) and ..."
    if sharing_ctx:
        offset = 0
        raw = doc.text[seg.start:seg.end]  # tabs kept: they separate a table's cells
        # (a table row's later lines are its wrapped cells: "Microsoft Ireland   Hosting" / "Operations Ltd   (Azure)")
        # an item of a recipients list, bulleted or numbered (a numbered item is segmented as a clause: "2. Unifrog –
        # if your school uses Unifrog, ...")
        recipient_item = (seg.kind == "list_item" or seg.kind == "sentence" and re.search(
            r"(?:^|\n)[ \t]*(?:\d{1,2}[.)]|\(?[a-z]\))[ \t]*$", doc.text[max(0, seg.start - 8):seg.start])) and (
            list_ctx or _under_sharing_heading(seg, section_too=True))
        for line in raw.splitlines(keepends=True)[:1] if seg.kind == "table_row" else raw.splitlines(keepends=True):
            em = _ENTRY_LINE.match(line)
            if not em and seg.kind == "list_item":
                em = _BULLET_NAME_THE.match(line)  # "- Supabase – the database and login system."
            if not em and recipient_item:
                em = _BULLET_NAME_IF_OUR.match(line)
            found_by = em.groupdict() if em else {}
            loose = found_by.get("and_our") is not None or found_by.get("when") is not None
            if em and (found_by.get("receives") is not None or found_by.get("does") is not None) and \
                    not _org_like(em.group("n")) and re.search(rf"\b{re.escape(em.group('n').lower())}\b", doc.text):
                em = None  # "Publishers receive quarterly reports" after "licensed from publishers": a kind, not a name
            if em and found_by.get("does") is not None and seg.kind != "list_item":
                em = None  # ("Stripe processes card payments" in prose is read by the sentence rules)
            if em and general.is_date(line[em.end():].strip()):
                em = None  # "Posted: August 22, 2012": a date's label, not a recipient
            if em and not (loose and not _org_like(em.group("n"))):
                # (one word before "and our ..." or ", when ..." is a kind of person: "Coaches and their assistants")
                group = "n" if em.group("n") else "g"
                at = offset + em.start(group)
                for part in _coordinated_orgs(em.group(group)):
                    _emit_org(emit, part, "tps.name.entry_line", 0.75, at + em.group(group).index(part),
                              purpose=line[em.end():].strip() or None)
            offset += len(line)
        # "• Ferry and tunnel operators for your crossing - P&O Ferries, DFDS or Eurotunnel Le Shuttle: passenger
        # names": a kind of recipient, then the companies of that kind, then what they receive
        km = _KIND_THEN_NAMES.match(raw) if seg.kind == "list_item" else None
        if km and all(re.match(r"[A-Z0-9]", p.strip()) for p in _split_names(km.group("names"))):
            for part in _split_names(km.group("names")):
                _emit_org(emit, part.strip(), "tps.name.kind_then_names", 0.7,
                          km.start("names") + km.group("names").index(part))
        # "We use the following providers: Shopify International Limited (our shop platform); Klarna (instalments);"
        for pm in _NAME_THEN_PURPOSE.finditer(raw):
            if not pm.group("sep") and not re.search(_LEGAL_SUFFIX + r"$", pm.group("n")) \
                    and not gazetteer.lookup(pm.group("n")):
                continue  # "Rostering (OneRoster)" opening a line is a table cell, not a company
            _emit_org(emit, pm.group("n"), "tps.name.inline_list", 0.7, pm.start("n"), purpose=pm.group("p"))
        for sm in _SEMICOLON_ITEM.finditer(raw):  # "...; Klarna for "Pay in 3"; ..."
            _emit_org(emit, sm.group("n"), "tps.name.inline_list", 0.65, sm.start("n"))
        # "Google Ireland Limited (Firebase Cloud Messaging)": the product in brackets is what the policy names
        for bm in _PRODUCT_IN_BRACKETS.finditer(raw):
            entry = gazetteer.lookup(bm.group("p"))
            if entry and not entry.ambiguous:
                emit(entry.canonical, "gazetteer", "tps.name.product", 0.75, bm.start("p"), bm.end("p"),
                     category=entry.category)
        # "Harlow Print Lab Ltd prints and packs our orders": a registered company named where data is shared
        if not _TRADEMARK.search(text):  # "ACT is a registered trademark of ACT, Inc." names an owner, not a recipient
            # (in a table row, only its first line: "Operations Ltd" below is the wrapped end of "Microsoft Ireland")
            scanned = text.split("\n", 1)[0] if seg.kind == "table_row" else text
            for lm in _LEGAL_NAME.finditer(scanned):
                # "(Microsoft Ireland / Operations Limited)": the wrapped entity of a name, unless the brackets hold the
                # whole company behind a product ("EVOLVE (Edufocus Ltd)")
                group = "n" if lm.group("n") else "lower"
                if not text[lm.end():].lstrip().startswith(")") or text[:lm.start(group)].endswith("("):
                    _emit_org(emit, lm.group(group), "tps.name.legal_name", 0.7, lm.start(group))

    # 2. gazetteer mentions in a processing context
    # an item of a recipients list needs no cue of its own ("• Xero, our accounting and invoicing system;")
    item = list_ctx and seg.kind in ("list_item", "table_row")
    cue = item or bool(_PROCESSING_CUE.search(text)) and (sharing_ctx or bool(
        re.search(r"analytic|host|stor|process|payment|pay\b|transaction|provider|processor|sub-?processor|"
                  r"partner|cookie|pixel|track|advertis|newsletter|e-?mail|CRM|servers?|cloud|infrastructure|"
                  r"powered|handled|via|through|we use|uses|using|utili|integrat|sync|connect|sent to|send to|"
                  r"shared with|disclosed to|(?:kept|held|recorded) (?:in|on|with|by)\b|"
                  r"\bwe (?:run|set up|create) (?:a|an|our)\b|"  # "we run a WhatsApp group"
                  # "I send invoices with FreeAgent, my accounting software"
                  r",\s+(?:our|my)\s+(?:[\w-]+\s+){0,3}(?:software|system|service|platform|provider|tool|app|"
                  r"package|processor)\b", text, _I)))
    self_hosted = bool(_SELF_HOSTED.search(text)) or bool(_POLICY_SCOPE.match(text))
    for canon, a, b, cat in _gazetteer_names(text, ctx):
        if not cue or self_hosted:
            continue
        if sign_in and not shares:
            continue
        conf = 0.85 if shares or list_ctx else 0.7
        if cat == gazetteer.EXAM_BOARD and not _EXAM_ENTRY.search(text):
            continue  # "the exam boards being studied (for example AQA)": the syllabus, not a recipient
        emit(canon, "gazetteer", "tps.name.gazetteer", conf, a, b, category=cat)
        if sharing_ctx and not _products_of(text, a, canon):
            # "Royal Mail and DPD deliver orders": a name coordinated with a known recipient is one too; one word
            # after a company's legal form is its seat ("DeepL SE, Cologne, and ...")
            after = _COORD_AFTER.match(text, b)
            if after and " " not in after.group("n") and re.search(_LEGAL_SUFFIX + r"$", text[a:b]):
                after = None
            while after:  # "Royal Mail, Evri and DPD": each name in the chain
                nxt = _COORD_AFTER.match(text, after.end("n"))
                if text[after.end("n"):].lstrip().startswith(")") or nxt and nxt.group("n").lower() in _PLACE_NAMES:
                    break  # "(Amazon Web Services, Cape Town)", "DeepL SE, Cologne, Germany": where it is, not another
                _emit_org(emit, after.group("n"), "tps.name.coordinated", 0.65, after.start("n"))
                after = _COORD_AFTER.match(text, after.end("n"))
            before = _COORD_BEFORE.search(text[:a])
            if before and not re.search(r"\b(?:for|of|the|in|on|to|by|with|from|at|via|de)\s+$",
                                        text[:before.start("n")]):
                _emit_org(emit, before.group("n"), "tps.name.coordinated", 0.65, before.start("n"))

    # 3. organisations introduced by a recipient phrase
    for rule, rx in () if self_hosted else _CTX_NAME:
        for m in rx.finditer(text):
            tail_start = m.start("n")
            if rule == "context.by" and re.search(r"\b(?:to|for) us\b", m.group(0)):
                continue  # "lists supplied to us by the IWF": a source of data, not a recipient
            if rule == "context.by" and re.match(r"(?:maintained|administered|managed|run|supplied|provided)\b",
                                                 m.group(0), _I) and not _BY_DATA_SUBJECT.search(
                    text[max(0, m.start() - 80):m.start()]):
                continue  # "the curriculum maintained by ACARA", "a pledge administered by the FPF": no data
            # allow a comma/and list after "such as"
            tail = text[tail_start:]
            if rule == "context.such_as":
                tail = re.sub(r"\s*\([^()]{0,80}\)", "", tail)
            tail = re.split(r"[.;:()]|\s(?:to|for|who|which|that|based|so|in order|as|acting|when|where|is|are|"
                            r"was|were|will|may|can|have|has|with|on|at|by|from|provide|process|"
                            r"help|assist)\s", tail)[0]
            if rule == "context.such_as" and _THEY_RECEIVE_NOTHING.match(text, tail_start):
                continue  # "opportunities from providers such as UHI, but those providers never receive anything"
            # (a list after "such as" or "currently": "currently P&O Ferries, DFDS and Eurotunnel")
            pieces = _split_names(tail) if rule in ("context.such_as", "context.currently") else [m.group("n")]
            for piece in pieces:
                cand_m = re.match(r"\s*[\"']?((?:[A-Z0-9][\w&.'+-]*|[a-z]+[A-Z]\w*)(?:\s+(?:[A-Z0-9][\w&.'+-]*|"
                                  r"of|and|for|de)){0,4})", piece)
                if not cand_m:
                    continue
                # "stored on VisionTrack's UK servers": the company is the possessor
                resolved = _resolve_org(re.split(r"['\u2019]s\b", cand_m.group(1))[0])
                if resolved is None:
                    continue
                cand, entry = resolved
                if entry is None and _SCHOOL_NAME.search(piece):
                    continue  # "our partner schools, including St Wilfrid's Primary School": customers
                pos = tail_start + text[tail_start:].find(piece.strip()[:5]) if piece.strip() else tail_start
                emit(cand, "gazetteer" if entry else "context", f"tps.name.{rule}", 0.7 if entry else 0.6,
                     pos, pos + len(cand))
    return found


# ---------------------------------------------------------------------------------------------
# data sale and advertising
# ---------------------------------------------------------------------------------------------
# a "no" that covers only some people or some data ("we do not sell the personal information of users we know to be
# under 16", "... sensitive personal information", "no targeted ads to users under 18") does not answer for everyone.
# Not "we never sell children's data": on a children's service that is the answer for its users.
_SCOPED_NO = re.compile(
    r"\b(?:users?|consumers?|individuals?|people|persons?|anyone|visitors?|customers?|children|minors|those)\s+"
    r"(?:(?:who|that)\s+(?:we\s+know|are\s+known)\s+(?:to\s+be\s+)?|we\s+know\s+(?:to\s+be\s+)?|(?:known|believed)\s+to\s+be\s+)?"
    r"(?:under|below|younger\s+than)\s+(?:the\s+age\s+of\s+)?\d{1,2}|\bsensitive\s+(?:personal\s+)?(?:data|information)",
    _I)
# "We do not show advertising to Students": a no for the pupils, which adverts shown to the parents who book outweigh
_TO_PUPILS = re.compile(r"\bto\s+(?:our\s+)?(?:students|pupils|children|kids|minors|learners)\b", _I)
# ... and "We never use advertising cookies on the Trip Hub or the parent payment page": a no for some pages only
_ON_A_PAGE = re.compile(r"\b(?:on|in|inside|within)\s+(?:the|our)\s+(?:[\w-]+\s+){0,3}(?:hub|portal|app|page|pages|"
                        r"area|areas|section|dashboard|platform)\b", _I)


def _scoped(text: str, at: int) -> bool:
    """Does the negated clause starting near ``at`` limit itself to some people or some data?"""
    clause = re.split(r"[.;]|,\s+(?:and|but)\s+", text[at:])[0]
    return bool(_SCOPED_NO.search(clause))


_NEGATED_LEAD = re.compile(r"(?:\b(?:will|shall|do|does|must|may|can)\s*(?:not|n't)|\b(?:won|can|shan|don|doesn)['’]t)"
                           # ("We will not, under any circumstances:", "We will never, in any case:")
                           r"(?:\s*,\s*(?:under\s+any\s+circumstances|in\s+any\s+(?:case|circumstances)|ever)\s*,?)?"
                           r"\s*(?:\w+\s*)?[:\-–—]\s*$|"
                           r"\bnever\s*[:\-–—]\s*$|"
                           # a heading over the list: "Things I will never do", "WHAT WE WILL NOT DO"
                           r"\b(?:we|I)\s+(?:will\s+|would\s+)?(?:never|not|don't|do\s+not|won't)\s+do\s*:?\s*$|"
                           # "We will never use Student Data to:"
                           r"\b(?:never|not)\s+(?:use|share|give|pass|send)\s+(?:\w+\s+){0,4}?to\s*:\s*$", _I)
_ITEM_LINE = re.compile(r"\s*(?:\(?\d{1,2}[.)]|\(?[a-z][.)]|[-•*–o])\s")  # ("o": a Word bullet pasted as text)


def _under_negated_lead(text: str, start: int) -> bool:
    """Is the item at ``start`` one of a list whose lead-in is negated ("Tidewater will not:" / "3. sell a student's
    information")? Items may be numbered paragraphs as well as bullets; a paragraph with no marker of its own after
    the list is not one of its items."""
    if not text[text.rfind("\n", 0, start) + 1:start].strip():
        return False
    lines = text[max(0, start - 2000):start].splitlines()
    for line in reversed(lines[:-1] if lines and not lines[-1].strip() else lines):
        if not line.strip():
            continue
        if _ITEM_LINE.match(line) and not line.rstrip().endswith(":"):
            continue
        if re.match(r"[ \t]{2,}\S", line) and not line.rstrip().endswith(":"):
            continue  # an item's wrapped line ("  - sell your details to anyone, or let any" / "    other ...")
        return bool(_NEGATED_LEAD.search(line.rstrip()))
    return False


# a negated lead that runs into its items on the same line ("**We never:** use student data for advertising; build a
# profile ...; sell student information; ...")
_RUN_IN_NEGATED_LEAD = re.compile(r"\W*(?:\*\*|__)?(?:we|[A-Z][\w&.-]*)\s+(?:will\s+|shall\s+|do\s+|does\s+)?"
                                  r"(?:never|not)\s*(?:\*\*|__)?\s*:", _I)


def _sale(doc: Document, seg: Segment, text: str) -> list[Finding]:
    out = []
    text = re.sub(r"[\"“”]((?:sold|sell|sale|shared|share|selling|sharing)\b)[\"“”]", r" \1 ", text)
    low = text.lower()
    if "do not sell my" in low or "do not sell or share my" in low:
        if re.search(r"(?:do|does|will) not (?:\w+ ){0,3}sell (?:\w+ ){0,3}(?:personal|your|data|information)",
                     re.sub(r"do not sell (?:or share )?my", "", low)):
            out.append(make(doc, seg, "data_sale", "does_not_sell", {"basis": "statement"}, "sale.negated", 0.85))
        else:
            out.append(make(doc, seg, "data_sale", "sells", {"basis": "ccpa_opt_out"}, "sale.ccpa_link", 0.55))
        return out
    for m in _SALE_VERB.finditer(text):
        # "sold or shared (as those terms are defined in the CCPA) identifiers": read past the aside
        after = re.sub(r"\s*\([^()]{0,100}\)", "", text[m.end():])
        verb = m.group(0).lower()
        if verb in ("trade", "trades", "trading", "traded") and re.match(r"\s*(?:mark|name|show|union|secret|"
                                                                          r"association|body|as\b)", after, _I):
            continue
        if verb == "sale of" and not re.search(r"[.!?;:]\s*$", text) and len(text.split()) <= 8:
            continue  # a title ("Sale of Data and Advertising") states nothing
        if verb == "sale of" and re.match(r"\s*(?:our|the|its|a|all|any|substantially|part|some|assets|"
                                          r"business|company|shares|stock|products?|goods|services)\b", after, _I) \
                and not re.match(r"\s*(?:your|personal|the personal|user|customer)", after, _I):
            continue
        data_first = _SALE_DATA.search(after)
        biz_first = _SALE_BUSINESS.search(after)
        if biz_first and (not data_first or biz_first.end() < data_first.end()):
            continue
        if verb == "sale of" and re.search(r"opt[- ]?out (?:of|from) (?:the )?$|right to (?:opt[- ]?out|"
                                           r"limit)[^.]{0,30}$",
                                           text[:m.start()], _I):
            out.append(make(doc, seg, "data_sale", "sells", {"basis": "ccpa_opt_out"}, "sale.ccpa_opt_out", 0.55,
                            at=m.start()))
            break
        if not data_first:
            # "we do not sell, rent or trade your information": look past the verb list
            more = re.match(r"[\s,]*(?:(?:or|and|,)\s*)?(?:\w+\s*,?\s*){0,4}?(?:or|and)?\s*(?:otherwise\s+)?"
                            r"(?:\w+\s+)?(?:your|personal|any|user|customer|pupil|student|the|their)\b[^.;]{0,30}?"
                            r"\b(?:data|information|details|lists?)", after, _I) or re.match(
                # "I don't sell or rent anything about anyone"
                r"[\s,]*(?:(?:or|and)\s+\w+\s+)?anything\s+(?:(?:about|on)\s+(?:anyone|anybody|you|users?|pupils?|"
                r"students?|customers?|children)\b|"
                # "I don't sell anything except the app itself"
                r"(?:except|other\s+than|apart\s+from|but)\s+(?:the|our|my)\s+(?:app|apps|software|product|"
                r"products|service|services|subscriptions?|licen[cs]es?)\b)", after, _I)
            if not more:
                continue
        # "we do not use Student Data to target advertising, amass a profile ..., or sell it": the list's negation
        listed = bool(re.search(r"(?:,\s*|\s)(?:or|nor)\s+(?:to\s+)?$", text[:m.start()]))
        # an item of a list the lead negates ("Tidewater will not:" / "3. sell a student's information")
        lead_negated = m.start() < 20 and _under_negated_lead(doc.text, seg.start) or bool(
            _RUN_IN_NEGATED_LEAD.match(text) and ";" in text[:m.start()])  # "**We never:** use ...; sell student data"
        if lead_negated or _negated_before(text, m.start()) or (listed and _negated_before(text, m.start(), 240)) or \
                re.match(r"\s*(?:or|and)\s+(?:\w+\s+){0,2}(?:not|never)|\s+not\b", after) or \
                verb == "sale of" and _SALE_DOES_NOT_HAPPEN.match(after):  # (translated "sells not", "takes not place")
            scoped = _scoped(text, m.start())
            value = {"basis": "statement", "scoped": True} if scoped else {"basis": "statement"}
            out.append(make(doc, seg, "data_sale", "does_not_sell", value,
                            "sale.negated_scoped" if scoped else "sale.negated", 0.5 if scoped else 0.9,
                            at=m.start()))
        else:
            hedge = bool(re.search(r"\bmay\b|\bmight\b|\bcould\b|\bcan\b", text[max(0, m.start() - 30):m.start()]))
            if re.search(r"\bif\b|\bunless\b|\bwithout\b", text[max(0, m.start() - 60):m.start()], _I):
                # "we will not share unless..."/"if we sell" - conditional: weak
                if re.search(r"\bwithout (?:your )?(?:\w+ )?consent", text, _I) and _NEG.search(text[:m.start()]):
                    out.append(make(doc, seg, "data_sale", "does_not_sell", {"basis": "without_consent"},
                                    "sale.negated_without_consent", 0.7, at=m.start()))
                continue
            out.append(make(doc, seg, "data_sale", "sells", {"basis": "statement", "hedged": hedge},
                            "sale.statement", 0.8 if hedge else 0.9, at=m.start()))
        break
    if not out:
        pm = _PASSIVE_SALE.search(text)
        if pm:
            kind = "does_not_sell" if _NEG.search(pm.group(0)) else "sells"
            out.append(make(doc, seg, "data_sale", kind, {"basis": "statement"}, "sale.passive", 0.85,
                            at=pm.start()))
    if not out:
        cm = _CCPA_SALE.search(text)
        if cm:
            neg = _negated_before(text, cm.start() + len(cm.group(0)), 80) or re.search(
                r"(?:have|has) not sold|do not sell|does not sell", text, _I)
            out.append(make(doc, seg, "data_sale", "does_not_sell" if neg else "sells",
                            {"basis": "ccpa"}, "sale.ccpa", 0.75 if neg else 0.55, at=cm.start()))
    return out


_SALE_QUESTION = re.compile(r"\b(?:do|does|will|would|could)\s+(?:you|we|they|[A-Z]\w+)\s+(?:ever\s+)?"
                            r"(?:sell|rent|trade)\b", _I)
_ADS_QUESTION = re.compile(r"\b(?:advert\w*|ads|advertising|advertisers)\b", _I)


def _answered_no(doc: Document, ctx: _Ctx, i: int, seg: Segment, text: str) -> tuple[list[Finding], list[Finding]]:
    """A question and its answer ("Do you sell my data?" / "No, never."): the "No" says what the question asks."""
    if i == 0 or not answers_no(seg, text) or ctx.segs[i - 1].kind != "heading":
        return [], []
    question = seg.heading
    if _SALE_QUESTION.search(question):
        return [make(doc, seg, "data_sale", "does_not_sell", {"basis": "statement"}, "sale.answered_no", 0.85)], []
    if _ADS_QUESTION.search(question):
        return [], [make(doc, seg, "advertising", "no_third_party_ads", {}, "ads.answered_no", 0.8)]
    return [], []


def _ads(doc: Document, seg: Segment, text: str) -> list[Finding]:
    out = []
    no_ads = _NO_ADS.search(text)
    tp = _TP_ADS.search(text)
    item_ad = tp if tp and tp.start() < 40 else re.search(r"\badvertis\w*\s+to\b", text[:80], _I) or re.match(
        # "Hazelcrumb will never:" / "o allow advertising in the Parent app"
        r"\W*(?:allow|show|display|serve|run|carry|permit|put)\s+(?:any\s+)?(?:third[- ]party\s+)?"
        r"(?:advertising|adverts?|ads|advertisements)\b", text, _I)
    if item_ad and _under_negated_lead(doc.text, seg.start):
        # an item of a list the lead negates ("We do not:" / "- show advertising in our shop, or use retargeting",
        # "We will never:" / "(c) allow a supplier to use it to advertise to you")
        # "- show advertising ... to students", "(b) show third-party adverts inside the Platform": not everywhere
        value = {"audience_only": True} if _TO_PUPILS.search(text) or _ON_A_PAGE.search(text) else {}
        return [make(doc, seg, "advertising", "no_third_party_ads", value, "ads.negated_lead", 0.8, at=item_ad.start())]
    if no_ads and _scoped(text, no_ads.start()):
        no_ads = None  # "no targeted ads to users we know to be under 18": says nothing about everyone else
    if no_ads and (_AD_KIND.search(no_ads.group(0)) or re.match(r"\s+(?:that|which|with)\b", text[no_ads.end():]) or
                   re.search(r"\b(?:if|unless|rather|prefer)\b[^.;]{0,30}$", text[:no_ads.start()], _I)):
        no_ads = None  # "no video adverts with sound", "no adverts that reward", "if you'd rather there were none"
    if no_ads and re.search(r"advertis|\bads?\b|advert|publicity", no_ads.group(0), _I):
        # "we do not share with advertisers" is also a no (no third-party ads via data); "no ads" explicit
        clause = re.split(r"[.;]|,\s+(?:and|but)\s+", text[no_ads.start():])[0]
        partial = _TO_PUPILS.search(text, no_ads.start()) or _ON_A_PAGE.search(clause)
        value = {"audience_only": True} if partial else {}
        out.append(make(doc, seg, "advertising", "no_third_party_ads", value, "ads.negated", 0.85,
                        at=no_ads.start()))
    elif tp and not (_NEG.search(text[max(0, tp.start() - 50):tp.start()]) and not re.search(
            r"opt[- ]out|choices|you can|to limit|disable", text, _I)):
        # (also the vendor's own campaigns that a platform runs: "Those ads are shown by TikTok and Meta")
        first_party = re.search(r"\b(?:our|own) (?:ads|advertis\w+) (?:about|for) (?:our|us)|"
                                r"\b(?:those|these|our|such) (?:ads|adverts|advertisements) (?:are|is) "
                                r"(?:shown|served|displayed|run|placed) by\b", text, _I)
        if not first_party:
            out.append(make(doc, seg, "advertising", "third_party_ads", {}, "ads.third_party", 0.8,
                            at=tp.start()))
    # the browser's "Do Not Track" signal is its own subject (OPP-115 files it apart), not a promise not to track
    dnt_free = _DNT.sub(lambda m: " " * len(m.group(0)), text)
    nt = _NO_TRACK.search(dnt_free)
    if nt:
        out.append(make(doc, seg, "advertising", "no_tracking", {}, "ads.no_tracking", 0.8, at=nt.start()))
    else:
        tr = _TRACKING.search(dnt_free)
        if tr and not out and not re.search(r"do not track (?:signals?|requests?|settings?|browser|\(DNT\)|"
                                            r"\"?dnt)", text, _I) or tr and out and out[0].kind == "third_party_ads":
            out.append(make(doc, seg, "advertising", "tracking", {}, "ads.tracking", 0.7, at=tr.start()))
    return out


_CHOICE = re.compile(r"\b(?:you (?:can|may|could)|opt(?:ing)?[- ]?out|to limit|(?:browser|device|privacy|ad) "
                     r"settings|your choices)\b", _I)
_IMPLIES_SHARING = {"sells", "does_not_sell", "third_party_ads", "no_third_party_ads", "no_tracking"}


def _implied_sharing(doc: Document, seg: Segment, sale: list[Finding], ads: list[Finding]) -> list[Finding]:
    """Selling data and third-party advertising are sharing with / collection by third parties (OPP-115 files
    "we do not sell your data" and "advertisers may use cookies" under Third Party Sharing/Collection too)."""
    text = seg.text
    for f in (*sale, *ads):
        if f.kind in _IMPLIES_SHARING:
            if f.topic == "advertising" and _CHOICE.search(text):
                continue  # the user's choice about ads (User Choice/Control), not a disclosure
            if f.kind == "no_third_party_ads" and not (_STRONG_RECIPIENT.search(text) or _TP_ADS.search(text)):
                continue  # "there is no advertising in the app": says nothing about third parties
            rule = "tps.via_sale" if f.topic == "data_sale" else "tps.via_advertising"
            negated = f.kind.startswith(("does_not", "no_"))
            return [make(doc, seg, TOPIC, "sharing", {"negated": negated}, rule, min(f.confidence, 0.7))]
    return []


# ---------------------------------------------------------------------------------------------
# public API
# ---------------------------------------------------------------------------------------------
# a paragraph's run-in label sentence naming recipients: "Affiliates." "Legal requests." "Vendors."
_RUNIN_LABEL = re.compile(r"^\s*(?:\(?[\divx]{1,4}[.)]\s*|[a-z][.)]\s*)?[A-Z][\w'&/ -]{2,45}[.:]\s*$")


def _runin_label(text: str) -> str:
    """The label if ``text`` is a short run-in label that names recipients of data, else ""."""
    if not _RUNIN_LABEL.match(text) or len(text.split()) > 6:
        return ""
    if _NOT_SHARING_HEADING.search(text) or not (RECIPIENT_RE.search(text) or _SHARING_HEADING.search(text)
                                                 or _LEGAL.search(text) or _BUSINESS_TRANSFER.search(text)):
        return ""
    return text.strip()


def find(doc: Document, vendor_name: str | None = None) -> list[Finding]:
    ctx = _Ctx(doc, vendor_name)
    lists = _ListState()
    findings: list[Finding] = []
    label, prev_end = "", 0
    para_words: set[str] = set()  # words of the current paragraph's sharing sentences
    for i, seg in enumerate(ctx.segs):
        text = ctx.seg_text(seg)
        if "\n" in doc.text[prev_end:seg.start]:
            label = ""  # a new paragraph: the previous paragraph's run-in label no longer applies
            para_words = set()
        prev_end = seg.end
        this_label = _runin_label(text) if seg.kind == "sentence" else ""
        in_list = lists.active(i, seg) and seg.kind in ("list_item", "table_row")
        lists.update(i, seg, text)
        if seg.kind == "heading" or not text.strip():
            # a recipient list may have headings between items ("Purpose - Email hosting")
            if in_list or lists.active(i):
                continue
            continue
        rule = _sharing_rule(text, seg, in_list)
        run_in = this_label or label  # the label of this paragraph ("Sub-processors. Google Cloud ... - hosting")
        if rule is None and run_in and _SHARING_HEADING.search(run_in) and not _NOT_SHARING_HEADING.search(run_in) \
                and not _LINK_CTX.search(text):
            # "Sub-processors. Google Cloud (Google Cloud EMEA Limited) – hosting; SoapBox Labs Ltd – ..."
            rule = ("tps.runin_label", 0.7, {"negated": False})
        if rule is None and in_list and RECIPIENT_RE.search(text) and not _LINK_CTX.search(text) \
                and not _RIGHTS_CTX.search(text):
            # "- to companies that process payments ... on our behalf;" under "We may disclose information as follows:"
            rule = ("tps.recipient_list_item", 0.7, {"negated": False})
        if rule is None and label and not this_label:
            # "Affiliates. A and B provide support, and they may access account information."
            rule = _sharing_rule(f"{label} {text}", seg, in_list)
            if rule is not None:
                rule = ("tps.runin_label", min(rule[1], 0.7), rule[2])
        if rule is None and para_words and seg.kind == "sentence" and not _LINK_CTX.search(text):
            # "Partners that bill you receive your status. They may also use it to send you offers."
            head = _SUBJECT_HEAD.match(text)
            if _FOLLOW_ON.match(text) or (head and head.group(1).lower() not in _NOT_RECIPIENT_HEAD
                                          and _singular(head.group(1)) in para_words):
                rule = ("tps.paragraph_follow_on", 0.6, {"negated": False})
        if this_label:
            label = this_label
        shares = rule is not None
        if shares and seg.kind == "sentence":
            para_words |= {_singular(w) for w in re.findall(r"[a-z]{4,}", text.lower())}
        if rule:
            name, conf, value = rule
            findings.append(make(doc, seg, TOPIC, "sharing", value, name, conf))
            for cat, rx in CATEGORIES:
                if rx.search(text) and not (cat == "acquirers" and name not in ("tps.business_transfer",
                                                                               "tps.recipient_list_item")):
                    if cat == "regulators" and _RIGHTS_CTX.search(text):
                        continue
                    findings.append(make(doc, seg, TOPIC, "category", {"category": cat}, f"tps.category.{cat}",
                                         min(conf, 0.85)))
        findings.extend(_named(doc, ctx, i, seg, text, in_list, shares))
        sale, ads = _sale(doc, seg, text), _ads(doc, seg, text)
        if not sale or not ads:  # ("A: No to both. There is no advertising ...": the no answers the sale too)
            answered_sale, answered_ads = _answered_no(doc, ctx, i, seg, text)
            sale, ads = sale or answered_sale, ads or answered_ads
        findings.extend(sale)
        findings.extend(ads)
        if not shares:
            findings.extend(_implied_sharing(doc, seg, sale, ads))
    findings = dedupe(findings)
    return findings + heading_findings(doc, findings, _SHARING_HEADING, TOPIC, "tps.heading",
                                       exclude_rx=_NOT_SHARING_HEADING)


def summarise(findings: list[Finding], doc: Document | None = None) -> dict[str, Any]:
    named: list[str] = []
    keys: set[str] = set()
    recipients: list[dict[str, Any]] = []
    categories: list[str] = []
    for f in findings:
        if f.topic == TOPIC and f.kind == "named_recipient" and f.confidence >= 0.5:
            name = f.value["name"]
            key = _canon_key(name)
            if key in keys:
                for r in recipients:
                    if _canon_key(r["name"]) == key:
                        r["purpose"] = r["purpose"] or f.value.get("purpose")
                        r["location"] = r["location"] or f.value.get("location")
                continue
            keys.add(key)
            named.append(name)
            recipients.append({"name": name, "purpose": f.value.get("purpose"), "location": f.value.get("location")})
        elif f.topic == TOPIC and f.kind == "category" and f.value["category"] not in categories:
            categories.append(f.value["category"])

    sale = [f for f in findings if f.topic == "data_sale"]
    strong_sells = [f for f in sale if f.kind == "sells" and f.confidence >= 0.6]
    weak_sells = [f for f in sale if f.kind == "sells" and f.confidence < 0.6]
    not_sell = [f for f in sale if f.kind == "does_not_sell" and not f.value.get("scoped")]
    sells = "yes" if strong_sells else "no" if not_sell else "yes" if weak_sells else "not_stated"

    ads = [f for f in findings if f.topic == "advertising"]
    yes_ads = [f for f in ads if f.kind == "third_party_ads"]
    no_ads = [f for f in ads if f.kind == "no_third_party_ads"]
    if yes_ads:
        no_ads = [f for f in no_ads if not f.value.get("audience_only")]
    third_party_ads = "yes" if yes_ads and not no_ads else "no" if no_ads else "not_stated"
    if yes_ads and no_ads:
        # an explicit "we do not allow third-party advertising" outweighs generic ad-cookie boilerplate
        third_party_ads = "no" if max(f.confidence for f in no_ads) >= max(f.confidence for f in yes_ads) else "yes"
    tracking_yes = [f for f in ads if f.kind in ("tracking", "third_party_ads")]
    tracking_no = [f for f in ads if f.kind == "no_tracking"]
    tracking = "yes" if tracking_yes else "no" if tracking_no else "not_stated"
    return {"third_parties": {"named": named, "recipients": recipients, "categories": categories,
                              "sells_data": sells, "third_party_ads": third_party_ads, "tracking": tracking}}
