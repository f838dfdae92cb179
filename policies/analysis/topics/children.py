"""Children: audience stance, minimum age, parental / school consent, children's data, legal basis.

Per segment, on a normalised lower-case copy, after masking near-misses ("children's books",
"parent company", "child pages"):

* ``audience`` not_directed: "not directed to / intended for children", "we do not knowingly collect ...
  from children under 13", "you must be 16 or older to use", "if you are under 13, do not use".
* ``audience`` directed: "designed for children", "may be used by children", "children use our ...",
  "we collect ... from children / pupils" (not negated).
* ``parental_consent``: "with parental consent", "an adult's approval", "consent of a parent or guardian",
  "parents must agree" - not "without parental consent" and not inside "if we learn that we collected
  data from a child without ...", which is the usual *not directed* remediation clause (``remediation``).
* ``school_consent``: "schools provide consent on behalf of parents", "the school acts as the parent's
  agent", "schools are responsible for obtaining parental consent".
* ``age_limit`` ("under the age of 13", "at least 16 years old"), ``parent_contact`` ("If you are a parent
  or guardian and believe ..."), ``coppa``, ``data_processed`` (categories in a child-context sentence),
  ``mention`` (other child-privacy sentences, or sentences under a children heading; rule
  ``children.age_or_law`` for age limits, age checks, parental tools and child-privacy laws/codes/seals named
  without a stance: "age of majority", "age gate", "parental controls", "Children's Code", "kidSAFE").

Spelled-out ages ("under the age of sixteen (16)") are read as digits; "under 15 minutes", "less than 12
months" and "minor changes" are not ages or children.

Stance: consent described for children's use -> directed_with_consent; explicit directed evidence ->
directed (unless only weak and a not-directed statement exists); not-directed evidence -> not_directed.
"""
from __future__ import annotations

import re
from collections import Counter

from ..types import Document, Finding, Segment
from . import answers_no, body_segments, finding, heading_findings, norm

TOPIC = "children"
#: Kinds the topic model never vetoes (``topic_model.veto``): they set the summary's stance and consent, and a
#: school's policy words them in ways ("pupils", "the school as controller") the model rarely saw.
NEVER_VETOED = frozenset({"audience", "parental_consent", "school_consent", "remediation", "parent_contact"})

_MASK = re.compile(
    r"\bchild(?:ren)?'?s?'? (?:books?|stories|story|literature|magazines?|toys?|products?|clothing|clothes|"
    r"(?:(?:cold|cough|flu|allergy|pain|fever|and|&) )*(?:medicines?|medications?|vitamins|relief)|"
    r"charit(?:y|ies)|hospitals?|television|tv|shows?|authors?|publishing|fiction|games? store)\b|"
    r"\bchild (?:compan\w+|entit\w+|elements?|pages?|nodes?|process\w*|themes?|windows?|objects?|records?|"
    r"categor\w+|folders?)\b|\bparent (?:compan\w+|organi[sz]ations?|entit\w+|groups?|corporations?|firms?|"
    r"elements?|pages?|nodes?|process\w*|folders?|brands?|business)\b|"
    r"\bchildcare (?:providers?|settings?)\b|\bchildren and families act\b|\bkids?(?:'s|')? (?:menus?|meals?)\b|"
    # schools for adults: their students are not pupils ("our driving school records when students sign in")
    r"\b(?:driving|traffic|flight|cooking|culinary|beauty|barber|cosmetology|law|medical|nursing|business|graduate|"
    r"dental|trade|vocational|truck driving) schools?\b|"
    # legal and tax terms about a parent's obligations or credits, not a child's data
    r"\bchild support\b|\bchild (?:and dependent )?care (?:tax )?credits?\b|\bchild tax credits?\b|"
    # an age requirement for a job ("Carriers must be at least 18 and pass a background check") is about staff
    r"\b(?:carriers|drivers|couriers|employees|staff(?: members)?|contractors|job applicants|applicants for "
    r"(?:employment|jobs?)|workers|technicians|installers|groomers|instructors) (?:must|need to|have to) be (?:at "
    r"least )?(?:1[68]|2[01]|sixteen|eighteen|twenty-one)\b|"
    r"\b(?:kids?|children)[- ](?:eat|fly|stay|ride|go|get in|play)[- ](?:for[- ])?free\b|"
    r"\bmissing (?:and|&) exploited children\b|"
    r"\bchild(?:ren)?'?s?'? (?:car |safety |booster )?(?:car ?seats?|booster seats?|safety seats?|locks?|"
    r"proof\w*)\b|\b(?:baby|babies) and kids\b|\bkids (?:&|and) family (?:category|section|collection|titles?)\b|"
    # "minor" as an adjective: minor changes / updates / bugs / breaches are not children
    r"\bminor (?:(?:technical|administrative|editorial|cosmetic|textual|data|security|privacy) )?(?:changes?|updates?|"
    r"edits?|amendments?|revisions?|modifications?|alterations?|adjustments?|corrections?|errors?|typos?|bugs?|"
    r"issues?|fix(?:es)?|versions?|releases?|improvements?|details?|incidents?|breach(?:es)?|injur\w+|repairs?|"
    r"roles?|parts?|differences?|variations?|delays?|inconvenien\w+|clarifications?|wording|problems?|defects?|"
    r"faults?|discrepanc\w+|deviations?|points?|offen[cs]es?|infringements?|damage|losses?|risks?|impact|"
    r"leagues?|leaguers?|surger(?:y|ies)|procedures?|illness(?:es)?|ailments?|dents?|scratch(?:es)?)\b|"
    r"\b(?:parental|maternity|paternity) leave\b|\bchild themes?\b|\bthe guardian\b|"
    # the make-up of an adult customer's household is a marketing detail about the adult, not children's data
    r"\b(?:whether (?:there are|you have) (?:any )?|number (?:and ages? )?of |ages? of (?:the |your |any )?)"
    r"(?:children|kids)(?: (?:in|at|living in) (?:the |your )?(?:household|home))?\b|"
    r"\b(?:children|kids) (?:in|at|living in) (?:the |your |the same )?(?:household|home)\b|"
    # so is a saving goal ("saving for your kids' college costs", "a 529 plan for your child's education")
    r"\b(?:sav\w*|pay\w*|plan\w*|invest\w*)(?: \w+)? for (?:your |their |his or her |a )?(?:kids|children|child)"
    r"(?:'s|')? (?:college|education|tuition|university|future)\b|"
    # so is the make-up of a visiting party ("the number of adults, children and infants", "how many children came")
    r"\b(?:number|ages?) of (?:adults|guests|people|visitors|tickets)(?:,| and| or)? (?:and |or )?(?:children|kids)\b|"
    r"\bhow many (?:children|kids)\b|"
    # staff who work with children, and goods for children of every age, say nothing about children's data
    r"\b(?:work|works|working|worked) (?:directly )?with (?:children|kids|minors|young people|youth|students)\b|"
    r"\b(?:coach|supervise|mentor|chaperone|teach)(?:es|s)? (?:or (?:coach|supervise|mentor|chaperone|teach) )?"
    r"(?:young athletes|children|kids|minors|young people|youth)\b|"
    r"\b(?:child|youth) (?:protection|safety|safeguarding) (?:training|screening)\b|"
    # crimes against children that a site reports to the authorities are not children's data it holds
    r"\bchild (?:sexual )?(?:exploitation|abuse|pornography|trafficking|endangerment|predators?)\b|"
    r"\bfor (?:kids|children) of (?:all|every) ages?\b|"
    # what adults give about themselves: "information from grown-ups", "our program for grown-ups", "the mobile
    # numbers of parents and guardians"; a grown-up's permission or a parent's consent is still found
    r"\b(?:from|for|by) (?:(?:parents|teachers|visitors|members|users|subscribers|our)\W+){0,3}(?:and |or )?(?:other )?"
    r"grown-?ups\b(?!'| (?:permission|consent|approval|help))|\bgrown-?ups'? (?:accounts?|sections?|pages?|areas?|"
    r"newsletters?|club|corner|zone|lounge)\b|"
    # "grown-up" as an adjective names adults' things: "enter a grown-up sweepstakes", "our grown-up sites"
    r"\bgrown-?up (?:sweepstakes|contests?|sites?|shop|store|products?|events?|offers?|newsletters?|accounts?)\b|"
    r"\b(?:information|data|details|names|addresses|numbers) (?:from|about|of) (?:the |a )?parents?,? (?:and|or|/) ?"
    r"(?:legal )?guardians?\b(?! of)|\bparents? (?:and|or) guardians? (?:information|data|details)\b"
)
# Organisations named after children ("Riverbend Children's Museum", "Tri-County Youth Soccer Alliance"): matched
# case-sensitively on the original text, because only the capitals tell a name from "children's museum visits".
_CHILD_NAMED_ORG = re.compile(
    r"\b(?:[A-Z][\w'\u2019&.-]*\s+){0,4}(?:Children['\u2019]?s|Kids['\u2019]?|Youth|Junior|Teen)\s+"
    r"(?:[A-Z][\w'\u2019&-]*\s+){0,3}(?:Museum|Hospital|Foundation|Network|Alliance|League|Association|Press|"
    r"Theat(?:re|er)|Cent(?:er|re)|Trust|Fund|Society|Library|Council|Federation|Academy|Clinic|Choir|Orchestra|"
    r"(?<!High )School)\b"
)
# "young writers", "our youngest musicians": young people, whatever the policy calls them (not young professionals)
_YOUNG_ONES = (r"young(?:est)? (?:people|persons?|users?|learners?|children|players?|readers?|members?|visitors?|"
               r"(?!(?:adults|professionals|couples|families|men|women|parents|mothers|fathers|moms|dads|voters|"
               r"workers|employees|lawyers|attorneys|entrepreneurs|leaders)\b)[a-z]+s)|"
               # "Junior Players", "junior members": not junior staff, analysts or doctors
               r"junior (?:players?|members?|users?|golfers?|athletes?|skiers?|swimmers?|bowlers?|anglers?|readers?|"
               r"rangers?|explorers?|accounts?|memberships?)")
_CHILD = re.compile(
    r"\b(?:child(?:ren)?(?:'s|s')?|kids?|minors?|" + _YOUNG_ONES + r"|juveniles?|"
    r"k-?(?:12|[5-9])|pre-?k|kindergartens?|elementary (?:schools?|students|pupils)|"
    r"teens?|teenagers?|pupils?|under[- ]?(?:13s|16s|18s)|coppa|children's online privacy protection|"
    r"parents? (?:or|and|/) ?(?:legal )?(?:guardians?|carers?)|(?:persons?|individuals?|anyone|users?|people|"
    r"those|visitors?|someone|members?|players?|customers?|participants?|account ?holders?|youths?|students?) "
    r"(?:under|below|younger than) (?:the age of )?\d{1,2}|"
    # rules-2026.11b: words for children written from first principles (clauses/children.vocab.txt); age limits,
    # age checks, laws and parental tools are in _STRONG
    r"youths?|adolescen(?:ts?|ce)|tweens?|teenage\w*|school-?age(?:d)?|schoolchildren|"
    r"younger (?:users?|audiences?|players?|visitors?|people|members?|customers?|learners?|students?|siblings?|"
    r"age groups?)|(?:under|below|younger than) the age of \d{1,2}|(?:aged|ages) (?:[5-9]|1[0-7]) ?(?:to|-|through|"
    r"and) ?(?:[5-9]|1[0-8])|sons? or daughters?|(?:your|their|a) (?:son|daughter|teen)(?:'s)?|grown-?ups?|"
    r"(?:(?:high|middle|junior high|grade|primary|secondary|elementary) school|k-?12) (?:students|pupils)|"
    r"students in (?:grades?|years?|key stage) \d)\b"
)
# terms that are about children's privacy or age limits wherever they appear (no further privacy context needed)
_STRONG = re.compile(
    r"\b(?:coppa|children's online privacy protection|age of (?:digital )?(?:majority|consent)|digital age of consent|"
    r"(?:minimum|required) age|age (?:gates?|screens?|verification|assurance|estimation|checks?|requirements?|"
    r"restrictions?|limits?)|old enough|under-?age(?:d)?|parental (?:controls?|dashboards?|gates?|notices?|portals?|"
    r"responsibility|supervision|involvement|verification)|holders? of parental|age[- ]appropriate design|"
    r"children's code|kidsafe|privo|ikeepsafe|caru|student privacy pledge|sopipa|"
    r"student online personal information protection|(?:under|below|younger than) the age of \d{1,2}|"
    r"(?:not|never) (?:yet )?(?:reached|attained|turned) (?:the )?(?:age|\d{1,2})|legal age|"
    r"(?:confirm|verify|check|estimat|assess|ascertain)\w* (?:your |their |a user's |the user's |users' )?age)\b"
)
# age checks for adults-only goods ("confirm that the recipient is at least 21"): not about children
_AGE_CHECK = re.compile(r"\b(?:age (?:gates?|screens?|verification|assurance|estimation|checks?)|old enough|legal age|"
                        r"(?:confirm|verify|check|estimat|assess|ascertain)\w* (?:your |their |a user's |the user's |"
                        r"users' )?age)\b")
# offers only adults may take up: "sweepstakes open to legal residents who are 18 or older", "firearms and
# ammunition are sold only to customers who meet the minimum age of 18 or 21" (an age gate on an *account* is
# still about children: "you must be 18 to open an account")
_ADULT_ONLY_OFFER = re.compile(
    r"\b(?:sweepstakes|contests?|giveaways?|prize draws?|prizes?|raffles?)\b[^.]{0,200}\bresidents?\b|"
    r"\bresidents?\b[^.]{0,200}\b(?:sweepstakes|contests?|giveaways?|prize draws?|prizes?|raffles?)\b|\bentrants?\b|"
    # "To apply to be a contestant, you must be at least 18 years old and a U.S. resident": eligibility for an
    # offer, not an age limit for the site (one that also names an account or the site's use still is)
    r"^(?!.*\b(?:accounts?|register\w*|registration|sign(?:ing)? up|use (?:the|our|this)|access (?:the|our|this)|"
    r"site|website|services?|app)\b).*\bresidents?\b")
_AGE_RESTRICTED_GOODS = re.compile(
    r"\b(?:alcohol\w*|beer|wine|spirits|liquor|tobacco|cigar\w*|e-?cigarettes?|vap(?:e|es|ing)|firearms?|"
    r"guns?|ammunition|knives|fireworks|lottery|gambling|betting|wagers?)\b")
_ACCOUNT_OR_USE = re.compile(r"\b(?:accounts?|join\w*|register\w*|registration|sign(?:ing)? up|members?(?:hip)?|"
                             r"use (?:the|our|this)|access (?:the|our|this))\b")
# rules for being somewhere in person (a venue, a studio audience, a rental property), or free admission
_IN_PERSON = re.compile(r"\baccompanied by (?:a |an |their |his or her )?(?:parents?|adults?|guardians?)\b|"
                        r"\badmitted\b|\bon (?:the )?(?:premises|property)\b|\bfree (?:admission|entry)\b|"
                        r"\b(?:jump|ride|play|eat|swim|skate|bowl|stay|get in)s? free\b|\bwith (?:a |an |one )?paying "
                        r"(?:adults?|parents?)\b")
# "Family - $95 - two adults and all children under 18 in the household": who a price covers, not whose data
_PRICE = re.compile(r"[$£€]\s?\d|\b\d+\s+(?:dollars|cents)\b")
_STUDENT = re.compile(r"\b(?:students?|pupils?|learners?)\b")
# a college's or university's students are adults: their records are not children's data
_HIGHER_ED = re.compile(r"\b(?:colleges?|university|universities|higher education|post-?secondary|undergraduates?|"
                        r"graduate students?|campus|tertiary|further education)\b")
_K12 = re.compile(r"\b(?:k-?12|primary schools?|elementary schools?|middle schools?|high schools?|secondary schools?|"
                  r"nurser(?:y|ies)|key stage|ks[1-4]|kindergarten)\b")
_SCHOOL = re.compile(r"\b(?:schools?|teachers?|classrooms?|k-?12|ferpa|primary|secondary|key stage|ks[1-4]|"
                     r"district|academ(?:y|ies)|nurser(?:y|ies))\b")
# "less than 12 months", "under 15 minutes", "at least 12 characters" are not ages
_UNITS = (r"(?:days?|weeks?|months?|minutes?|mins?|hours?|hrs?|seconds?|secs?|business|working|calendar|characters?|"
          r"chars?|digits?|letters?|%|percent|per\b|mb|gb|kb|items?|pounds?|dollars?|euros?|usd|gbp|eur|kg|km|miles?|"
          r"users|employees|people|staff|members|times|attempts|requests|files|records|products|countries|states|"
          r"locations|points|pages|emails|messages|calls)")
_AGE = re.compile(
    r"(?:\b(?:under|below|younger than|less than|over|above|older than|at least|aged?|age of|minimum age of|"
    r"must be)\s+(?:the\s+)?(?:age\s+(?:of\s+)?)?(?P<a>\d{1,2})\b(?![.,]\d)(?!\s*(?:-\s*)?" + _UNITS + r")|"
    r"\b(?P<b>\d{1,2})\s*(?:years?\s+(?:of\s+age|old)|\+|"
    r"or\s+(?:older|over|above)|and\s+(?:over|older|above)|\s*years? or older))"
)
_NEG_BEFORE = re.compile(r"(?:\b(?:not|never|no|nor|neither|nothing)|n't)\b[^.;]{0,25}$")  # ("isn't": no \b before n't)

_NOT_DIRECTED = [
    (re.compile(
        # ("nothing in the service is aimed at children")
        r"(?:\b(?:not|never)|n't|\bnothing\s+(?:in|on|about)\s+[^.;:]{0,40}?\s+(?:is|was))\s+"
        r"(?:(?:be|been|specifically|generally|intentionally|knowingly|primarily|currently)\s+)*"
        r"(?:intended|directed|designed|targeted|meant|aimed|marketed|developed|made|offered|suitable|appropriate|"
        r"available|structured|addressed|geared|provided)\s+(?:(?:for|to|at|towards?|by|toward)\s+(?:or|and)\s+\w+\s+)?"
        r"(?:for|to|at|towards?|by|toward)?\s*(?:use\s+by\s+|the\s+)?"
        r"(?:child|children|kids|minors|anyone|persons|people|individuals|users|those|young|teens|visitors|"
        r"under|a\s+child|any\s+(?:person|one|individual|child))"
    ), 0.95, "children.not_directed"),
    # "designed to be used by school staff and parents, not by children"
    (re.compile(
        r"\b(?:intended|designed|meant|made|built|aimed)\s+(?:to\s+be\s+used\s+|for\s+use\s+)?(?:by|for|at)\s+[^.;:]{0,60}?,?"
        r"\s+(?:and\s+)?not\s+(?:by\s+|for\s+|at\s+)?(?:children|kids|minors|pupils|students|young\s+people)\b"
    ), 0.9, "children.not_directed"),
    (re.compile(
        r"\b(?:(?:do|does|will|shall|would|did)\s*(?:not|n't)|won't|wo\s+not)\s+(?:(?:knowingly|intentionally|deliberately|purposely|"
        r"purposefully|actively|willfully|wilfully|otherwise|specifically|ever|currently)\s+)*(?:collect|solicit|"
        r"gather|request|seek|receive|process|market|target|sell|maintain|use|ask\s+for|allow|permit|accept|"
        r"register|store|obtain|take)\b[^.;]{0,110}?\b(?:child|children|kids|minors|under\s+(?:the\s+age\s+of\s+)?\d{1,2}|"
        r"anyone\s+under|individuals\s+under|persons\s+under|people\s+under|users\s+under|younger\s+than)|"
        # "We carry a lot of children, but we don't collect information from them"
        r"\b(?:children|kids|minors|pupils)\b[^.;]{0,60}\b(?:do|does|will)\s*(?:not|n't)\s+(?:knowingly\s+|directly\s+)?"
        r"(?:collect|gather|take|receive|ask\s+for)\s+(?:any\s+)?(?:personal\s+)?(?:information|data|details)\s+"
        r"(?:directly\s+)?from\s+them\b"
    ), 0.95, "children.no_knowing_collection"),
    (re.compile(
        r"\b(?:you\s+)?(?:must|need\s+to|have\s+to)\s+be\s+(?:at\s+least\s+|over\s+(?:the\s+age\s+of\s+)?|older\s+than\s+|"
        r"aged\s+)?"
        r"(?:the\s+age\s+of\s+)?\d{1,2}(?:\s+years)?(?:\s+of\s+age|\s+old)?(?:\s+or\s+(?:older|over|above))?"
        r"(?:\s+\([^)]*\))?\s+(?:or\s+older\s+)?(?:in\s+order\s+)?to\s+(?:use|access|register|create|sign|open|"
        r"visit|purchase|participate|submit|join|have|place|order|buy|book)"
    ), 0.9, "children.min_age_to_use"),
    (re.compile(
        r"\bif\s+you\s+are\s+(?:under|below|younger\s+than|not\s+(?:yet\s+)?(?:at\s+least|over))\s+(?:the\s+age\s+of\s+)?"
        r"\d{1,2}[^.;]{0,40}?,?\s*(?:please\s+)?(?:do\s+not|don't|you\s+(?:may|must|should|can)\s*(?:not|n't)|"
        r"may\s+not|must\s+not|should\s+not|cannot|can't|are\s+not\s+(?:permitted|allowed|eligible)|"
        # "If you are under 18 when you enrol, you will not be included in learning analytics"
        r"you\s+will\s+not\s+be\s+(?:included|enrolled|registered|able\s+to\s+(?:use|register|join)))"
    ), 0.9, "children.under_age_do_not_use"),
    (re.compile(
        r"\b(?:only|solely|exclusively)\s+(?:for|intended\s+for|available\s+to|open\s+to|directed\s+(?:to|at)|"
        r"designed\s+for)\s+(?:use\s+by\s+)?(?:adults|(?:persons|individuals|users|those|people|visitors)\s+"
        r"(?:over|aged|who\s+are|of\s+at\s+least|at\s+least))"
    ), 0.85, "children.adults_only"),
    (re.compile(
        r"\b(?:intended|designed|meant|offered|available|provided)\s+(?:only\s+|solely\s+|exclusively\s+)?(?:for|to)\s+"
        r"(?:use\s+by\s+)?(?:adults|(?:users|persons|individuals|those|people|visitors)\s+(?:who\s+are\s+)?(?:over|aged|"
        r"at\s+least|of\s+at\s+least|\d{1,2}\s+(?:years|\+|or\s+older|and\s+over)))|\b(?:adults|grown-ups)\s+only\b|"
        r"\boffered\s+only\s+to\s+adults|"
        # "Mootbook is a tool for adults"
        r"\bis\s+(?:a|an)\s+(?:[\w-]+\s+)?(?:tool|service|app|product|platform|site|website)\s+for\s+adults\b"
    ), 0.85, "children.adults_only"),
    (re.compile(
        r"\b(?:no\s+one|nobody)\s+(?:under|below|younger\s+than)\s+(?:the\s+)?(?:age\s+(?:of\s+)?)?\d{1,2}\s+"
        r"(?:may|can|is\s+(?:permitted|allowed)|should)\b|\b(?:children|minors|kids)\s+(?:may|must|should|can|shall)\s*"
        r"(?:not|n't)\s+(?:use|access|register|sign|create|submit|provide|join|visit)"
    ), 0.9, "children.not_permitted"),
    # "Children do not use our shop: it is intended for parents, carers and other adults", "Pupils ... never use
    # Yarrowcall", "Yarrowcall is not a service for children"
    (re.compile(
        r"\b(?:children|pupils|kids|minors)\s+never\s+use\b|\bis\s+not\s+(?:a|an)\s+(?:[\w-]+\s+)?(?:service|app|product|"
        r"platform|site|website)\s+(?:for|aimed\s+at)\s+(?:children|kids|minors|pupils)\b|"
        # "Mootbook is not intended for, and is not used by, pupils"
        r"\bis\s+not\s+(?:intended|designed|meant|made)\s+for,?\s+(?:and\s+(?:is\s+)?not\s+used\s+by,?\s+)?"
        r"(?:children|pupils|kids|minors)\b|"
        r"\b(?:children|pupils|kids|minors)\s+(?:do|does)\s*(?:not|n't)\s+(?:(?:use|access|have\s+access\s+to|sign\s+in\s+to)\s+"
        r"(?:our|the|this)\s+(?:online\s+)?(?:shop|store|services?|app|apps|website|site|platform|portal)\b|"
        r"have\s+(?:an?\s+|their\s+own\s+)?accounts?\b|log\s+in\b)"
    ), 0.85, "children.not_users"),
    (re.compile(
        r"\b(?:persons|individuals|users|people|anyone|children|minors|kids|visitors|those)\s+"
        r"(?:under|below|younger\s+than)\s+(?:the\s+)?(?:age\s+(?:of\s+)?)?\d{1,2}(?:\s+years(?:\s+of\s+age|\s+old)?)?"
        r"\s+(?:(?:are|is)\s+not\s+(?:permitted|allowed|eligible|authori[sz]ed)|may\s+not|must\s+not|should\s+not|"
        r"cannot|can\s*not|can't|shall\s+not)\s+(?:to\s+)?(?:use|access|register|sign|create|open|join|visit|submit|"
        r"provide|participate|be\s+(?:registered|users?|members?)|have\s+an?\s+account|purchase|download)\b"
    ), 0.9, "children.not_permitted"),
]
_REMEDIATION = re.compile(
    r"\bif\s+(?:a\s+)?(?:child|minor|kid)\s+(?:under\s+(?:the\s+age\s+of\s+)?\d{1,2}\s+)?(?:has\s+)?(?:submit|provide|send|give|register|sign)\w*|"
    r"\bif\s+you\s+(?:believe|think|suspect|are\s+aware|become\s+aware|learn|have\s+reason\s+to\s+believe|know)[^.]{0,120}?"
    r"(?:child|minor|under\s+(?:the\s+age\s+of\s+)?\d{1,2}|kids)|"
    r"\b(?:if|when|where|should|in\s+the\s+event(?:\s+that)?|once|upon)\s+(?:we\s+)?(?:learn|become\s+aware|"
    r"discover|find\s+out|are\s+(?:made\s+)?aware|are\s+notified|determine|have\s+reason\s+to\s+believe|"
    r"it\s+comes\s+to\s+our\s+attention|(?:we\s+)?(?:are\s+)?informed|notified)[^.]{0,200}?(?:child|minor|"
    r"under\s+(?:the\s+age\s+of\s+)?\d{1,2}|kids)"
)
_PARENT_CONTACT = re.compile(
    # (not "if you are a parent or pupil and want to know how your school uses ...": a pointer to the school)
    r"\b(?:if\s+you\s+are\s+(?:a|the)\s+parent(?!\s+or\s+(?:a\s+)?(?:pupil|student|learner|child|young))|parents?\s+(?:or\s+(?:legal\s+)?guardians?\s+)?who\s+(?:think|believe|"
    r"suspect|know|are\s+concerned|have\s+(?:concerns|questions))|parents?\s+(?:or|and|/)\s*(?:legal\s+)?guardians?\s+(?:who|that|"
    r"may|can|should|wishing|with|concerned)|(?:a|the)\s+parent\s+(?:or|and|/)\s*(?:legal\s+)?guardian\s+"
    r"(?:may|can|should|believes?|who|has)|parents?\s+(?:may|can|have\s+the\s+right\s+to)\s+(?:review|request|"
    r"contact|ask|refuse|access|delete|revoke|withdraw))"
)
_DIRECTED = [
    (re.compile(
        r"\b(?:designed|intended|directed|built|created|made|developed|aimed|targeted|tailored|suitable|"
        r"appropriate|specifically)\s+(?:primarily\s+|specifically\s+|especially\s+)?(?:for|to|at|towards?)\s+"
        r"(?:use\s+by\s+)?(?:(?:young|primary|school|secondary|junior|infant|elementary)[- ]?\s*){0,2}(?:child|"
            r"children|kids|pupils|minors|"
        r"young\s+(?:people|learners|children)|teens|teenagers|schoolchildren|students\s+(?:aged|under|between|"
        r"in\s+(?:primary|key|grades?|k)))"
    ), 0.9, "children.directed_to_children"),
    # "Our courses are for children and young people"
    (re.compile(
        r"\b(?:courses?|classes|lessons|sessions|camps?|clubs?|programmes?|programs?|activities|services?|apps?|"
        r"games?|products?|platform|website|site)\s+(?:are|is)\s+(?:(?:mainly|mostly|primarily|especially|all|"
        r"largely)\s+)?for\s+(?:young\s+)?(?:children|kids|pupils|young\s+people|schoolchildren)\b"
    ), 0.85, "children.for_children"),
    (re.compile(
        r"\b(?:used|accessed|visited|enjoyed|played)\s+by\s+(?:(?:young|primary|school)[- ]?)?(?:child|children|"
        r"kids|pupils|minors|young\s+people|schoolchildren|students\s+(?:aged|under|in\s+grades?\s+\d|in\s+years?\s+\d))"
    ), 0.85, "children.used_by_children"),
    (re.compile(
        r"\b(?:child|children|kids|pupils|minors|young\s+people|schoolchildren)\s+(?:(?:may|can|will|who|that|"
        r"might|could|are\s+able\s+to|are\s+invited\s+to)\s+)?(?:use|access|play|sign\s+up|register|log\s+in|"
        r"interact|create|complete|learn|practi[sc]e|submit|upload|participate|send|post|chat|enter|join)\b"
    ), 0.8, "children.children_use"),
    (re.compile(
        r"\b(?:collect|process|hold|store|receive|obtain|use)\w*\s+(?:\w+\s+){0,8}?(?:from|about|of|relating\s+to|"
        r"belonging\s+to|regarding)\s+(?:your\s+|a\s+|the\s+|our\s+)?(?:child|children|kids|pupils|minors)\b"
    ), 0.75, "children.collect_from_children"),
    (re.compile(
        r"\b(?:process|collect|hold|store|use|receive|record)\w*\s+(?:\w+\s+){0,3}?(?:children's|child's|pupils'|pupil's|"
        r"kids'|minors')\s+(?:personal\s+)?(?:data|information|details|names?)|\bregist\w*\s+(?:a|your|their|the)\s+"
        r"(?:child|children|kids?|pupils?)\b"
    ), 0.75, "children.children_data"),
    (re.compile(
        r"\b(?:students|pupils|learners)\s+(?:aged|between|under|in\s+(?:year|grade|key\s+stage|ks\d|primary|k-?12))\s+"
        r"[\w\s-]{0,20}?\b(?:use|access|play|learn|log\s+in|sign\s+in|practi[sc]e|complete)|"
        r"\b(?:collect|process|receive|obtain)\w*\s+(?:\w+\s+){0,6}?(?:from|about|of)\s+(?:the\s+|your\s+|our\s+)?"
        r"(?:students|pupils|learners)\b"
    ), 0.7, "children.students"),
    (re.compile(
        r"\b(?:your|a|the|each)\s+child(?:'s|ren's)\s+(?:\w+\s+)?(?:progress|learning|account|profile|name|email|results?|"
        r"performance|work|data|personal|information|school|teacher|use)"
    ), 0.7, "children.child_account"),
    # "almost everyone we work with is aged 12 to 18": the people served are children
    (re.compile(
        r"\b(?:we|our\s+\w+)\s+(?:work|works|deal|deals)\s+with\s+(?:is|are)\s+(?:aged|between)\s+(?:[3-9]|1[0-6])\s*"
        r"(?:to|-|–|and)\s*(?:[5-9]|1[0-8])\b"
    ), 0.8, "children.audience_ages"),
]
_PARENTAL_CONSENT = re.compile(
    r"\bconsent\s+of\s+(?:the\s+)?(?:holders?|persons?)\s+(?:of|with|exercising)\s+(?:the\s+)?parental\s+"
    r"(?:authority|responsibility)|"
    r"\b(?:(?:verifiable\s+|prior\s+|explicit\s+|express\s+)?parental\s+(?:consent|permission|approval|"
    r"authori[sz]ation|agreement)|(?:parent|guardian|carer|adult)(?:'s|s'|s)?\s*(?:(?:/|or|and)\s*(?:legal\s+)?"
    r"(?:guardian|carer|parent)(?:'s|s'|s)?\s*)?(?:express\s+|verifiable\s+|prior\s+|written\s+|signed\s+)?(?:consent|"
    r"permission|approval|authori[sz]ation|agreement)|(?:consent|permissions?|approval|authori[sz]ation|agreement)\s+"
    r"(?:\w+\s+){0,3}(?:of|from|by)\s+(?:a|their|your|the\s+child's|his\s+or\s+her|the|its|at\s+least\s+one|"
    r"(?:the|each|every|a|any)\s+(?:child|pupil|student|learner)(?:'s|s'))?\s*(?:fathers|mothers|parents?|"
    r"guardians?|carers?|legal\s+guardians?|adults?)|(?:parents?|guardians?|carers?|adults?)\s*"
    r"(?:(?:/|or|and)\s*(?:legal\s+)?(?:guardians?|carers?|parents?)\s*)?(?:must|will|need\s+to|has\s+to|have\s+to|"
    r"should|can|may|are\s+(?:asked|required)\s+to)\s+(?:first\s+|also\s+)?(?:consent|agree|approve|"
    r"authori[sz]e|provide\s+(?:their\s+)?consent|give\s+(?:their\s+)?(?:written\s+|verifiable\s+|express\s+)?"
    r"(?:consent|permission)|register|sign\s+up|"
    r"create|set\s+up|accept)|(?:parents?|guardians?|carers?)\s+(?:(?:has|have)\s+)?(?:gives?|given|provides?|"
    r"provided|grants?|granted)\s+(?:their\s+|his\s+or\s+her\s+)?(?:verifiable\s+|express\s+|written\s+)?"
    r"(?:consent|permission)|(?:parents?|guardians?|carers?)\s+(?:has\s+|have\s+)?(?:\w+\s+){0,6}?(?:to\s+)?"
    r"(?:confirms?|confirmed)\s+(?:their\s+|his\s+or\s+her\s+|that\s+(?:they|he\s+or\s+she|she|he)\s+)?consent|"
    # "once the parent has clicked it to confirm their consent", "a parent or carer must make the booking and confirm
    # their consent", "their parent invites them and confirms that they consent to their child using it"
    # "you confirm that you are the child's parent and that you consent to your child using Spellpip"
    r"\b(?:you|they|parents?|carers?|guardians?)\s+consents?\s+to\s+(?:your|their|the|his\s+or\s+her)\s+child(?:ren)?(?:'s)?\s+"
    r"(?:using|use|joining|taking|having|being)\b|"
    # "the account doesn't work until the parent taps "I agree"", "until a parent or carer has approved the account"
    r"\b(?:until|once|after|(?:only\s+)?if)\s+(?:a|the|their|your|his\s+or\s+her)\s+parent"
    r"(?:\s+or\s+(?:carer|guardian))?\s+(?:has\s+)?(?:approves|approved|agrees|agreed|(?:taps|tapped|clicks|clicked|"
    r"ticks|ticked|selects|selected)\s+[\"“'‘]?i\s+"
    # ("a learner login, but only if a parent invites them")
    r"(?:agree|consent)|invites\s+them|has\s+invited\s+them)\b|"
    r"(?:ask|require|request|invite)\w*\s+(?:a|the|their|your|his\s+or\s+her)\s+"
    r"(?:parent|guardian|carer)s?\s+(?:or\s+\w+\s+)?(?:to\s+(?:consent|agree|approve|authori[sz]e|give|provide|confirm)|"
    # "For pupils under 13 we ask the parent or carer for consent"
    r"for\s+(?:their\s+|his\s+or\s+her\s+)?(?:written\s+|verifiable\s+)?(?:consent|permission|approval))|"
    # a policy that speaks to parents: "your child's health visitor, with your consent", "tick the box on your child's
    # profile to give your explicit consent", "your consent for your child's profile"
    r"your\s+child(?:'s|ren(?:'s)?)?\b[^.;]{0,80}\b(?:with|give|giving|gives)\s+your\s+(?:explicit\s+|written\s+|"
    r"prior\s+)?consent\b|\b(?:with|give|giving)\s+your\s+(?:explicit\s+|written\s+|prior\s+)?consent\b[^.;]{0,80}"
    r"\byour\s+child|\byour\s+(?:explicit\s+|written\s+|prior\s+)?consent\s+(?:for|to)\s+(?:\w+\s+){0,3}?your\s+"
    r"child|\byou\s+(?:give|provide)\s+(?:your\s+)?consent\s+for\s+us\s+to\s+(?:\w+\s+){0,2}your\s+child|"
    # "A parent or carer must complete the Traveller Form and give the consents on it"
    r"(?:parent|guardian|carer)s?\s+(?:or\s+(?:carer|guardian|parent)s?\s+)?(?:must|will|should|needs?\s+to|has\s+to)\s+"
    r"[^.;]{0,60}?\bgive\s+(?:the|their|all\s+the)\s+consents?\b|"
    # "a parent or carer, who books, pays and agrees to this policy and to lesson recording on the child's behalf"
    r"(?:parent|guardian|carer)s?\b[^.;]{0,80}\b(?:agrees?|consents?)\b[^.;]{0,80}\bon\s+(?:the|their|his\s+or\s+her|"
    r"your)\s+child(?:'s|ren's)\s+behalf|"
    # "we ask for your consent as the child's parent or carer", "we ask the parent for explicit consent"
    r"\byour\s+(?:explicit\s+|written\s+)?consent,?\s+as\s+(?:the\s+|a\s+|their\s+)?(?:child's\s+|pupil's\s+)?(?:parent|"
    r"carer|guardian)|\b(?:ask|asks|asking|request|requests)\s+(?:the|a|each)\s+(?:parent|carer|guardian)s?\s+for\s+"
    r"(?:their\s+)?(?:explicit\s+|written\s+|prior\s+)?consent|"
    # "only children whose parent or carer has signed and returned our consent form"
    r"\b(?:parent|carer|guardian)s?\b[^.;]{0,40}\b(?:signed|returned|completed)\b[^.;]{0,30}\bconsent\s+forms?\b|"
    # "the Client confirms that they have parental responsibility and consents to the Student using the Platform"
    r"\bparental\s+responsibility\s+(?:for\s+\w+\s+)?and\s+(?:consents?|agrees?)\s+to\b|"
    # a lawful-basis list: "To share information about your child's needs with their tutor: your explicit consent"
    r"\byour\s+child(?:'s|ren(?:'s)?)?\b[^.;:]{0,80}:\s+(?:with\s+)?your\s+(?:explicit\s+|written\s+)?consent\b|"
    # translated: "a holder of the parental authority has given his agreement"
    r"\bholders?\s+of\s+(?:the\s+)?parental\s+(?:authority|responsibility)\s+(?:has|have)\s+(?:given|provided)\s+"
    r"(?:his|her|their|his\s+or\s+her)\s+(?:agreement|consent|permission))"
)
_NO_PARENTAL_CONSENT = re.compile(
    r"\b(?:can|may|are\s+able\s+to)\b[^.]{0,60}\bwithout\s+(?:a\s+|their\s+|your\s+|the\s+)?parent(?:al|'s|s')?\s+"
    r"(?:consent|permission)|"
    # "we do not ask for, or need, the consent of a parent or guardian"
    # "the school does not need, and we do not ask for, the consent of parents"
    # "schools do not usually need parents' consent"
    # ("I don't need to ask for, and don't ask for, a parent's consent")
    r"\b(?:(?:do|does|will)\s*(?:not|n't)|won't)\s+(?:usually\s+|normally\s+|generally\s+)?(?:require|obtain|seek|"
    r"ask(?:\s+for)?|need(?:\s+to\s+(?:collect|obtain|seek|ask\s+for))?|collect)"
    r"(?:,?\s+(?:or|and)\s+(?:(?:we|it|they|i)\s+)?"
    r"(?:(?:do|does)\s*(?:not|n't)\s+)?(?:require|need|obtain|seek|ask\s+for|record)\s*,?)?\s+(?:verifiable\s+)?(?:parental\s+consent|"
    r"(?:the\s+|any\s+)?(?:separate\s+|additional\s+|further\s+)?consents?\s+(?:directly\s+|separately\s+|"
    r"individually\s+)?(?:from|of)\s+(?:the\s+|a\s+|their\s+)?parents?|"
    # "we do not need, and do not ask for, your parents' or carers' consent"
    r"(?:(?:your|their|the|a)\s+)?parents?(?:'s?|s')?\s+(?:or\s+(?:carers?|guardians?)(?:'s?|s')?\s+)?consent)|"
    r"\b(?:do|does|will)\s+not\s+(?:ask|require)\s+(?:the\s+|their\s+)?(?:(?:pupils|students|children)\s+or\s+)?"
    r"(?:parents|carers|guardians)\s+"
    r"(?:for\s+(?:their\s+)?consent|to\s+(?:give\s+(?:their\s+)?)?"
    r"consent)|"
    # "Neither we nor the council asks parents for consent", "the platform has no feature for collecting parental
    # consent"
    r"\bneither\b[^.;]{0,60}\bnor\b[^.;]{0,60}\b(?:asks?|requires?|seeks?)\s+(?:the\s+|their\s+)?(?:parents|carers|"
    r"guardians)\s+(?:for\s+(?:their\s+)?consent|to\s+(?:give\s+(?:their\s+)?)?consent)|"
    r"\bno\s+(?:feature|function|way|mechanism|process)\s+(?:for|to)\s+(?:collect|obtain|record|gather)\w*\s+parental\s+"
    r"consent|parental\s+consent\s+is\s+not\s+(?:sought|obtained|asked\s+for|the\s+(?:lawful|legal)\s+basis)|"
    r"(?:not|never)\s+(?:rely|relies)\s+on\s+(?:parental|parents'?)\s+consent|"
    # "neither we nor the school rely on consent from pupils or from their parents"
    r"\b(?:not|never|nor\s+(?:\w+\s+){1,3}?)(?:rely|relies)\s+on\s+(?:the\s+)?consent\s+(?:from|of)\s+(?:\w+\s+){0,4}?"
    r"(?:parents?|carers?|guardians?)\b|"
    r"(?:without|no)\s+(?:the\s+)?need\s+(?:for|of)\s+(?:verifiable\s+)?parental\s+consent|parental\s+consent\s+"
    r"is\s+not\s+(?:required|needed|necessary)|"
    # "neither pupils' nor parents' consent is sought", "parents' consent is not required"
    r"\bnor\s+(?:their\s+)?parents?(?:'s?|s')?\s+consent\s+(?:is|are)\s+(?:sought|required|obtained|needed|asked\s+for)|"
    # "parents and pupils are not asked to give consent"
    r"\bparents?\s+(?:and|or)\s+(?:pupils|students|children)\s+are\s+not\s+asked\s+(?:to\s+give\s+|for\s+(?:their\s+)?)?"
    r"consent|"
    r"\bparents?(?:'s?|s')?\s+consent\s+(?:is|are)\s+not\s+(?:sought|required|obtained|needed|asked\s+for)|"
    # "Consent from learners or parents is not the lawful basis"
    r"\bconsent\s+(?:from|of)\s+(?:\w+\s+){0,3}?(?:parents?|carers?|guardians?)\s+is\s+not\s+(?:the\s+|a\s+)?(?:lawful|legal)\s+"
    r"basis|"
    # translated: "A consent of the parents is not obtained by us and is not necessary"
    r"\bconsent\s+of\s+the\s+parents\s+(?:is|are)\s+not\s+(?:sought|required|obtained|needed|necessary|asked\s+for)"
)
_CONSENT_QUESTION = re.compile(r"\b(?:ask|need|require|get|obtain|collect|seek)\b[^?]{0,40}\b(?:parents?'?|parental|"
                               r"carers?'?)[^?]{0,20}\bconsent\b[^?]*\?\s*$", re.I)
_SCHOOL_CONSENT = re.compile(
    r"\b(?:(?:schools?|districts?|teachers?|educational\s+(?:institutions?|organi[sz]ations?)|institutions?)"
    r"(?:'s|s')?,?\s+(?:[\w,]+\s+){0,5}?(?:obtains?\s+|provides?\s+|gives?\s+|secures?\s+)?(?:consent|authori[sz]ation|permission)|(?:consent|authori[sz]ation|"
    r"permission)\s+(?:\w+\s+){0,4}?(?:on\s+behalf\s+of|in\s+place\s+of|instead\s+of|as\s+(?:the\s+)?agents?\s+"
    r"(?:of|for))\s+(?:the\s+|their\s+|a\s+)?(?:parents?|guardians?)|(?:acts?|acting|serves?|serving)\s+as\s+"
    r"(?:the\s+)?parents?'?s?'?\s+agent|(?:schools?|teachers?|districts?)\s+(?:\w+\s+){0,3}?(?:responsible\s+for|"
    r"must|will|agree\s+to|are\s+required\s+to)\s+(?:obtain\w*|secur\w+|get\w*|provid\w+)\s+(?:any\s+|all\s+)?"
    r"(?:necessary\s+|required\s+|appropriate\s+)?(?:parental\s+)?(?:consent|permission|authori[sz]ation))"
)
# "if you are between 13 and 17 you may use the Services only with your parent's consent": the teens are users
_TEEN_USERS = re.compile(r"\b(?:between\s+1[3-6]\s+and\s+1[78]|1[3-6]\s*(?:to|-|through)\s*1[78]|"
                         r"under\s+(?:the\s+age\s+of\s+)?18|teens?|teenagers?)\b[^.]{0,80}\b(?:may|can|must|only)\b[^.]{0,30}\b(?:use|access|register|"
                         r"sign\s+up|create|join)")
# the consent a school collects for an activity ("permission slips", "consent for trips"), not for the service: a
# consent form by itself is not one ("counselling starts once a parent has given consent on the consent form")
_ACTIVITY_CONSENT = re.compile(r"\bpermission\s+slips?\b|\b(?:school\s+)?(?:trips?|outings?|excursions?|"
                               r"residentials?)\b")
# "we ask the parent to give explicit consent to our using it to plan the trip": consent to the data, whatever it is for
_CONSENT_TO_DATA = re.compile(r"\bconsent\s+to\s+(?:our\s+|us\s+)?(?:using|processing|sharing|holding|collecting)\b")
# ("You don't need a parent's permission to ask for your own information": none is asked)
_WITHOUT_BEFORE = re.compile(r"\b(?:without|absent|lacking|no|(?:do|does)\s*(?:not|n't)\s+need)\s+(?:\w+\s+){0,3}$")
_COPPA = re.compile(r"\bcoppa\b|children's online privacy protection")
_CHILD_HEADING = re.compile(r"\b(?:child(?:ren)?(?:'s)?|kids|minors|coppa|under 1[368]|" + _YOUNG_ONES + r"|"
                            r"younger (?:people|players?|users?|members?|readers?|learners?|visitors?)|age "
                            r"(?:limits?|restrictions?|requirements?)|parents?|pupils?|"
                            r"youths?|teens?|teenagers?|adolescents?|under-?age|minimum age|parental)\b")
# a section heading that names who may use the service ("Who Can Join", "Eligibility") heads a children's section
# when the section states an age limit; it is not a children's context by itself, so only heading_findings reads it
_AGE_SECTION_HEADING = re.compile(_CHILD_HEADING.pattern + r"|\b(?:who (?:can|may) (?:join|use|register|sign up|"
                                  r"participate)|eligib\w+)\b")
_DATA_VERB = re.compile(r"\b(?:collect\w*|process\w*|record\w*|hold|held|store\w*|use[sd]?|includ\w+|sell|sold|rent|"
                        r"provid\w+|shar\w+|captur\w+|ask\w* for|obtain\w*|receiv\w+|data|information|"
                        # "if you give us a child's birthday", "a parent enters each child's name"
                        r"(?:giv|tell)\w* us|submit\w*|enter(?:s|ed|ing)? (?:your|a|the|their|his|her|each))\b")
_PRIVACY_CTX = re.compile(r"\b(?:personal|information|data|privacy|collect\w*|consent|age|parents?|guardians?|"
                          r"use|register\w*|accounts?|protect\w*|online|services?|website|site|app)\b")
# a bare mention of children outside a children section must be about their data or privacy, not about
# products for families ("parents can buy gift cards for their kids")
_STRICT_PRIVACY_CTX = re.compile(
    r"\b(?:personal|information|data|details|privacy|collect\w*|consent|permission|approv\w+|ages?|aged|"
    r"registers?|registration|enrol\w*|accounts?|sign(?:s|ed|ing)?[- ]?up|log[- ]?in|profiles?|protect\w*|coppa|"
    r"knowingly|verif\w+|"
    r"delet\w+|review|supervis\w+|monitor\w*|safeguard\w*|directed|intended|chat|messag\w+|contact|"
    r"advertis\w+|personali[sz]ed|settings|private|progress|(?:geo-?)?locations?|display\w*|visible|publicly|"
    # how long a minor's records are kept is about their data ("release forms of participants who were minors are
    # kept until three years after their 18th birthday")
    r"kept|keep|retain\w*|retention|stored|records?)\b")
_CATEGORIES = [
    ("name", re.compile(r"\b(?:names?|first\s+name|surname|last\s+name|full\s+name)\b")),
    ("date_of_birth", re.compile(r"\b(?:date\s+of\s+birth|birth\s*date|birthday|dob|year\s+of\s+birth|ages?)\b")),
    ("email", re.compile(r"\be-?mail")),
    ("images_or_voice", re.compile(r"\b(?:images?|photo\w*|pictures?|videos?|voices?|audio|recordings?|likeness|"
                                   r"webcam|camera|footage)\b")),
    ("performance", re.compile(r"\b(?:performance|progress|results?|grades?|scores?|attainment|assessments?|"
                               r"test\s+(?:scores|results)|answers|homework|achievements?|learning\s+data)\b")),
    ("contact_details", re.compile(r"\b(?:(?:postal|home|street)\s+address|address|phone|telephone|"
                                   r"mobile\s+number)\b")),
    # "class" is data only as a class's name or list ("teachers use it with their classes" names none)
    ("school", re.compile(r"\b(?:school\s+name|class(?:es)?\s+(?:names?|lists?|rosters?|codes?|membership)|"
                          r"year\s+group|grade\s+level|form\s+group)\b")),
    ("special_category", re.compile(r"\b(?:health|medical|special\s+educational\s+needs|sen|disabilit\w+|"
                                    r"ethnic\w*|religio\w+|biometric)\b")),
    ("location", re.compile(r"\b(?:geo-?location|location\s+data|gps|precise\s+location)\b")),
    ("device_data", re.compile(r"\b(?:ip\s+address(?:es)?|device\s+(?:id|identifiers?|information)|cookies?)\b")),
    ("username", re.compile(r"\b(?:user\s?names?|login|passwords?)\b")),
]
_BASES = [
    ("consent", re.compile(r"\b(?:(?:your|explicit|express|their|parental|with)\s+consent|consent\s+(?:as|is)\s+"
                           r"(?:a|the|our)\s+(?:legal|lawful)\s+(?:basis|ground)|(?:basis|ground)\w*\s+(?:of|is|"
                           r"are)\s+(?:your\s+)?consent|based\s+on\s+(?:your\s+)?consent|rely(?:ing)?\s+on\s+(?:your\s+)?"
                           r"consent)\b")),
    ("contract", re.compile(r"\b(?:performance\s+of\s+(?:a|the|our)?\s*contract|necessary\s+(?:for|to)\s+(?:the\s+)?"
                            r"(?:perform|performance|enter)\w*\s+(?:\w+\s+){0,3}contract|contractual(?:\s+necessity)?|"
                            r"(?:legal|lawful)\s+basis\s+[^.;]{0,60}\bcontract)\b")),
    ("legitimate_interests", re.compile(r"\blegitimate\s+(?:business\s+)?interests?\b")),
    ("legal_obligation", re.compile(r"\b(?:legal|statutory|regulatory)\s+obligations?|comply\s+with\s+(?:a|the|"
                                    r"our|any)?\s*(?:law|legal)|required\s+by\s+law|legal\s+requirements?\b")),
    ("public_task", re.compile(r"\b(?:public\s+task|public\s+interest|official\s+authority)\b")),
    ("vital_interests", re.compile(r"\bvital\s+interests?\b")),
]
_BASIS_CTX = re.compile(r"\b(?:basis|bases|ground|grounds|lawful|legal|rely|relying|necessary|processing)\b")
_NEG_CONSENT = re.compile(r"\b(?:do|does)\s+not\s+(?:generally\s+)?rely\s+on\s+consent")


_NUM_WORDS = {"five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9", "ten": "10", "eleven": "11",
              "twelve": "12", "thirteen": "13", "fourteen": "14", "fifteen": "15", "sixteen": "16",
              "seventeen": "17", "eighteen": "18", "nineteen": "19", "twenty-one": "21", "twenty one": "21"}
_NUM_WORD = re.compile(r"\b(" + "|".join(sorted(_NUM_WORDS, key=len, reverse=True)) + r")\b(?:\s*\(\d{1,2}\))?")


def _masked(text: str, program: re.Pattern[str] | None = None) -> str:
    """``norm(text)`` with near-misses and organisations named after children blanked, the policy's own names for
    its children's program (``program``, see :func:`program_names`) read as "kids", and spelled-out ages as digits
    ("sixteen (16)" -> "16"); a matching copy only (findings quote whole segments, so its offsets need not match
    the text's)."""
    t = norm(text)
    for m in _CHILD_NAMED_ORG.finditer(text):  # norm() keeps offsets, so the original's match blanks the copy
        t = t[: m.start()] + " " * (m.end() - m.start()) + t[m.end():]
    if program is not None:
        for m in program.finditer(text):
            word = "kids" if m.end() - m.start() >= 4 else "kid"
            t = t[: m.start()] + word.ljust(m.end() - m.start()) + t[m.end():]
    t = _MASK.sub(lambda m: " " * (m.end() - m.start()), t)
    return _NUM_WORD.sub(lambda m: _NUM_WORDS[m.group(1)], t)


# A policy may give its children's program or accounts a name of their own and then use only that name: "Starlite
# Juniors is our youth bowling program for bowlers ages 5 to 18", "The Junior Explorers Club is our membership
# program for young ocean fans ages 5 through 12", "Because most Sprouts are under 13". Such a definition makes the
# name's head noun ("Juniors", "Explorers", "Sprouts") a word for children in that policy.
_PROGRAM_DEFINITION = re.compile(
    r"(?P<term>(?:[A-Z][\w'’&-]*\s+){0,3}[A-Z][\w'’-]*)\s+(?:is|are)\s+(?:(?:our|the|a|an)\s+)?"
    r"(?:[\w'’&-]+\s+){0,4}?(?:program(?:me)?|club|accounts?|profiles?|membership|division|section|area|"
    r"edition|zone|corner|league)\b[^.;]{0,60}?\bfor\s+(?:[\w'’-]+\s+){0,3}?(?:(?:ages?|aged)\s+(?:[2-9]|1[0-6])\b|"
    r"(?:under|younger\s+than)\s+(?:the\s+age\s+of\s+)?(?:[5-9]|1[0-8])\b|children\b|kids\b|young\s+[a-z]+|"
    r"(?:students|pupils|learners)\s+in\s+(?:kindergarten|grades?\s+\d|pre-?k))|"
    r"\b(?:most|all|many|some)\s+(?P<members>[A-Z][\w'’-]*?)s?\s+are\s+(?:under|younger\s+than)\s+"
    r"(?:the\s+age\s+of\s+)?(?:[5-9]|1[0-7])\b")
# A defined term for the policy's children ("The child who wears the watch is the "Wearer"", "The children in a
# family, whom we call "Savers,"", "a child under 13 (a "Junior Member")") names them wherever the policy uses it.
# The term must be quoted, as defined terms are.
_CHILD_DEFINED_TERM = re.compile(
    r"\b(?:child(?:ren)?|kids?|minors?|boys|girls|teens?|teenagers?|young (?:people|users|members|fans))\b"
    r"[^.;()\"“]{0,60}?(?:\b(?:whom|who|which|that) we (?:call|refer to as) |"
    r"\b(?:is|are) (?:called |known as |referred to as )?(?:the |our |an? )?|"
    r",? (?:hereinafter |also )?(?:called|known as|referred to as) |\((?:the |each |an? )?)"
    r"[\"“](?P<term>[A-Za-z][\w'’-]*(?: [A-Z][\w'’-]*){0,2}?)[.,]?[\"”]")
# the adults a term may be defined for next to their children ("parents or guardians of children ("Parents")")
_DEFINED_TERM_NOT_CHILDREN = {"the", "our", "a", "an", "parent", "guardian", "adult", "family", "familie", "household",
                              "teacher", "educator", "school", "caregiver", "carer"}
_PROGRAM_GENERIC = {"club", "program", "programme", "account", "accounts", "profile", "profiles", "membership",
                    "memberships", "division", "section", "area", "edition", "zone", "corner", "league"}
# heads that are already words for children or name the adults: "The Kids Area", "Family Accounts"
_PROGRAM_NOT_A_NAME = {"the", "our", "a", "an", "kid", "kids", "child", "children", "youth", "teen", "teens",
                       "family", "families", "household", "parent", "parents", "adult", "adults", "member", "members",
                       "student", "students", "this", "these", "it"}


# A common noun the policy gives children's ages or school grades ("WonderWell is an online encyclopedia for readers
# ages 7 to 14", "overnight camps for campers ages 10 to 17", "musicians in grades 3 through 12") names children
# wherever else that policy uses it. Nouns for anyone (users, members, visitors, players, students) are left out: a
# museum lets "visitors ages 5 to 12" in free.
_AGED_NOUN = re.compile(r"(?P<before>\b[a-z]+\s+)?\b(?P<noun>[a-z]{4,}?)s,?\s+(?:(?:(?:from|between)\s+)?"
                        r"(?:ages?|aged)\s+(?P<a>\d{1,2})\s*"
                        r"(?:to|-|–|through|and)\s*(?P<b>\d{1,2})|in\s+grades?\s+(?:k|pre-?k|\d{1,2})\s*"
                        r"(?:to|-|–|through)\s*(?P<grade>\d{1,2}))\b")
# the nouns as _AGED_NOUN captures them, without their plural "s" ("familie" is "families")
_AGED_NOUN_ANYONE = {"user", "visitor", "member", "guest", "customer", "participant", "resident", "patron", "person",
                     "individual", "adult", "familie", "parent", "team", "player", "student", "rider", "passenger",
                     "traveler", "traveller", "driver", "employee", "applicant", "subscriber", "viewer", "listener",
                     "volunteer", "entrant", "winner", "athlete", "patient", "client", "shopper", "buyer"}
# "young readers ages 8 to 14", "teen volunteers ages 14 to 17": the modifier, not the noun, says these are children
_AGED_NOUN_MODIFIER = {"young", "younger", "teen", "teenage", "junior", "youth", "student", "child", "kid", "little",
                       "budding", "aspiring", "minor", "school"}
#: A program's head noun found in more than this share of the policy's lines is the site's own subject ("Our Junior
#: Golf program is for players ages 7 to 17" on a golf course's site), not a name for its children.
_PROGRAM_MAX_SHARE = 0.4


def _names_the_subject(head: str, text: str) -> bool:
    rx = re.compile(r"\b(?:" + re.escape(head) + "|" + re.escape(head.upper()) + r")(?:s|S)?\b")
    lines = [line for line in text.splitlines() if line.strip()]
    if len(lines) < 4:  # a clause, not a policy: nothing to compare with
        return False
    return bool(rx.search(lines[0])) or sum(1 for line in lines if rx.search(line)) > _PROGRAM_MAX_SHARE * len(lines)


# a noun for the people whom a parent registers or answers for: "Racers are registered for the season by a parent",
# "the parent or guardian who registers a racer", "the racer's parent"
_PARENTS_NOUN = re.compile(r"\b(?P<a>[a-z]{4,}?)s\s+are\s+(?:registered|enrolled|signed\s+up)\s+(?:\w+\s+){0,4}?by\s+"
                           r"(?:a|their|the)\s+parent|\bparents?\s+(?:or\s+(?:legal\s+)?guardians?\s+)?(?:who|that)\s+"
                           r"(?:registers?|enrolls?|enrols?|signs\s+up)\s+(?:a|the|their|each)\s+(?P<b>[a-z]{4,})\b|"
                           # "A parent or guardian registers each singer", "A parent adds each dancer to the family
                           # account", "For each dancer, the parent provides ..."
                           r"\b(?:a|the|each)\s+parent\s+(?:or\s+(?:legal\s+)?guardian\s+)?(?:registers|enrolls|enrols|"
                           r"signs\s+up|adds)\s+(?:a|the|their|each)\s+(?P<d>[a-z]{4,})\b|"
                           r"\bfor\s+each\s+(?P<e>[a-z]{4,}),\s+(?:the|a)\s+parent\b|"
                           r"\b(?:a|the|each|your)\s+(?P<c>[a-z]{4,})'s\s+parents?\b")


def _parents_nouns(low: str) -> set[str]:
    """The nouns a policy uses in two or more of _PARENTS_NOUN's ways or places: the children it serves by its own
    word for them."""
    seen = Counter(next(n for n in m.groups() if n) for m in _PARENTS_NOUN.finditer(low))
    return {noun for noun, n in seen.items() if n >= 2}


def _also_adults(noun: str, text: str) -> bool:
    """Does the policy also speak of adult ``noun``s ("adult riders", "members 18 and older")? Then its children are
    only some of them, and the noun alone does not name children."""
    return bool(re.search(r"\b(?:adult|grown-?up)\s+" + noun + r"s?\b|\b" + noun + r"s?\s+(?:who\s+are\s+)?(?:aged\s+)?"
                          r"(?:18|eighteen|19|21)\s*(?:\+|(?:years?\s+(?:of\s+age\s+)?|and\s+|or\s+)(?:and\s+|or\s+)?"
                          r"(?:older|over|up))", text, re.IGNORECASE))


def _singular(word: str) -> str:
    """A name's head as one: "Explorers" -> "Explorer", "Sprout's" -> "Sprout" ("Class" and "Kids" stay)."""
    head = re.sub(r"'s?$", "", word)
    return head[:-1] if len(head) > 4 and head.endswith("s") and not head.endswith("ss") else head


def program_names(text: str, vendor_name: str | None = None) -> re.Pattern[str] | None:
    """The policy's own words for its children, as one case-sensitive pattern (singular or plural, Title-case and
    UPPER-case; lower-case too for common nouns): the head nouns of the programs it defines for children
    (_PROGRAM_DEFINITION), the quoted terms it defines for its children (_CHILD_DEFINED_TERM) and the common nouns
    it gives children's ages (_AGED_NOUN). None when there are none. A word that is part of the vendor's own name,
    or (unless defined for the children) in the title or most lines of the policy, is left out: the company and
    the site's subject are not children."""
    vendor = {w.lower() for w in re.findall(r"[\w'-]+", vendor_name or "")}
    heads: set[str] = set()
    for m in _PROGRAM_DEFINITION.finditer(text.replace("’", "'")):
        words = (m.group("term") or m.group("members")).split()
        while words and words[-1].lower() in _PROGRAM_GENERIC:
            words.pop()
        if not words:
            continue
        head = _singular(words[-1])
        head = head[0].upper() + head[1:].lower() if head else head
        if len(head) >= 3 and head.lower() not in _PROGRAM_NOT_A_NAME | vendor and not _names_the_subject(head, text):
            heads.add(head)
    nouns: set[str] = set()
    for m in _CHILD_DEFINED_TERM.finditer(text.replace("’", "'")):
        term = m.group("term")
        head = _singular(term)
        if len(head) < 3 or term.isupper() or _CHILD.search(head.lower()) or _CHILD.search(head.lower() + "s") or \
                head.lower() in _PROGRAM_GENERIC | _DEFINED_TERM_NOT_CHILDREN | vendor:
            continue
        # defined as the children ("whom we call members"): however often the policy uses it
        if head[0].islower():
            nouns.add(head)
        else:
            heads.add(head)
    for m in _AGED_NOUN.finditer(text.lower()):
        noun = m.group("noun")
        if (m.group("before") or "").strip() in _AGED_NOUN_MODIFIER:
            continue
        school_age = int(m.group("grade")) <= 12 if m.group("grade") else \
            int(m.group("a")) <= 14 and int(m.group("b")) <= 18
        if school_age and noun not in _AGED_NOUN_ANYONE | _PROGRAM_NOT_A_NAME and not _CHILD.search(noun + "s") \
                and not _names_the_subject(noun.capitalize(), text) and not _also_adults(noun, text):
            nouns.add(noun)
    for noun in _parents_nouns(text.lower()):  # (as defined for the children: even in the title, "Gravity Racers")
        if noun not in _AGED_NOUN_ANYONE | _PROGRAM_NOT_A_NAME and not _CHILD.search(noun + "s") and \
                not _also_adults(noun, text):
            nouns.add(noun)
    if not heads and not nouns:
        return None
    words = {f for h in heads for f in (h, h.upper())} | {f for n in nouns for f in (n, n.capitalize(), n.upper())}
    forms = sorted(words, key=lambda f: (-len(f), f))
    return re.compile(r"\b(?:" + "|".join(re.escape(f) for f in forms) + r")(?:s|S|'s|'S)?\b")


def _negated(t: str, pos: int) -> bool:
    return bool(_NEG_BEFORE.search(t[max(0, pos - 40) : pos]))


def _ages(t: str) -> list[int]:
    out = []
    for m in _AGE.finditer(t):
        v = int(m.group("a") or m.group("b"))
        if 5 <= v <= 21:
            out.append(v)
    return out


def ages_over_18_only(t: str) -> bool:
    ages = _ages(t)
    return bool(ages) and min(ages) > 18


def _categories(t: str) -> list[str]:
    return [name for name, rx in _CATEGORIES if rx.search(t)]


def _adult_goods_document(text: str) -> bool:
    """Does the policy sell goods only adults may buy (alcohol at 21)? Then its age checks ("Age Verification. We
    send your date of birth to an identity verification company") are about buyers, not children; its age limit
    ("You must be at least 21 to join") is still read as one."""
    t = norm(text)
    return bool(_AGE_RESTRICTED_GOODS.search(t)) and (21 in _ages(t) or "legal drinking age" in t)


def _k12_document(text: str) -> bool:
    """Does the policy serve schoolchildren? It names primary or secondary schooling and no college or university,
    so every "student" in it is a pupil ("We do not sell information about students")."""
    t = norm(text)
    return bool(_K12.search(t)) and not _HIGHER_ED.search(t)


# "you must be 18 or older to enroll", "most of our students are adults": a course for adults, whose students are not
# children wherever the policy says "student" (a bootcamp, a driving school, an evening class)
_ADULT_STUDENTS = re.compile(
    r"\b(?:students|learners|trainees|participants)\s+are\s+(?:all\s+|mostly\s+|usually\s+|generally\s+)?adults\b|"
    r"\b(?:must|have\s+to|need\s+to)\s+be\s+(?:at\s+least\s+)?(?:18|eighteen)(?:\s+years(?:\s+of\s+age|\s+old)?)?"
    r"(?:\s+or\s+(?:older|over))?\s+to\s+(?:enrol|enroll|register\s+for|apply|attend|take|book|join)\b")


def _adult_students_document(text: str, k12: bool) -> bool:
    """Does the policy (not one for schoolchildren, ``k12``) say its students are adults? Then "student" alone does not
    make a sentence about children."""
    return not k12 and bool(_ADULT_STUDENTS.search(norm(text)))


# A sentence that carries on from the one before about children's data refers back to it ("This information ...",
# "We share it with ..."); one that names a new subject ("Adults who volunteer give us ...") does not.
_REFERS_BACK = re.compile(
    r"^\W*(?:(?:\w+\W+){0,3}?(?:this|these|that|those|such|the same|the above|this personal|any such) "
    r"(?:\w+ )?(?:information|data|details|records?|content|materials?|submissions?)\b|(?:it|they)\b|"
    r"(?:\w+\W+){1,6}?(?:it|them|such (?:information|data))\b)")


# A postal address: "1550 Dock Street", "Suite 12", "PO Box 88", a US state and ZIP code or a UK postcode
_POSTAL_ADDRESS = re.compile(
    r"\b\d{1,5}\s+(?:[A-Z][\w.'-]*\s+){1,4}(?:Street|St|Road|Rd|Avenue|Ave|Boulevard|Blvd|Drive|Dr|Lane|Ln|Way|Place|"
    r"Court|Ct|Parkway|Pkwy|Highway|Hwy|Square|Plaza|Terrace|Circle|Row|Close|Crescent)\b|\bP\.?\s?O\.?\s+Box\s+\d|"
    r"\b[A-Z]{2}\s+\d{5}(?:-\d{4})?\b|\b[A-Z]{1,2}\d[A-Z\d]?\s+\d[A-Z]{2}\b")
_NAME_WORD = re.compile(r"\b[A-Z][\w'’.&-]*")


def _contact_block(text: str) -> bool:
    """Is ``text`` a contact block whose only words for children are in names ("Kids Crew Office, Cascade FC, 1550
    Dock Street, Tacoma, WA 98402", "Contact Youth Services, County Library, 220 Market Street")? It says where to
    write, nothing about children's data (annotators label 1 of the 26 such blocks in the dev documents)."""
    if not _POSTAL_ADDRESS.search(text) or len(text.split()) > 60:
        return False
    rest = _masked(_NAME_WORD.sub(" ", text))
    return not (_CHILD.search(rest) or _STRONG.search(rest) or _PARENTAL_CONSENT.search(rest))


# The policy's title ("Junior Birders Club / Privacy Policy for Kids, Teens and Parents") names its readers and
# states nothing about them; annotators label none of the 22 such titles in the dev documents about children.
_TITLE_WORD = re.compile(r"(?i)\b(?:privacy|data protection)\b")
_LINE = re.compile(r"[^\n]*\S[^\n]*")


def title_end(text: str) -> int:
    """Where the policy's title ends: the end of the first of its opening short lines (at most four, none a
    sentence) that speaks of privacy or data protection; 0 when the text opens with no such title ("Notice to
    Parents" is a heading)."""
    for i, m in enumerate(_LINE.finditer(text, 0, min(len(text), 600))):
        line = m.group(0).strip()
        if i >= 4 or len(line.split()) > 14 or line.endswith("."):
            return 0
        if _TITLE_WORD.search(line):
            return m.end()
    return 0


def _read_otherwise(t: str, child: bool, ages: list[int]) -> bool:
    """Does the (masked) sentence speak of ages or children only to say who may come in person, what a price
    covers, or who may win a prize or buy age-restricted goods? Then it is not about children's data."""
    if not child and ((ages and min(ages) >= 18 and _ADULT_ONLY_OFFER.search(t)) or (
            all(a >= 18 for a in ages) and _AGE_RESTRICTED_GOODS.search(t) and not _ACCOUNT_OR_USE.search(t))):
        return True
    # "anyone under 16 must be accompanied by an adult": who may come in, not whose data
    return bool((_IN_PERSON.search(t) or _PRICE.search(t)) and not _STRICT_PRIVACY_CTX.search(t))


def read_otherwise(doc: Document) -> bool:
    """Is every sentence of ``doc`` that mentions children or ages one the rules read as something else
    (:func:`_read_otherwise`)? The topic model weighs words, not constructions: it gives "Children under 12 must be
    accompanied by an adult" a high probability of being about children, and the analyser drops its children
    findings on such text."""
    read = False
    for seg in doc.segments:
        t = _masked(seg.text)
        child, ages = bool(_CHILD.search(t)), _ages(t)
        if not (child or ages or _STRONG.search(t)):
            continue
        if not (_read_otherwise(t, child, ages) or _contact_block(seg.text)):
            return False
        read = True
    return read


def _segment_findings(seg: Segment, prev_child_data: bool, k12: bool = False, adult_goods: bool = False,
                      program: re.Pattern[str] | None = None, paragraph_ctx: bool = False,
                      adult_students: bool = False) -> tuple[list[Finding], bool]:
    t = _masked(seg.text, program)
    prev_child_data = prev_child_data and bool(_REFERS_BACK.search(t))
    head = _masked(f"{seg.heading} | {seg.section}", program)
    head_ctx = bool(_CHILD_HEADING.search(head))
    child = _CHILD.search(t)
    strong = _STRONG.search(t)
    ages = _ages(t)
    if strong and (ages_over_18_only(t) or (adult_goods and not ages and not child)):
        strong = _STRONG.search(_AGE_CHECK.sub(" ", t))  # age checks for alcohol ("at least 21"): not children
    student = _STUDENT.search(t)
    school_ctx = (bool(_SCHOOL.search(t)) or bool(_SCHOOL.search(head))) and not (
        _HIGHER_ED.search(t) or _HIGHER_ED.search(head) or adult_students) or bool(_K12.search(t)) or k12
    out: list[Finding] = []
    remediation = _REMEDIATION.search(t)
    if _read_otherwise(t, bool(child), ages) or _contact_block(seg.text):
        return out, False
    if not (child or head_ctx or (student and school_ctx) or _PARENTAL_CONSENT.search(t) or ages or
            "adult" in t or _SCHOOL_CONSENT.search(t) or prev_child_data or strong or _NO_PARENTAL_CONSENT.search(t)):
        return out, False
    nd_hit = False
    for rx, conf, rule in _NOT_DIRECTED:
        m = rx.search(t)
        if m and re.match(r"[^.;]{0,40}\b(?:yourself|on your own|by yourself|independently)\b", t[m.end():]):
            continue  # "you need to be 13 to sign up to Flashfox yourself": younger ones use it through a school
        if m and rule == "children.no_knowing_collection" and re.match(
                r"\W*(?:\w+\W+){0,3}?for\s+(?:\w+\s+){0,2}?(?:marketing|advertising|advertisements|profiling|"
                r"analytics|targeting|commercial|sale)\b", t[m.end():]):
            continue  # "we do not use any information about children for marketing": a limit on use, not on users
        if m and (child or ages or "anyone" in m.group(0) or head_ctx or "adult" in m.group(0) or strong):
            value = {"stance": "not_directed", "min_age": ages[0] if ages else None}
            if _SITE_ONLY.search(t):
                value["scope"] = "website"  # "... from children under 13 through our marketing website"
            out.append(finding(seg, TOPIC, "audience", value, rule, conf))
            nd_hit = True
            break
    if remediation and not nd_hit:
        out.append(finding(seg, TOPIC, "remediation", {"stance": "not_directed", "min_age": ages[0] if ages else None},
                           "children.delete_if_learned", 0.8))
    if not nd_hit and not remediation:
        for rx, conf, rule in _DIRECTED:
            m = rx.search(t)
            if m and not _negated(t, m.start()):
                out.append(finding(seg, TOPIC, "audience", {"stance": "directed"}, rule, conf))
                break
    m = _PARENTAL_CONSENT.search(t)
    if m and _ACTIVITY_CONSENT.search(t) and not _CONSENT_TO_DATA.search(t):
        m = None  # "schools use the app to collect consent from parents for trips": the school's forms
    if m and re.search(r"\b(?:from|of)\b", m.group(0)) and re.search(
            r"\b(?:confirm|warrant|represent|promise|declare)s?\s+that\s+you\b[^.;]{0,120}$", t[:m.start()]):
        m = None  # "you confirm that you are their parent, or that you have permission from their parent": a warranty
    if m and re.search(r"\b(?:on\s+behalf|in\s+place|instead|in\s+lieu)\b", m.group(0)):
        m = None  # "the school consents on behalf of parents": school consent, not the parents' own
    if m and re.search(r"\b(?:register|sign\s+up|create|set\s+up|accept)$", m.group(0)) and not (
            child or head_ctx or student or ages):
        m = None  # "expectant parents may create a registry", "parents may sign up for our newsletter": their own
    if m and not remediation and not _WITHOUT_BEFORE.search(t[max(0, m.start() - 30) : m.start()]) and not \
            _NO_PARENTAL_CONSENT.search(t) and (child or head_ctx or "parent" in m.group(0) or student):
        out.append(finding(seg, TOPIC, "parental_consent",
                           {"parental_consent": True, "for_teen_users": bool(_TEEN_USERS.search(t)),
                            "to_our_processing": bool(_CONSENT_TO_DATA.search(t))},
                           "children.parental_consent", 0.85))
    elif _NO_PARENTAL_CONSENT.search(t) or answers_no(seg, t) and _CONSENT_QUESTION.search(seg.heading):
        # (a question and its answer: "Do you ask parents for consent?" / "No. Your school decides ...")
        out.append(finding(seg, TOPIC, "parental_consent", {"parental_consent": False},
                           "children.no_parental_consent", 0.7))
    m = _SCHOOL_CONSENT.search(t)
    if m and re.search(r"\b(?:neither|nor)\s+(?:the\s+|their\s+|your\s+)?$", t[max(0, m.start() - 20) : m.start()]):
        m = None  # "neither we nor the school rely on consent": no one's consent
    if m and re.search(r"\b(?:material|significant)\s+changes?\b|\bchanges?\s+to\s+(?:this|our|the)\s+"
                       r"(?:policy|notice)", t):
        m = None  # "we will obtain the District's consent" before changing the policy: no consent for children's data
    if m and _ACTIVITY_CONSENT.search(t):
        m = None  # "a permission slip ... it is the school asking for your permission": consent to a trip, not to data
    if m and not _WITHOUT_BEFORE.search(t[max(0, m.start() - 30) : m.start()]) and (child or student or head_ctx
                                                                                     or "parent" in t):
        out.append(finding(seg, TOPIC, "school_consent", {"school_consent": True}, "children.school_consent", 0.8))
    if _PARENT_CONTACT.search(t) and not out:
        out.append(finding(seg, TOPIC, "parent_contact", {}, "children.parent_contact", 0.8))
    if _COPPA.search(t) and not out:
        out.append(finding(seg, TOPIC, "coppa", {}, "children.coppa", 0.85))
    if not (child or head_ctx):
        ages = [a for a in ages if a <= 18]  # "at least 21 years old" to buy alcohol: not a children's age limit
    if ages and not out and (child or head_ctx or re.search(r"\b(?:years?\s+of\s+age|years?\s+old|age\s+of\s+\d|"
                                                            r"(?:under|less\s+than|younger\s+than)\s+\d{1,2}\b)", t)):
        out.append(finding(seg, TOPIC, "age_limit", {"min_age": ages[0]}, "children.age_limit", 0.75))
    # children's data
    child_data = False
    if (child or (student and school_ctx) or prev_child_data) and _DATA_VERB.search(t):
        cats = _categories(_STRONG.sub(" ", t))  # "age gate", "minimum age" are not an age being collected
        negated_collection = bool(nd_hit or remediation)
        if cats and not negated_collection:
            out.append(finding(seg, TOPIC, "data_processed", {"categories": cats}, "children.data_processed",
                               0.7 if child else 0.55))
            child_data = bool(child or student)
    if ages and not out and re.search(r"\b(?:parents?|guardians?)\b", t) and (child or head_ctx or re.search(
            r"\b(?:players|users|members|customers|people|individuals|those|anyone|visitors|participants)\s+"
            r"(?:aged|under|between|below|younger\s+than|over)\b", t)):
        out.append(finding(seg, TOPIC, "age_limit", {"min_age": ages[0]}, "children.age_with_parent", 0.7))
    if not out and strong:
        out.append(finding(seg, TOPIC, "mention", {}, "children.age_or_law", 0.7))
    if not out and (child or head_ctx) and (_STRICT_PRIVACY_CTX.search(t) or (child and paragraph_ctx) or
                                            (head_ctx and _PRIVACY_CTX.search(t))):
        out.append(finding(seg, TOPIC, "mention", {}, "children.mention" if child else "children.heading_context",
                           0.65 if child else 0.55))
    return out, child_data


_WEAK = ("children.mention", "children.heading_context")


def _paragraph_ids(doc: Document) -> dict[int, int]:
    """Segment start -> paragraph number (a paragraph ends at a line break)."""
    ids: dict[int, int] = {}
    n, prev_end = 0, 0
    for seg in doc.segments:
        if "\n" in doc.text[prev_end:seg.start]:
            n += 1
        ids[seg.start] = n
        prev_end = seg.end
    return ids


def _section_ids(doc: Document) -> dict[int, int]:
    """Segment start -> section number (a section starts at a heading)."""
    ids: dict[int, int] = {}
    n = 0
    for seg in doc.segments:
        if seg.kind == "heading":
            n += 1
        ids[seg.start] = n
    return ids


def _anchored(doc: Document, found: list[Finding], program: re.Pattern[str] | None = None) -> list[Finding]:
    """Drop weak findings that no children's-privacy statement supports.

    A bare mention of children under a children-looking heading ("Kids & Family category", "Car seats and child
    safety") is about children only if the section also states something about children as an audience (age
    limit, consent, COPPA, children's data...), its heading speaks of children's data ("What do we collect from young
    writers?"), or it mentions children's privacy more than once ("Parents in Charge":
    "Before a kid can play rated games, a parent must open the account", "a parent can see everything in a
    player's profile"). A sentence that has no child word at all and is kept only for its
    heading ("heading_context") must also share a paragraph with such a statement: the paragraphs that follow a
    children's section without a heading of their own (security, changes, contact) are about something else.
    """
    para, sect = _paragraph_ids(doc), _section_ids(doc)
    head_ctx = {seg.start for seg in doc.segments
                if _CHILD_HEADING.search(_masked(f"{seg.heading} | {seg.section}", program))}
    anchors = [f for f in found if f.rule not in _WEAK]
    # a children's heading that itself speaks of their data ("What do we collect from young writers?") anchors its
    # section as a statement would
    anchor_sects = {sect.get(f.start) for f in anchors} | {
        sect.get(seg.start) for seg in doc.segments if seg.kind == "heading" and _CHILD_HEADING.search(
            h := _masked(seg.text, program)) and _STRICT_PRIVACY_CTX.search(h)}
    anchor_paras = {para.get(f.start) for f in anchors}
    mentions_per_sect = Counter(sect.get(f.start) for f in found if f.rule == "children.mention")
    out = []
    for f in found:
        if f.rule == "children.heading_context" and para.get(f.start) not in anchor_paras:
            continue
        if f.rule == "children.mention" and f.start in head_ctx and sect.get(f.start) not in anchor_sects and \
                mentions_per_sect[sect.get(f.start)] < 2:
            continue
        out.append(f)
    return out


class _MaskedHeading:
    """_AGE_SECTION_HEADING read through the same near-miss masks as body text, so that a heading such as
    "Information from Parents, Teachers and Other Grown-Ups" does not head a children's section, and a heading
    naming the policy's children's program ("STARLITE JUNIORS") does."""

    def __init__(self, program: re.Pattern[str] | None = None) -> None:
        # heading_findings passes lower-cased text; a heading is short enough to match the name in any case
        self.program = re.compile(program.pattern, re.IGNORECASE) if program is not None else None

    def search(self, text: str) -> re.Match[str] | None:
        return _AGE_SECTION_HEADING.search(_masked(text, self.program))


# The sentences that say what the policy covers or who the company is ("This Online Privacy Statement applies to
# rivetsbaseball.com ... and the Knothole Kids Club", "Brambleway publishes Tadpole & Twig, a nature magazine for
# readers ages 6 to 12") name the children's parts of a site without saying anything about children's data.
_SCOPE_SENTENCE = re.compile(
    r"(?i:\b(?:this|the|our)\s+(?:online\s+)?(?:privacy\s+)?(?:policy|statement|notice)\s+(?:also\s+|only\s+)?(?:applies|"
    r"covers|explains|describes|tells|sets\s+out)\b)|^\W*(?:[A-Z][\w&.,'’-]*\s+){1,6}(?:publishes|makes|runs|operates|owns|"
    r"produces)\b")
_WEAK_OR_DATA = frozenset({"mention", "data_processed"})


def find(doc: Document, vendor_name: str | None = None) -> list[Finding]:
    out: list[Finding] = []
    prev = False
    k12, adult_goods = _k12_document(doc.text), _adult_goods_document(doc.text)
    adult_students = _adult_students_document(doc.text, k12)
    program = program_names(doc.text, vendor_name)
    segs = list(body_segments(doc))
    # "Young writers may send stories by mail. We ask for the writer's first name, age and state": the privacy
    # context of a sentence naming children may be in the next sentence of its paragraph
    para = _paragraph_ids(doc)
    para_text: dict[int, list[str]] = {}
    for seg in segs:
        para_text.setdefault(para.get(seg.start, -1), []).append(seg.text)
    para_ctx = {p for p, texts in para_text.items() if _STRICT_PRIVACY_CTX.search(_masked(" ".join(texts), program))}
    for seg in segs:
        fs, child_data = _segment_findings(seg, prev, k12, adult_goods, program, para.get(seg.start, -1) in para_ctx,
                                           adult_students)
        if _SCOPE_SENTENCE.search(seg.text):
            fs = [f for f in fs if f.kind not in _WEAK_OR_DATA]
        out.extend(fs)
        # "This data together with performance information is shared ..." continues a child-data sentence
        prev = child_data
    out = _anchored(doc, out, program)
    out += _list_items_of_children_lead(segs, out)
    out += heading_findings(doc, out, _MaskedHeading(program), TOPIC, "children.heading")
    title = title_end(doc.text)
    return [f for f in out if f.start >= title]


# a lead-in that names the adults with the children ("We use information about families and young chefs to:")
# introduces items about everyone
_CHILD_NOUNS = r"(?:child(?:ren)?|kids|minors|teens|students|young [a-z]+)"
_ADULTS_WITH_CHILDREN = re.compile(
    r"\b(?:famil(?:y|ies)|parents?|guardians?|adults?|grown-?ups?|customers|users|members)(?:,? and|,? or|,| &) "
    r"(?:their |our |your )?" + _CHILD_NOUNS + r"\b|\b" + _CHILD_NOUNS + r"(?:,? and|,? or|,| &) (?:their |your )?"
    r"(?:famil(?:y|ies)|parents|guardians|adults|grown-?ups|teachers)\b")


def _list_items_of_children_lead(segs: list[Segment], found: list[Finding]) -> list[Finding]:
    """The items of a list whose lead-in speaks of children ("If you are under 16, your account:" / "- never shows
    ads;") are about children too, though the items themselves name no child."""
    covered = {f.start for f in found}
    stated = {f.start for f in found if f.kind != "remediation"}
    out: list[Finding] = []
    lead = None  # the text of the sentence before the current list, when it speaks of children only
    for seg in segs:
        if seg.kind != "list_item":
            lead = seg.text if seg.start in stated and not _ADULTS_WITH_CHILDREN.search(norm(seg.text)) else None
        elif lead is not None and seg.start not in covered and (seg.lead == lead or seg.lead.startswith(lead + " ")):
            out.append(finding(seg, TOPIC, "mention", {}, "children.list_lead_in", 0.6))
    return out


def legal_bases(doc: Document) -> list[str]:
    found: list[str] = []
    for seg in body_segments(doc):
        t = norm(seg.text)
        if not _BASIS_CTX.search(t) and not _BASIS_CTX.search(norm(f"{seg.heading} {seg.lead}")):
            continue
        for name, rx in _BASES:
            if name in found:
                continue
            if name == "consent" and _NEG_CONSENT.search(t):
                continue
            if rx.search(t):
                found.append(name)
    order = [n for n, _ in _BASES]
    return sorted(found, key=order.index)


# a not-directed statement about the vendor's own website only, where the product itself serves pupils
_SITE_ONLY = re.compile(r"\b(?:through|on|via|from|of)\s+(?:our\s+|the\s+)?(?:marketing|corporate|public|company)\s+"
                        r"(?:web\s*)?site\b")


def summarise(findings: list[Finding], doc: Document) -> dict:
    mine = [f for f in findings if f.topic == TOPIC]
    directed_any = any(f.kind == "audience" and f.value.get("stance") == "directed" for f in mine) or any(
        f.kind in ("school_consent", "parental_consent") for f in mine)
    # a statement scoped to the marketing website does not decide for a product that children use
    nd = [f for f in mine if f.kind == "audience" and f.value.get("stance") == "not_directed"
          and not (f.value.get("scope") == "website" and directed_any)]
    remed = [f for f in mine if f.kind in ("remediation", "parent_contact")]
    directed = [f for f in mine if f.kind == "audience" and f.value.get("stance") == "directed"]
    pc = [f for f in mine if f.kind == "parental_consent"]
    parental = True if any(f.value.get("parental_consent") for f in pc) else (False if pc else None)
    school = True if any(f.kind == "school_consent" for f in mine) else None
    strong_directed = [f for f in directed if f.confidence >= 0.8]
    data = [f for f in mine if f.kind == "data_processed"]
    if (parental or school) and not (nd and not directed):
        stance = "directed_with_consent"
    elif strong_directed or (directed and not nd) or (data and not nd and not remed):
        stance = "directed"
    elif nd or remed:
        stance = "not_directed"
    else:
        stance = "not_stated"
    if stance == "not_directed" and parental and not any(f.value.get("for_teen_users") or
                                                         f.value.get("to_our_processing") for f in pc):
        parental = None  # consent mentioned only around children the service is not for (a parent's consent to our
        # using their child's data is one whoever the website is for)
    if parental is None and school and stance == "directed_with_consent":
        parental = False  # the school consents in the parents' place: the vendor does not ask parents
    ages = [f.value["min_age"] for f in nd if f.value.get("min_age")]
    ages = ages or [f.value["min_age"] for f in mine if f.value.get("min_age")]
    cats: list[str] = []
    for f in mine:
        if f.kind == "data_processed":
            for c in f.value.get("categories", []):
                if c not in cats:
                    cats.append(c)
    return {
        "children": {
            "stance": stance,
            "parental_consent": parental,
            "school_consent": school,
            "min_age": max(ages) if ages else None,
            "data_processed": cats,
            "legal_basis": legal_bases(doc),
        }
    }
