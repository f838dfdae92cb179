"""Data retention: how long data is kept, deletion, vague / indefinite / event-bound statements.

Rules, per segment (sentence, list item or table row), on a same-length normalised lower-case copy:

* A *retention context* is a retention verb about data in the segment ("retain", "keep", "store",
  "hold", "delete", "anonymise", "retention" ...) after masking near-misses ("retain the right",
  "keep you informed", "retain a lawyer", "app store" ...), or a retention heading above it
  ("Data retention", "How long do we keep your data?"), or, for a list item, its lead-in sentence.
* ``period``: a duration ("six years", "12 months", "30-day", "twelve (12) months", "between 3 and 6 years")
  in a retention context, unless its own words make it something else: an age ("13 years of age"),
  a response / notice / refund / trial time ("respond within one month"), a look-back ("in the past
  12 months"), a frequency ("every 12 months"), experience ("six years of experience"), or a cookie's
  lifetime ("expires after 30 days": a property of a browser file, not a statement about keeping
  personal data - left out of ``periods_days`` by design; "analytics data is retained for 26 months"
  still counts). A range ("between 3 and 6 years") yields both ends: each is a stated period.
  Months are 30 days, except whole years of months (12, 24 ... months = 1, 2 ... years of 365 days).
* ``vague`` ("as long as necessary"), ``indefinite`` ("indefinitely", "permanently"), ``event_bound``
  ("for the duration of the school's licence", "until you close your account"), ``deletion``
  (deletion on request, or a deletion practice stated in a retention context), ``statement`` (any
  other sentence that talks about retention of data, e.g. how retention periods are decided).
"""
from __future__ import annotations

import re

from ..types import Document, Finding, Segment
from . import body_segments, finding, heading_findings, norm, paragraph_labels

TOPIC = "retention"
#: A stated period is evidence read off the text, like a named recipient: the topic model's veto, which weighs a
#: paragraph's words, dropped "backups are stored in fourteen days" and "Invoices: 10 years" in translated policies
NEVER_VETOED = frozenset({"period"})

_SMALL = {
    "a": 1, "an": 1, "one": 1, "a single": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
         "ninety": 90}
_UNDER_HUNDRED = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|"
    r"eight|nine))?|a single|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|one|"
    r"two|three|four|five|six|seven|eight|nine|ten|an|a)"
)
# "one hundred eighty (180) days", "two hundred and seventy days": US legal drafting spells out hundreds
_NUM_WORD = (
    rf"(?:(?:one|two|three|four|five|six|seven|eight|nine|a)[- ]hundred(?:[- ](?:and[- ])?(?!an?\b){_UNDER_HUNDRED})?|"
    rf"{_UNDER_HUNDRED})"
)
_NUM = rf"(?:\d{{1,4}}(?:\.\d+)?|{_NUM_WORD})"
# the digits a policy repeats in brackets ("sixty (60) days") are the amount, whatever the words say; words in brackets
# after digits ("6 (six) months", as translated policies write) repeat the amount
_PAREN = rf"(?:\s*\(\s*(?:(?P<paren>\d{{1,4}})|{_NUM_WORD})\s*\))?"
_UNIT = r"(?P<unit>days?|weeks?|fortnights?|months?|years?|yrs?|hours?|decades?)"
_ADJ = (r"(?:(?:full|calendar|consecutive|business|working|additional|further|more|rolling)\s+|"
        r"(?:school|academic|financial|fiscal|tax)\s+(?=years?\b))?")  # "two school years", not "10 school days"
_DURATION = re.compile(rf"(?<![\w.,/-])(?P<num>{_NUM}){_PAREN}[\s-]+{_ADJ}{_UNIT}(?![\w-])")
_RANGE = re.compile(
    rf"(?<![\w.,/-])(?P<a>{_NUM})\s*(?:-|to|and|or)\s*(?P<num>{_NUM}){_PAREN}[\s-]+{_ADJ}{_UNIT}(?![\w-])"
)
_UNIT_DAYS = {"day": 1, "week": 7, "month": 30, "year": 365, "yr": 365, "decade": 3650, "hour": 0}

# words right before a duration that make it something other than a retention period
_BEFORE_BAD = re.compile(
    r"(?:\b(?P<word>respond\w*|response|reply|replies|answer\w*|acknowledg\w*|notif\w*|notice|inform you|refund\w*|"
    r"cancel\w*|return\w*|trial|experience|warranty|guarantee\w*|invoice\w*|pay|paid|payment\w*|billing|bill|"
    r"renew\w*|subscri\w+|aged?|ages|under|over|below|above|younger than|older than|past|preceding|previous|"
    r"prior|last|every|each|per|once|twice|times|ago|founded|established|since|free|discount|"
    r"spanning|first|next|coming|resolve|process your request|fulfil\w*|comply with your request|valid|"
    r"take us|extend\w*|extension|exceed\w*|take up to|reach|turn|turns|turned|age of|ages of|birthday|help|assist|"
    # a loan is not a retention period ("e-books are lent for 21 days"); nor is the period a change replaced
    # ("backup retention shortened from five weeks to four weeks")
    r"lent|loaned|borrowed|(?:shorten|reduc|chang|lengthen|increas|decreas|cut)\w*\s+from|minors?(?:\s+of)?|"
    # ... or the period it went from ("the Recently Deleted period went from 14 days to 30")
    r"(?:went|gone|goes|moved|rose|fell)\s+from|"
    # a deadline to pass a file on ("transferred within five school days of an in-year transfer")
    r"transferr?\w*|forwarded|passed\s+on|"
    # a breach reported to the regulator ("report it to the ICO within 72 hours")
    r"ico|information\s+commissioner(?:'s\s+office)?|supervisory\s+authority|regulator)"
    r"(?:\s+(?:by|of|within|to|than|up to|at least|about|around|approximately|for|the|a|an|another|additional|"
    r"further|additional|least))*\s*$)"
)
# a capitalised word closing a product's name after a dotted or upper-case brand ("GOV.UK Notify", "NHS Notify")
_IN_A_NAME = re.compile(r"\b(?:[A-Z]\w*\.[\w.]+|[A-Z]{2,})\s+[A-Z][a-z]+$")
# a policy's table of contents in a sentence: "This policy explains what we collect, why, and how long we keep it"
_CONTENTS = re.compile(r"\bthis\s+(?:privacy\s+)?(?:policy|notice|statement|page|section)\s+(?:\w+\s+)?"
                       r"(?:explains|describes|sets\s+out|"
                       r"tells\s+you|covers|outlines|summari[sz]es)\b[^.;]*\bhow\s+long\b")
_NOT_RETENTION = re.compile(r"\bnot\s+(?:a\s+|the\s+)?(?:data\s+)?retention\s+periods?\b|"
                            r"\bnot\s+(?:to\s+)?how\s+long\s+we\s+(?:keep|retain|hold|store)\b|"
                            # "Some dates to be aware of (not data retention):"
                            # "For your planning, not our data retention:"
                            r"\bnot\s+(?:our\s+)?(?:data\s+)?retention\s*[:)]|"
                            # "the following are not periods for which we keep information:"
                            r"\bnot\s+(?:\w+\s+)?periods?\s+(?:for|during)\s+which\s+we\s+(?:keep|retain|hold|store)\b|"
                            # "Some things that are NOT about keeping your information: returns within 28 days",
                            # "(they aren't about keeping data)"
                            r"(?:\b(?:not|nothing)|n['’]t)\s+(?:about|related\s+to|to\s+do\s+with)\s+(?:keeping|retaining|storing|"
                            r"holding|how\s+long|(?:data\s+)?retention)\b|"
                            # translated: "Not to confuse with retention: a trial licence is valid for 6 weeks";
                            # "Please do not confuse retention with governance timescales"
                            r"\bnot\s+to\s+(?:be\s+)?confus\w*\s+with\s+(?:the\s+)?(?:retention|storage|how\s+long)\b|"
                            r"(?:\bnot|n['’]t)\s+confuse\s+(?:data\s+)?(?:retention|storage)\s+with\b|"
                            # "Some numbers people confuse with retention: tutors are paid 3 working days after ..."
                            r"\bconfus\w*\s+with\s+(?:our\s+)?(?:data\s+)?retention\b")
# a paragraph ends at a blank line here, not at any line break: the sentences a "not retention" clause covers are often
# hard-wrapped ("8.4 Please do not confuse retention with ... / ... governors usually serve a term of / four years")
_BLANK_LINE = re.compile(r"\n[ \t]*\r?\n")
# nouns among those that name records a policy may keep ("we keep invoices for six years")
_RECORD_NOUN = re.compile(r"invoice\w*|payments?|billing|bills?")
_DELETE_AFTER = re.compile(r"\s*,\s*(?:then\s+)?(?:we|it|they|this|these|such \w+|the \w+|your \w+(?: \w+)?)\s+"
                           r"(?:(?:will|are|is|shall|may)\s+)?(?:be\s+)?(?:automatically\s+|permanently\s+)?"
                           r"(?:delet|eras|remov|purg|destr|anonymi[sz]|expung)\w*", re.I)
# ... and right after it
_AFTER_BAD = re.compile(
    r"^\s*(?:\)\s*)?(?:of age|old|or older|or over|and over|and older|and above|or above|or younger|of experience|"
    r"experience|ago|notice|'s notice|' notice|in advance|prior notice|of antecedence|beforehand|free|trial|warranty|"
    r"subscription|"
    r"from (?:the date of )?(?:receipt of|receiving) your request|of (?:receipt of|receiving) your request|"
    r"to respond|to reply|of your birth|of birth|prior to|before (?:the|any|we|such|this|they) (?:change|"
    r"update|amend|modif|delet|eras|clos|expir|renew)\w*|before (?:this|that|it) (?:happens|takes place|occurs)|"
    # a lead time: "forms must be completed at least 8 weeks before departure"
    r"before (?:the )?(?:first |next )?(?:departure|arrival|travel|trip|event|start date|visit|exam|deadline|session|"
    r"lesson|class|course|booking|stay|match|performance)\b|"
    r"of (?:the|your) (?:purchase|order|delivery)|"
    r"to (?:change your mind|cancel|return|withdraw|ask for a refund|request a refund)|"
    # how long something else runs: "menus run on a three-week cycle", "courses take 4 to 6 weeks to complete"
    r"(?:menu |billing |rota |teaching )?cycles?\b|rotations?\b|to (?:complete|finish)\b|"
    # a deadline to report a breach: "within 48 hours of becoming aware of it"
    r"of (?:becoming|being made|having become) aware\b|of (?:discovering|detecting|learning of|learning about)\b|"
    # a lead time: "an e-mail of notice is sent 15 days before)", "we inform the Parent by e-mail 14 days earlier"
    r"(?:before|earlier|beforehand|in\s+advance)\s*(?:[);,.]|$))"
)
# a duration used as a response time or a cooling-off time even with a data verb nearby
_RESPONSE_CTX = re.compile(
    r"\b(?:breach|respond|response|reply|answer|acknowledge|process (?:your|the|a|such|any) request|"
    r"fulfil+ (?:your|the|a) request|comply with (?:your|the|a) request|provide you with (?:a copy|the information)|"
    # (not records named after them: "order, payment and refund records: six years")
    r"notify (?:you|the|affected|relevant)|notice period|advance notice|"
    # a request handed on: "if you contact us, we will pass it to the council within two working days"
    r"pass(?:es)? (?:it|them|this|(?:your|the) request) (?:on )?to|"
    # (nor a row's label coordinating refunds with other records: "Top-up, refund and payment   Six years ...")
    r"(?:cancel|refunds?)(?![^.;:]{0,30}?\b(?:records?|history|data|details|information|forms?)\b|"
    r"(?:,|\s+and|\s+&)\s+(?:payments?|top-?ups?|orders?|invoices?)\b)|withdraw from|"
    # a breach-notice deadline ("notification to the LEA within seventy-two (72) hours of confirming the incident")
    r"(?:provide|give|send)s? (?:\w+ )?notification|security incident|unauthori[sz]ed (?:release|access|disclosure|"
    r"acquisition))\b"
)

_MASK = re.compile(
    r"\b(?:you|users?|customers?|schools?|teachers?|parents?)\s+(?:can|may|should|must|might|could|will|are\s+able\s+to)?"
    r"\s*(?:also\s+)?(?:retain|keep|store|save|hold|print)\b|"
    r"\b(?:retain(?:s|ed|ing)?|reserve[sd]?|keep(?:s|ing)?|kept|hold(?:s|ing)?|held|maintain(?:s|ed|ing)?|"
    r"store[sd]?|storing)\s+(?:all\s+|sole\s+|full\s+|the\s+|any\s+|its\s+|our\s+|their\s+|outside\s+|other\s+|"
    r"independent\s+|external\s+|qualified\s+)?(?:right|rights|"
    r"discretion|ownership|title|control|copyright|interest|intellectual|services? of|third[- ]part\w*|vendors?|"
    r"contractors?|companies|agents?|counsel|lawyers?|attorneys?|solicitors?|auditors?|consultants?|"
    r"you (?:informed|updated|posted|up to date|safe|logged)|informed|updated|posted|in touch|in mind|track|"
    r"up to date|(?:it|them|this|(?:your|our|its|the|their) \w+|information|data)? ?"
    r"(?:secure|safe|confidential|private|accurate|"
    r"current|up-to-date)|harmless|(?:you|us) (?:liable|responsible|harmless)|liable|responsible|"
    r"a (?:lawyer|solicitor|copy of (?:these|the) terms)|an? (?:account|password) (?:secure|safe))|"
    r"\b(?:app|online|play|google play|apple app|microsoft|chrome web|retail|physical|our|the|a|in-?)\s?stores?\b|"
    r"\bstore (?:credit|locator|cards?|purchases?)\b|\bstore(?:s|d)? cookies on your\b|"
    r"\bdelete (?:or block )?(?:cookies|your cookies|the cookies|browsing history|your browser)|"
    r"\b(?:remove|unsubscribe) (?:you|yourself|your (?:name|email(?: address)?)) from (?:our |the |any )?"
    r"(?:mailing|marketing|email|distribution)|"
    r"\bretain (?:certain |some )?(?:features|functionality|access)\b|"
    r"\bstor(?:ed|es|e|ing)\s+(?:\w+\s+){0,3}(?:(?:located|based|hosted)\s+)?(?:in|within)\s+(?:the\s+)?(?:united|u\.?s\.?a?\b|"
    r"uk\b|eu\b|eea\b|european|canada|ireland|our\s+data\s+cent|data\s+cent|countr)|"
    # a list of processing activities ("the collection, use and retention of personal information") states no practice
    r"\bcollection,? (?:(?:use|processing|disclosure|storage),? )*(?:and |or )?retention\b|"
    r"\bremov\w+ (?:the |any )?(?:content|posts?|"
    r"comments?|material|links?) (?:that|which|you post)"
)
# translated policies also "cancel" data ("cancellare", "annuler"): "the data inserted are cancelled after 7 days";
# an account or a subscription that is cancelled is not
_DATA_CANCELLED = r"(?:data|information|details)\s+(?:\w+\s+){0,2}(?:is|are|be|been)\s+cancell?ed"
# translated policies: "conservar", "conserver", "eliminare" read as "conserved", "eliminated"
# ... and say how long data "are processed": "for the time of the contractual relationship and for 3 years after"
_TRANSLATED_VERBS = (r"conserv(?:e|ed|es|ing|ation)|eliminat(?:e|ed|es|ing|ion)|suppress(?:ed|es|ion)?|"
                     r"processed\s+(?:for|during)\s+(?:the\s+)?(?:time|period|duration)\b|"
                     + _DATA_CANCELLED)
_RET_VERB = re.compile(
    r"\b(?:retain\w*|retention|keep|keeps|kept|keeping|stored?|stores|storing|storage|hold|holds|held|holding|"
    r"preserv\w+|archiv\w+|maintain\w*|delet\w+|eras(?:e|ed|es|ing|ure)|destr(?:oy\w*|uction)|purg\w+|"
    r"anonymi[sz]\w+|de-?identif\w+|pseudonymi[sz]\w+|dispos\w+|remov\w+|expunge\w*|overwrit\w+|shred\w*|"
    + _TRANSLATED_VERBS + r"|"
    r"sav(?:e|es|ed|ing)|wip(?:e|es|ed|ing)|(?:recorded|taped|written)\s+over|rotat(?:e|es|ed|ing)|"
    r"roll(?:s|ed)?\s+off|age[sd]?\s+out|"
    r"(?:stay|stays|stayed|remain|remains|persist|persists|live|lives|sit|sits)\s+(?:\w+\s+){0,2}with\s+us|"
    r"log files? (?:are|is)|logs? (?:are|is)|(?:stay|stays|remain|remains|persist|persists)\s+(?:\w+\s+){0,2}"
    r"(?:on|in|within)\s+(?:our\s+|the\s+|any\s+|your\s+)?(?:\w+\s+)?(?:systems?|servers?|databases?|platform|records|"
    r"backups?|back-ups?|archives?|caches?|logs|website|site|services?|apps?|accounts?))\b"
)
_STRONG_VERB = re.compile(
    r"\b(?:(?:stay|stays|remain|remains|persist|persists)\s+(?:\w+\s+){0,2}(?:on|in|within)\s+(?:our\s+|the\s+|"
    r"any\s+)?(?:\w+\s+)?(?:systems?|servers?|databases?|platform|records|backups?|back-ups?|archives?|caches?|logs|"
    r"website|site)|"
    r"retain\w*|retention|kept|keep|keeps|keeping|stored|store|stores|held|hold|holds|preserv\w+|archiv\w+|"
    r"delet\w+|eras(?:e|ed|es|ing|ure)|destr(?:oy\w*|uction)|purg\w+|anonymi[sz]\w+|de-?identif\w+|dispos\w+|"
    + _TRANSLATED_VERBS + r"|"
    r"expunge\w*|overwrit\w+|shred\w*|wip(?:e|es|ed|ing)|(?:recorded|taped|written)\s+over|"
    r"(?:is|are|be|been|get|gets)\s+(?:\w+\s+)?(?:removed|rotated|discarded|cleared|taken\s+(?:down|offline))|"
    r"roll(?:s|ed)?\s+(?:off|over)|"
    r"(?:stay|stays|stayed|remain|remains|persist|persists|live|lives|sit|sits)\s+(?:\w+\s+){0,2}with\s+us)\b"
)
_DATA_OBJ = re.compile(
    r"\b(?:data|information|info|records?|logs?|backups?|back-ups?|cop(?:y|ies)|recordings?|content|details|"
    r"accounts?|profiles?|messages?|emails?|files?|materials?|documents?|submissions?|responses?|images?|"
    r"photos?|videos?|it|them|everything|history|transcripts?|results?|work|entries|identifiers?|addresses?|"
    r"numbers?|credentials?|correspondence|communications?|footage|cctv|applications?|cvs?|references?|"
    r"conversations?|chats?|tickets?|enquir(?:y|ies)|registrations?|invoices?|claims?|forms?|registers?|receipts?|"
    r"evidence|notes|assessments?|agreements|contracts)\b"
)
_HEADING_CTX = re.compile(
    r"\b(?:retention|retain\w*|how long|storage (?:period|duration|limitation)|storage and (?:retention|deletion)|"
    r"(?:keep|keeping)\b.{0,30}\b(?:data|information|records)|deletion|holding\s+period|"
    r"(?:processing|storage|holding|retention|use)\s+(?:and\s+(?:holding|retention|storage)\s+)?period|"
    r"record[- ]?keeping|disposal|conserv(?:e|es|ed|ing|ation)|how\s+much\s+time|"
    r"period\s+of\s+(?:storage|retention|keeping|holding|storing|conservation)|"
    r"delete|destruction|erasure of data|storage limitation)\b"
)
# who may fix a retention period for the vendor
_LAW = r"(?:laws?|ordinances?|regulations?|statutes?|legislation|rules|regulators?)"
_VAGUE = re.compile(
    r"\b(?:(?:for\s+)?(?:only\s+)?(?:as|so)\s+long\s+as\s+(?:is\s+|it\s+is\s+|we\s+(?:deem|consider|think)\s+|"
    r"reasonably\s+|strictly\s+|legally\s+|may\s+be\s+|are\s+|we\s+are\s+)*(?:reasonably\s+)?"
    r"(?:necessary|needed|required|appropriate|reasonable|relevant|permitted|allowed|useful|justified|"
    r"we\s+(?:need|have\s+(?:a|an)\s+\w+|are\s+(?:required|permitted|legally)|reasonably|consider|deem|"
    r"believe|think|are\s+able|can|may|have\s+(?:a|an)\s+(?:legitimate|ongoing|valid|business))|"
    r"there\s+is\s+(?:a|an)\s+\w+|(?:it|they)\s+(?:is|are)\s+(?:necessary|needed|required|relevant))|"
    r"(?:no|not\s+(?:be\s+)?(?:kept|retained|stored|held)?\s*(?:for\s+)?(?:any\s+)?)\s*longer\s+than\s+"
    r"(?:is\s+|it\s+is\s+|strictly\s+|reasonably\s+)*(?:necessary|needed|required|reasonable|appropriate|"
    r"permitted)|for\s+(?:the|a)\s+(?:period|time|length\s+of\s+time|duration)\s+(?:that\s+is\s+|which\s+is\s+|as\s+|"
    r"reasonably\s+)?(?:necessary|needed|required|reasonable|appropriate)|for\s+a\s+reasonable\s+(?:period|time|"
    r"amount)|(?:as|when)\s+(?:required|permitted|necessary)\s+(?:by|under|to\s+comply)|in\s+accordance\s+with\s+"
    r"(?:our|the|applicable|its)\s+(?:\w+\s+)?(?:data\s+)?retention\s+(?:policy|policies|schedule|periods?|"
    r"guidelines|requirements)|(?:no|not)\s+(?:longer\s+)?(?:needed|necessary|required)|"
    r"(?:legal|statutory|regulatory|applicable)\s+retention\s+(?:periods?|requirements|obligations)|"
    r"(?:to|for|and)\s+comply\s+with\s+(?:our\s+|applicable\s+|any\s+|its\s+|their\s+)?legal\s+obligations|"
    r"(?:as|so)\s+long\s+as\s+(?:\w+\s+){0,3}" + _LAW + r"\s+(?:requires?|permits?|allows?|demands?|obliges?)|"
    # a period someone else fixes: "for the period required by law", "for the period the ordinance sets"
    r"for\s+(?:the\s+)?(?:period|time|length\s+of\s+time)s?\s+(?:required|determined|set|prescribed|specified|"
    r"stipulated|mandated)\s+by\s+(?:\w+\s+){0,3}" + _LAW + r"|"
    r"for\s+(?:the|any)\s+(?:period|time|length\s+of\s+time)\s+(?:that\s+)?(?:the\s+|any\s+|applicable\s+)?(?:\w+\s+)?"
    + _LAW + r"\s+(?:sets?|requires?|specif\w+|prescribes?|mandates?|demands?)|"
    r"(?:period|time)\s+(?:of\s+time\s+)?(?:that\s+)?(?:is\s+)?(?:necessary|needed|required)|"
    r"retention\s+periods?\s+(?:will\s+|may\s+)?(?:vary|depend|differ)|longer\s+than\s+(?:is\s+|it\s+is\s+|strictly\s+|"
    r"reasonably\s+|we\s+(?:reasonably\s+)?)*(?:necessary|needed|need|required|reasonable|appropriate|permitted)|"
    r"(?:no|not)\s+longer\s+need|(?:ongoing\s+)?legitimate\s+business\s+(?:need|purpose|reason)s?|(?:we\s+)?(?:consider|determine|decide)\s+"
    r"(?:the\s+)?(?:appropriate\s+)?retention)"
)
_INDEF = re.compile(
    r"\b(?:indefinitely|indefinite(?:ly)?\s+(?:period|time)|permanently|in\s+perpetuity|forever|"
    r"for\s+an\s+unlimited\s+(?:period|time)|no\s+(?:set\s+|fixed\s+)?(?:time\s+)?limit|without\s+(?:a\s+)?"
    r"(?:time\s+)?limit)\b"
)
_EVENT = re.compile(
    r"\b(?:(?:for|during|throughout)\s+the\s+(?:duration|term|life|lifetime|length|period|course)\s+of\s+"
    r"(?:the\s+|your\s+|our\s+|its\s+|their\s+|any\s+|such\s+|this\s+)?[\w'-]+(?:\s+[\w'-]+)?|"
    r"until\s+(?:you|your|the|such\s+time|we|it\s+is|they|such|after|termination|closure|deletion|the\s+end)|"
    r"while\s+(?:you|your|the|we|an?\s+account|an?\s+user)|(?:as|so)\s+long\s+as\s+(?:you|your|the|an?|we\s+have\s+"
    r"(?:an?\s+)?(?:active|ongoing|business|contractual|customer)\s+relationship|we\s+provide|we\s+are\s+in\s+contact|"
    r"they|it\s+remains|there\s+is\s+an?\s+(?:active|ongoing))|after\s+(?:the\s+|your\s+|our\s+|an?\s+)?"
    r"(?:termination|end|expiry|expiration|closure|close|closing|deletion|cancellation|completion|conclusion|"
    r"deactivation)|at\s+the\s+end\s+of\s+(?:the|each|every|your|their|its|our)\s+(?:academic\s+|school\s+)?"
    r"(?:year|term|contract|subscription|course|programme|program|licen[cs]e|agreement|relationship|study|project|"
    r"pilot|trial|event|campaign|competition|session|engagement|placement|tenancy|employment)|"
    r"(?:as|so)\s+long\s+as\s+we\s+(?:process|continue|provide|are\s+(?:providing|processing))|upon\s+(?:the\s+)?(?:termination|closure|deletion|cancellation|expiry|expiration|end|"
    r"completion|deactivation)|(?:when|once|if)\s+(?:you|your\s+account|the\s+account|an?\s+account|"
    r"the\s+school|your\s+school|the\s+contract|our\s+contract|the\s+agreement|the\s+licen[cs]e|your\s+"
    r"subscription|the\s+subscription|a\s+user|the\s+user|a\s+student|students?|pupils?|they)\s+"
    r"(?:close[sd]?|is\s+closed|terminat\w+|ends?|delete[sd]?|is\s+deleted|cancel\w*|expires?|leaves?|left|"
    r"de-?activat\w+|unsubscribe[sd]?|opt\w*\s+out|withdraw\w*|stop\w*|request\w*|ask\w*|no\s+longer))"
)
_DELETE_REQ = re.compile(
    r"\b(?:(?:ask|request|instruct|require|tell|contact)\w*\s+(?:us\s+)?(?:that\s+we\s+|us\s+to\s+|to\s+)?"
    r"(?:have\s+(?:us\s+)?)?(?:delete|erase|remove|destroy|anonymi[sz]e)|request\w*\s+(?:the\s+)?"
    r"(?:deletion|erasure|removal|destruction)|right\s+to\s+(?:erasure|be\s+forgotten|deletion|delete|have\s+"
    r"(?:your\s+|the\s+)?(?:\w+\s+){0,3}(?:deleted|erased|removed))|(?:delet|eras|remov|destroy)\w*\s+"
    r"(?:\w+\s+){0,6}(?:on|upon|at|following|in\s+response\s+to|after\s+receiving)\s+(?:your\s+|a\s+|the\s+)?"
    r"(?:written\s+|verified\s+|valid\s+)?(?:request|instruction)|you\s+(?:can|may)\s+(?:\w+\s+)?(?:delete|"
    r"erase|remove)\s+(?:your\s+)?(?:account|data|information|profile|personal)|(?:on|upon|at)\s+(?:your\s+)?"
    r"(?:written\s+)?request,?\s+(?:we\s+)?(?:will\s+|shall\s+|can\s+)?(?:\w+\s+)?(?:delete|erase|remove|destroy))"
)
# "de-identified data, which ..., may be kept"; "backup copies are purged"
_PASSIVE_KEEP = re.compile(
    r"\b(?:data|information|records|logs?|backups?|back-ups?|copies|cop(?:y|ies) of|details|content|messages|"
    r"recordings|history|profiles?|accounts?)\b[^.;:]{0,80}?\b(?:is|are|will\s+be|may\s+be|can\s+be|shall\s+be|"
    r"must\s+be|would\s+be|might\s+be|be)\s+(?:\w+\s+)?(?:kept|retained|deleted|erased|destroyed|purged|"
    r"anonymi[sz]ed|de-?identified|archived|overwritten|disposed\s+of|wiped|shredded|discarded|"
    r"(?:held|stored|preserved|maintained|saved)(?=\s+(?:\w+\s+)?(?:for\s+(?:longer|up\s+to|at\s+least|a\s+(?:longer|"
    r"limited|short|period)|the\s+(?:period|time|duration|life)|\d|as\s+long)|longer|until|beyond|indefinitely|"
    r"permanently)))\b(?!\s+(?:securely|safely|confidential))"
)
# "we delete your data when ..." / "we keep the information we need to ..."
_WE_KEEP = re.compile(
    r"\bwe(?:'ll|'d)?\s+(?:will\s+|may\s+|shall\s+|then\s+|also\s+|only\s+|automatically\s+|"
    r"permanently\s+|securely\s+|routinely\s+|can\s+|(?:do|does|will)\s+not\s+|don't\s+|never\s+)*(?:keep|retain|delete|erase|"
    r"destroy|purge|anonymi[sz]e|de-?identify|archive|wipe|dispose\s+of|hold\s+(?:on\s*to|onto)|hang\s+on\s*to|"
    r"(?<=not\s)store|(?<=never\s)store|(?<=don't\s)store|(?<=not\s)save|(?<=never\s)save)s?\s+(?:\w+\s+){0,3}"
    r"(?:data|information|records|logs?|backups?|copies|details|content|accounts?|profiles?|numbers?|history|"
    r"recordings?|messages|files|it|them)\b(?![^.;]{0,40}\b(?:secure|safe|confidential|private|locked|encrypted|"
    r"protected|cabinets?)\b)"
)
# deleting what a child sent or what someone asked to remove is a reaction, not a retention practice
_REACTIVE = re.compile(
    r"\b(?:we\s+(?:learn|discover|find|become\s+aware|are\s+(?:made\s+)?aware|are\s+notified)|(?:you|parents?|"
    r"guardians?)\s+(?:\w+\s+){0,3}(?:believe|think|suspect)|please\s+contact|child|children|minors?|"
    r"under\s+(?:the\s+age\s+of\s+)?\d{1,2}|(?:upon|on|at)\s+(?:your\s+|their\s+)?(?:written\s+)?request|"
    r"(?:if|when|where)\s+(?:you|they)\s+(?:ask|request|instruct)|(?:you|they)\s+(?:can|may)\s+ask)\b"
)
_COOKIE = re.compile(r"\b(?:cookies?|pixels?|web\s+beacons?|local\s+storage|tags?|sdks?)\b")
_EXPIRE = re.compile(r"\b(?:expir\w+|lifetime|lifespan|persist\w*|session|duration\s+of\s+the\s+cookie|"
                     r"remain(?:s)?\s+on\s+your)\b")
_PERSONAL_DATA = re.compile(r"\b(?:personal|data|information|logs?|records?|analytics\s+data)\b")
_ANON = re.compile(r"\b(?:anonymi[sz]\w+|de-?identified|aggregated?|anonymous|non-personal)\b")
_TRIGGER = re.compile(
    r"\s*(?:\)\s*)?(?:(?:of|from|after|following|since|beyond|once|upon|post|past)\s+[^.;:,()]{3,90})"
)
_DATA_BEFORE = re.compile(
    r"\b(?:retain|keep|store|hold|preserve|archive|maintain|delete|erase|destroy|anonymi[sz]e|purge)(?:s|d|ed)?\s+"
    r"(?P<data>(?!for\b|until\b|within\b|it\b|them\b)[^.;:]{3,160}?)\s+(?:for|until|within|during|up\s+to|no\s+longer|"
    r"after|at\s+least|over)\b"
)
_DATA_SUBJ = re.compile(
    r"(?P<data>(?:[\w'()-]+\s+){0,8}?(?:data|information|records|logs?|log\s+files|backups|recordings|copies|"
    r"details|accounts?|content|files|messages|emails))\s+(?:are|is|will\s+be|may\s+be|shall\s+be|must\s+be|"
    r"would\s+be)\s+(?:\w+\s+)?(?:kept|retained|stored|held|deleted|erased|destroyed|purged|anonymi[sz]ed|"
    r"preserved|archived|maintained|removed)"
)


def _num(word: str) -> float | None:
    word = word.strip().lower()
    try:
        return float(word)
    except ValueError:
        pass
    if word in _SMALL:
        return float(_SMALL[word])
    if "hundred" in word:
        hundreds, _, rest = word.partition("hundred")
        count = _SMALL.get(hundreds.strip(" -"))
        rest = re.sub(r"^[- ]+(?:and[- ]+)?", "", rest)
        below = _num(rest) if rest else 0.0
        return None if count is None or below is None else 100.0 * count + below
    parts = re.split(r"[- ]", word)
    if parts[0] in _TENS:
        return float(_TENS[parts[0]] + (_SMALL.get(parts[1], 0) if len(parts) > 1 else 0))
    return None


def _days(amount: float, unit: str) -> int | None:
    unit = unit.rstrip("s") if unit not in ("yrs",) else "yr"
    if unit == "hour":
        return int(round(amount / 24)) if amount >= 24 else None
    if unit == "month" and amount >= 12 and amount % 12 == 0:
        return int(round(amount / 12 * 365))
    return int(round(amount * _UNIT_DAYS[unit]))


def _unit_name(unit: str) -> str:
    u = unit.rstrip("s")
    return "year" if u == "yr" else u


def _masked(t: str) -> str:
    return _MASK.sub(lambda m: " " * (m.end() - m.start()), t)


def _clause_bounds(t: str, pos: int) -> tuple[int, int]:
    """The clause around pos: delimited by ';', ' but ', sentence ends, or list separators."""
    left = max(t.rfind(";", 0, pos), t.rfind(". ", 0, pos), t.rfind(" but ", 0, pos))
    rights = [x for x in (t.find(";", pos), t.find(". ", pos), t.find(" but ", pos)) if x != -1]
    return (left + 1 if left != -1 else 0), (min(rights) if rights else len(t))


def _durations(t: str) -> list[tuple[int, int, float, str]]:
    """(start, end, amount, unit) for each duration in t; a range gives both ends."""
    out: list[tuple[int, int, float, str]] = []
    taken: list[tuple[int, int]] = []
    for m in _RANGE.finditer(t):
        a, b, b_word = _num(m.group("a")), _amount(m), _num(m.group("num"))
        # "twenty-four (24) months" is one number, not a range from twenty to four
        if a is None or b is None or b_word is None or m.group("a") in ("a", "an") or a >= b_word:
            continue
        unit = m.group("unit")
        out.append((m.start(), m.end(), *_in_weeks(a, unit)))
        out.append((m.start("num"), m.end(), *_in_weeks(b, unit)))
        taken.append((m.start(), m.end()))
    for m in _DURATION.finditer(t):
        if any(s <= m.start() < e for s, e in taken):
            continue
        amount = _amount(m)
        if amount is None or amount <= 0:
            continue
        word = m.group("num")
        if word in ("a", "an"):
            # "24 hours a day", "once a year", "twice a month": not a period
            before = t[max(0, m.start() - 12) : m.start()]
            if re.search(r"(?:hours?|times?|once|twice|days?|per|\d)\s*$", before):
                continue
        out.append((m.start(), m.end(), *_in_weeks(amount, m.group("unit"))))
    return out


def _amount(m: re.Match) -> float | None:
    """A duration's amount: the bracketed digits where the policy gives them ("sixty (60) days"), else its number."""
    return float(m.group("paren")) if m.group("paren") else _num(m.group("num"))


def _in_weeks(amount: float, unit: str) -> tuple[float, str]:
    """A fortnight is two weeks (the contract's units are day, week, month and year)."""
    return (amount * 2, "weeks") if unit.lower().startswith("fortnight") else (amount, unit)


def _is_retention_duration(t: str, s: int, e: int, unit: str, cased: str = "") -> bool:
    """Is the duration at t[s:e] a retention period? ``t`` is lower-cased; ``cased`` is the same text as written."""
    before = t[max(0, s - 45) : s]
    after = t[e : e + 60]
    if re.search(r"\b(?:overwritten|deleted|purged|erased|rotated|cleared|wiped|destroyed|roll(?:s|ed)?\s+over)\s+"
                 r"every\s+$|\bbackups?\b[^.;]{0,30}\boverwritten\s+after\s+$", before):
        return True  # "backups are overwritten every 30 days", "Backups are overwritten after 30 days"
    if re.search(r"\brolling\s+$", before):
        return True  # "backups kept on a rolling 35-day cycle": a cycle, but the copies' lifetime
    if unit.startswith("year") and re.search(r"\bage\b[^.;,]{0,30}$", before):
        return False  # "for British users, the age retained is 13 years": an age, not a period
    if _DELETE_AFTER.match(after):
        return True  # "if we receive no reply within 14 days, we delete the address": the address is kept 14 days
    cs, ce = _clause_bounds(t, s)
    clause = t[cs:ce]
    if re.match(r"\s*(?:before|ahead\s+of)\s+(?:deletion|erasure|removal|(?:it|they|(?:the|your)\s+\w+)\s+(?:is|are)\s+"
                r"(?:deleted|erased|removed))\b", after) and re.search(
                r"\b(?:e-?mail|notify|warn|remind|tell|write\s+to|message)\w*\b[^.;]{0,50}$", t[cs:s]):
        return False  # "we email the account holder four weeks before deletion": a warning's lead time
    bad_before = _BEFORE_BAD.search(before)
    if bad_before and _RECORD_NOUN.fullmatch(bad_before.group("word")) and (
            _STRONG_VERB.search(_masked(t[cs:s])) or re.search(r"\t|[ \u00a0]{3}", before[bad_before.end("word"):])):
        bad_before = None  # "we keep invoices / records of payments for six years", a retention table's row
        # "Orders, invoices and payment      Six years after ...": the records are kept
    if bad_before and bad_before.group("word").startswith("cancel") and _DATA_OBJ.search(t[cs:s]) and not re.search(
            r"\b(?:subscription|order|booking|membership|plan|trial|payment)s?\b", t[cs:s]):
        bad_before = None  # translated: "accounts of Compitino Casa: cancelled 12 months after the expiry", not a
        # cancellation window ("your subscription is cancelled after 14 days")
    if bad_before and cased and _IN_A_NAME.search(cased, 0, max(0, s - 45) + bad_before.end("word")):
        bad_before = None  # the end of a name ("records held by GOV.UK Notify   7 days"), not a notice period
    if bad_before or _AFTER_BAD.match(after):
        return False
    # a purpose after the period is why data is kept ("entries: one calendar year after the draw, so that the PTA can
    # answer any questions"), not a response time
    # (or in the next cell of a schedule's row: "Eighteen months from the last   So we can answer follow-up")
    purpose = re.search(r"(?:,\s+|\t|[ \u00a0]{3,})(?:so\s+that|so\s+as\s+to|"
                        r"so\s+(?:we|they|you|(?:the|our|your)\s+\w+|[a-z]+s)\s+(?:can|could|may)|"
                        r"in\s+order\s+to|to\s+allow|to\s+let|to\s+enable)\b", t[e:ce])
    clause = t[cs : e + purpose.start()] if purpose else clause
    return not (_RESPONSE_CTX.search(clause) and not _STRONG_VERB.search(_masked(clause)))


def _context(seg: Segment) -> tuple[bool, bool]:
    """(heading says retention, lead-in says retention)."""
    head = norm(f"{seg.heading} | {seg.section}")
    h = bool(_HEADING_CTX.search(_masked(head)))
    lead = _masked(norm(seg.lead)) if seg.lead else ""
    lv = bool(lead and _STRONG_VERB.search(lead) and (_DATA_OBJ.search(lead) or h))
    return h, lv


def _data_of(t: str, seg: Segment, pos: int) -> str | None:
    cs, ce = _clause_bounds(t, pos)
    best = None
    for m in _DATA_BEFORE.finditer(t, 0, pos + 1):
        if m.end("data") <= pos:
            best = m
    if best is not None:
        return seg.text[best.start("data") : best.end("data")].strip()
    m = _DATA_SUBJ.search(t, cs, ce)
    if m:
        return seg.text[m.start("data") : m.end("data")].strip()
    return None


def _trigger(t: str, seg: Segment, end: int) -> str | None:
    m = _TRIGGER.match(t, end)
    if not m:
        return None
    trig = seg.text[m.start() : m.end()].strip(" )")
    return trig or None


# the label that opens an item of a retention list ("Newsletter: ...", "CCTV - ...")
_ITEM_LABEL = re.compile(r"\s*[^:.;]{2,90}?(?::(?:\*\*|__)?|\s[-–—])\s")  # ("**Product analytics:** 12 months")


def _segment_findings(seg: Segment, label: str = "", said_not_retention: bool = False) -> list[Finding]:
    """``said_not_retention``: this segment or an earlier one of its paragraph says its numbers are not retention
    periods (``_NOT_RETENTION``)."""
    t = norm(seg.text)
    tm = _masked(t)
    head_ctx, lead_ctx = _context(seg)
    if label and not _HEADING_CTX.search(_masked(norm(label))):
        head_ctx = lead_ctx = False  # "Security. ..." under "How Long We Keep Information": its own subject
    verb = _RET_VERB.search(tm)
    strong = _STRONG_VERB.search(tm)
    data = _DATA_OBJ.search(tm)
    cookie = bool(_COOKIE.search(t)) or "cookie" in norm(seg.heading)
    # a segment is "about retention" if it keeps/deletes data, or sits under a retention heading / lead-in
    about = bool(strong and (data or head_ctx)) or bool(verb and head_ctx) or lead_ctx
    out: list[Finding] = []

    # periods, unless the policy says these are none ("the following are commercial terms and not retention periods:",
    # "these dates relate to ordering, not to how long we keep information:")
    not_retention = said_not_retention or bool(seg.kind == "list_item" and _NOT_RETENTION.search(norm(seg.lead)))
    for s, e, amount, unit in [] if not_retention else _durations(t):
        if not _is_retention_duration(t, s, e, unit, seg.text):
            continue
        cs, ce = _clause_bounds(t, s)
        clause_verb = _STRONG_VERB.search(tm, cs, ce) or _RET_VERB.search(tm, cs, ce)
        if cookie and _EXPIRE.search(t) and not (clause_verb and _PERSONAL_DATA.search(t[cs:ce])):
            continue  # cookie lifetime, not a retention period for personal data
        if cookie and not clause_verb:
            continue
        if clause_verb:
            conf = 0.9
        elif about and (head_ctx or lead_ctx):
            conf = 0.75
        elif strong and data:
            conf = 0.65  # verb elsewhere in the sentence
        elif head_ctx and (data or seg.kind == "table_row" or seg.kind == "list_item" and _ITEM_LABEL.match(t)):
            conf = 0.7  # "Access logs: 3 months", a retention schedule's row "Support tickets  3 years from closure",
            # an item whose label names what is kept ("Newsletter: until you unsubscribe, or two years after ...")
        else:
            continue
        days = _days(amount, unit)
        if not days:
            continue
        value = {"amount": amount if amount % 1 else int(amount), "unit": _unit_name(unit), "days": days,
                 "trigger": _trigger(t, seg, e), "data": _data_of(t, seg, s),
                 "text": seg.text[s:e]}
        out.append(finding(seg, TOPIC, "period", value, "retention.period", conf))

    if not (about or verb):
        return out
    has_period = bool(out)
    if _INDEF.search(tm) and (about or strong):
        anon = bool(_ANON.search(t))
        out.append(finding(seg, TOPIC, "indefinite", {"anonymised": anon}, "retention.indefinite",
                           0.6 if anon else 0.8))
    m = _VAGUE.search(tm)
    if m and (strong or head_ctx or lead_ctx) and not cookie:
        out.append(finding(seg, TOPIC, "vague", {"phrase": seg.text[m.start() : m.end()]}, "retention.vague",
                           0.85 if strong else 0.7))
    m = _EVENT.search(tm)
    if m and (strong and (data or head_ctx) or head_ctx or lead_ctx) and not cookie:
        out.append(finding(seg, TOPIC, "event_bound", {"event": seg.text[m.start() : m.end()]},
                           "retention.event_bound", 0.8 if strong else 0.65))
    m = _DELETE_REQ.search(tm)
    if m and (head_ctx or has_period or re.search(r"\bretain|retention\b", tm)):
        out.append(finding(seg, TOPIC, "deletion", {"on_request": True}, "retention.deletion_on_request", 0.8))
    if not out and not cookie and not _CONTENTS.search(tm):
        # "we keep a record of your request to opt out" keeps it on after the request; "we keep a record of your
        # orders / of the conversation" only says what is collected (first-party), not for how long
        if (re.search(r"\bretention\b|\bretain(?:s|ed|ing)?\b", tm) and (data or head_ctx)) or re.search(
                r"\b(?:keep|kept|retain\w*|hold|held|maintain)\s+(?:a\s+)?(?:record|copy|copies|log)s?\s+of\s+(?:your\s+|"
                r"the\s+|any\s+|such\s+|that\s+|this\s+)?(?:request|consent|opt|unsubscrib|objection|withdraw)", tm):
            out.append(finding(seg, TOPIC, "statement", {}, "retention.statement", 0.75))
        elif (_PASSIVE_KEEP.search(tm) or _WE_KEEP.search(tm)) and not _REACTIVE.search(tm):
            out.append(finding(seg, TOPIC, "statement", {}, "retention.keep_statement", 0.6))
        elif head_ctx and strong and data:
            out.append(finding(seg, TOPIC, "statement", {}, "retention.heading_context", 0.6))
        elif strong and data and re.search(r"\b(?:delet|eras|destroy|purg|anonymi[sz]|dispos|shred|discard|"
                                           r"wip(?:e|ed|es)\b|overwrit)\w*", tm) and re.search(
            r"\b(?:we|our|company)\b", tm
        ) and re.search(r"\b(?:automatically|routinely|periodically|securely|permanently|then|after|when|once)\b", tm):
            out.append(finding(seg, TOPIC, "statement", {}, "retention.deletion_practice", 0.6))
    return out


def find(doc: Document, vendor_name: str | None = None) -> list[Finding]:
    out: list[Finding] = []
    segs = list(body_segments(doc))
    # a paragraph that says its numbers are not retention periods says it for its later sentences too ("Please do not
    # confuse retention with governance timescales ... Meeting packs ...; governors serve a term of four years")
    not_retention_paragraph, prev_end = False, 0
    for seg, label in zip(segs, paragraph_labels(doc, segs), strict=True):
        if _BLANK_LINE.search(doc.text, prev_end, seg.start):
            not_retention_paragraph = False
        not_retention_paragraph = not_retention_paragraph or bool(_NOT_RETENTION.search(norm(seg.text)))
        out.extend(_segment_findings(seg, label, not_retention_paragraph))
        prev_end = seg.end
    return out + heading_findings(doc, out, _HEADING_CTX, TOPIC, "retention.heading")


def deletion_on_request(doc: Document) -> bool:
    return any(_DELETE_REQ.search(_masked(norm(s.text))) for s in body_segments(doc))


def summarise(findings: list[Finding], doc: Document) -> dict:
    mine = [f for f in findings if f.topic == TOPIC]
    days = sorted({int(f.value["days"]) for f in mine if f.kind == "period" and f.value.get("days")})
    return {
        "retention": {
            "periods_days": days,
            "max_days": max(days) if days else None,
            "indefinite": any(f.kind == "indefinite" and not f.value.get("anonymised") for f in mine),
            "deletion_on_request": any(f.kind == "deletion" for f in mine) or deletion_on_request(doc),
            "vague_statement": any(f.kind == "vague" for f in mine),
            "event_bound": any(f.kind == "event_bound" for f in mine),
        }
    }
