"""Known processors, sub-processors and partners that EdTech privacy policies name.

Each entry: canonical name -> (category, aliases, domains).  Aliases are matched case-sensitively
as whole words unless they are written in lower case here (then case-insensitively); domains are
matched case-insensitively as whole host names ("aws.amazon.com", "123reg.com").

Regulators and public bodies (ICO, HMRC, police) are deliberately NOT here: they are reported
as the categories "regulators" / "law_enforcement", never as named recipients.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# category values used by summary.third_parties.categories
HOSTING = "service_providers"
ANALYTICS = "analytics"
PAYMENT = "payment_processors"
ADVERTISING = "advertisers"
SOCIAL = "social_media"
MIS = "school_systems"
EXAM_BOARD = "exam_boards"

_RAW: list[tuple[str, str, tuple[str, ...], tuple[str, ...]]] = [
    # canonical, category, aliases (exact-case unless lower-case), domains
    ("Amazon Web Services", HOSTING, ("Amazon Web Services", "AWS", "Amazon S3", "Amazon EC2", "Amazon SES",
                                      "Amazon RDS", "Amazon CloudFront", "Amazon AWS"),
     ("aws.amazon.com", "amazonaws.com")),
    ("Google Analytics", ANALYTICS, ("Google Analytics", "Google Tag Manager", "GA4", "Universal Analytics"),
     ("analytics.google.com", "google-analytics.com")),
    # Firebase is named as policies name it (a Google product, but sub-processor lists give it as "Firebase")
    ("Firebase", HOSTING, ("Firebase", "Google Firebase", "Firebase Cloud Messaging", "Firebase Authentication"),
     ("firebase.google.com",)),
    ("Google", HOSTING, ("Google", "Google Workspace", "G Suite", "G-Suite", "Google Cloud", "Google Cloud Platform",
                         "Google LLC", "Google Ireland", "Google Classroom",
                         "Google Drive", "Google Maps", "reCAPTCHA", "Google reCAPTCHA", "Google Fonts"),
     ("google.com", "google.co.uk", "cloud.google.com")),
    # AdSense (ads shown on a publisher's own site) is a different product from Google Ads, and policies name it so
    ("Google AdSense", ADVERTISING, ("Google AdSense", "AdSense"), ()),
    ("Google Ads", ADVERTISING, ("Google Ads", "AdWords", "Google AdWords",
                                 "DoubleClick", "Google Marketing Platform"), ("doubleclick.net",)),
    ("Microsoft", HOSTING, ("Microsoft", "Microsoft Azure", "Azure", "Microsoft 365", "Office 365", "Microsoft Teams",
                            "OneDrive", "Microsoft Clarity", "Microsoft Corporation", "Bing", "SharePoint", "OneNote"),
     ("microsoft.com", "azure.microsoft.com", "azure.com")),
    ("Mailchimp", HOSTING, ("Mailchimp", "MailChimp", "Mail Chimp", "Intuit Mailchimp", "Mandrill",
                            "Rocket Science Group"),
     ("mailchimp.com", "mandrillapp.com")),
    ("SendGrid", HOSTING, ("SendGrid", "Sendgrid", "Twilio SendGrid"), ("sendgrid.com",)),
    ("Twilio", HOSTING, ("Twilio",), ("twilio.com",)),
    ("Stripe", PAYMENT, ("Stripe", "Stripe Inc", "Stripe Payments"), ("stripe.com",)),
    ("PayPal", PAYMENT, ("PayPal", "Paypal"), ("paypal.com",)),
    # a PayPal company, which card-payment sections name as itself
    ("Braintree", PAYMENT, ("Braintree",), ("braintreepayments.com",)),
    ("Sagepay", PAYMENT, ("Sagepay", "SagePay", "Sage Pay", "Opayo", "Elavon"), ("sagepay.com", "opayo.co.uk")),
    ("GoCardless", PAYMENT, ("GoCardless", "Go Cardless"), ("gocardless.com",)),
    ("Worldpay", PAYMENT, ("Worldpay", "WorldPay"), ("worldpay.com",)),
    ("Square", PAYMENT, ("Square Inc",), ("squareup.com",)),
    ("Adyen", PAYMENT, ("Adyen",), ("adyen.com",)),
    ("ParentPay", PAYMENT, ("ParentPay",), ("parentpay.com",)),
    ("Salesforce", HOSTING, ("Salesforce", "SalesForce", "Salesforce.com", "Pardot", "Tableau", "Trailhead"),
     ("salesforce.com",)),
    ("HubSpot", HOSTING, ("HubSpot", "Hubspot"), ("hubspot.com",)),
    ("Zendesk", HOSTING, ("Zendesk", "ZenDesk"), ("zendesk.com",)),
    ("Intercom", HOSTING, ("Intercom",), ("intercom.com", "intercom.io")),
    ("Freshdesk", HOSTING, ("Freshdesk", "Freshworks", "FreshDesk"), ("freshdesk.com", "freshworks.com")),
    ("Slack", HOSTING, ("Slack",), ("slack.com",)),
    ("Zoom", HOSTING, ("Zoom", "Zoom Video Communications"), ("zoom.us",)),
    ("Vimeo", HOSTING, ("Vimeo",), ("vimeo.com",)),
    ("YouTube", SOCIAL, ("YouTube", "Youtube"), ("youtube.com",)),
    # named as the policy names them: "Meta Platforms" and "the Meta Pixel" are Meta, "Facebook Pixel" is Facebook
    ("Meta", SOCIAL, ("Meta", "Meta Platforms", "Meta Platforms Ireland", "Meta Pixel"), ("meta.com",)),
    ("Facebook", SOCIAL, ("Facebook", "Facebook Pixel"), ("facebook.com",)),
    ("Instagram", SOCIAL, ("Instagram",), ("instagram.com",)),
    ("WhatsApp", SOCIAL, ("WhatsApp",), ("whatsapp.com",)),
    ("Twitter", SOCIAL, ("Twitter", "X Corp"), ("twitter.com",)),
    ("LinkedIn", SOCIAL, ("LinkedIn", "Linkedin"), ("linkedin.com",)),
    ("TikTok", SOCIAL, ("TikTok",), ("tiktok.com",)),
    ("Pinterest", SOCIAL, ("Pinterest",), ("pinterest.com",)),
    ("Hotjar", ANALYTICS, ("Hotjar", "HotJar"), ("hotjar.com",)),
    ("Mixpanel", ANALYTICS, ("Mixpanel", "MixPanel"), ("mixpanel.com",)),
    ("Segment", ANALYTICS, ("Segment.io", "Segment.com", "Twilio Segment"), ("segment.com", "segment.io")),
    ("Amplitude", ANALYTICS, ("Amplitude",), ("amplitude.com",)),
    ("Heap", ANALYTICS, ("Heap Analytics",), ("heap.io", "heapanalytics.com")),
    ("FullStory", ANALYTICS, ("FullStory", "Fullstory"), ("fullstory.com",)),
    ("Matomo", ANALYTICS, ("Matomo", "Piwik"), ("matomo.org",)),
    ("New Relic", ANALYTICS, ("New Relic", "NewRelic"), ("newrelic.com",)),
    ("Datadog", ANALYTICS, ("Datadog", "DataDog"), ("datadoghq.com",)),
    ("Sentry", ANALYTICS, ("Sentry", "Sentry.io", "Functional Software"), ("sentry.io",)),
    ("Bugsnag", ANALYTICS, ("Bugsnag", "BugSnag"), ("bugsnag.com",)),
    ("Cloudflare", HOSTING, ("Cloudflare", "CloudFlare"), ("cloudflare.com",)),
    ("Heroku", HOSTING, ("Heroku",), ("heroku.com",)),
    ("DigitalOcean", HOSTING, ("DigitalOcean", "Digital Ocean"), ("digitalocean.com",)),
    ("Rackspace", HOSTING, ("Rackspace",), ("rackspace.com",)),
    ("Linode", HOSTING, ("Linode", "Akamai"), ("linode.com", "akamai.com")),
    ("OVHcloud", HOSTING, ("OVH", "OVHcloud"), ("ovh.com", "ovhcloud.com")),
    ("Hetzner", HOSTING, ("Hetzner",), ("hetzner.com",)),
    ("UKFast", HOSTING, ("UKFast", "ANS Group"), ("ukfast.co.uk",)),
    ("Memset", HOSTING, ("Memset",), ("memset.com",)),
    ("123 Reg", HOSTING, ("123 Reg", "123-Reg", "123Reg", "123reg"), ("123reg.com", "123-reg.co.uk", "123reg.co.uk")),
    ("GoDaddy", HOSTING, ("GoDaddy", "Go Daddy"), ("godaddy.com",)),
    ("Fasthosts", HOSTING, ("Fasthosts",), ("fasthosts.co.uk",)),
    ("IONOS", HOSTING, ("IONOS", "1&1 IONOS", "1&1"), ("ionos.co.uk", "ionos.com")),
    ("Wix", HOSTING, ("Wix", "Wix.com"), ("wix.com",)),
    ("Squarespace", HOSTING, ("Squarespace",), ("squarespace.com",)),
    ("WordPress", HOSTING, ("WordPress.com", "WP Engine", "Automattic"), ("wordpress.com", "wpengine.com")),
    ("Shopify", HOSTING, ("Shopify",), ("shopify.com",)),
    ("Netlify", HOSTING, ("Netlify",), ("netlify.com",)),
    ("Vercel", HOSTING, ("Vercel",), ("vercel.com",)),
    ("MongoDB", HOSTING, ("MongoDB Atlas", "MongoDB"), ("mongodb.com",)),
    ("Wonde", MIS, ("Wonde",), ("wonde.com",)),
    ("Groupcall", MIS, ("Groupcall", "GroupCall", "Xporter"), ("groupcall.com",)),
    ("Capita SIMS", MIS, ("Capita SIMS", "SIMS", "Capita"), ("capita-sims.co.uk", "capita.com")),
    ("Arbor", MIS, ("Arbor Education", "Arbor MIS"), ("arbor-education.com",)),
    ("Bromcom", MIS, ("Bromcom",), ("bromcom.com",)),
    ("ScholarPack", MIS, ("ScholarPack", "Scholarpack"), ("scholarpack.com",)),
    ("RM", MIS, ("RM Education", "RM plc", "RM Unify"), ("rm.com",)),
    ("Clever", MIS, ("Clever Inc", "Clever"), ("clever.com",)),
    ("ClassLink", MIS, ("ClassLink", "Classlink"), ("classlink.com",)),
    ("Seesaw", MIS, ("Seesaw",), ("seesaw.me",)),
    ("Pusher", HOSTING, ("Pusher",), ("pusher.com",)),
    ("Auth0", HOSTING, ("Auth0",), ("auth0.com",)),
    ("Okta", HOSTING, ("Okta",), ("okta.com",)),
    ("Atlassian", HOSTING, ("Atlassian", "Jira", "Confluence"), ("atlassian.com", "atlassian.net")),
    ("Trello", HOSTING, ("Trello",), ("trello.com",)),
    ("Dropbox", HOSTING, ("Dropbox",), ("dropbox.com",)),
    ("Box", HOSTING, ("Box.com", "Box Inc"), ("box.com",)),
    ("DocuSign", HOSTING, ("DocuSign", "Docusign"), ("docusign.com",)),
    ("Whereby", HOSTING, ("Whereby",), ("whereby.com",)),
    ("Friendly Captcha", HOSTING, ("Friendly Captcha", "FriendlyCaptcha"), ("friendlycaptcha.com",)),
    ("FreeAgent", HOSTING, ("FreeAgent",), ("freeagent.com",)),
    ("TOPdesk", HOSTING, ("TOPdesk",), ("topdesk.com",)),
    ("Xero", PAYMENT, ("Xero",), ("xero.com",)),
    ("Sage", PAYMENT, ("Sage Group", "Sage Accounting", "Sage 50", "Sage"), ("sage.com", "sage.co.uk")),
    ("QuickBooks", PAYMENT, ("QuickBooks", "Quickbooks"), ("quickbooks.intuit.com",)),
    ("Intuit", PAYMENT, ("Intuit",), ("intuit.com",)),
    ("Apple", HOSTING, ("Apple", "Apple Inc", "iCloud", "Apple Pay"), ("apple.com", "icloud.com")),
    ("Typeform", HOSTING, ("Typeform",), ("typeform.com",)),
    ("SurveyMonkey", HOSTING, ("SurveyMonkey", "Survey Monkey", "Momentive"), ("surveymonkey.com",)),
    ("Google Forms", HOSTING, ("Google Forms",), ()),
    ("Campaign Monitor", HOSTING, ("Campaign Monitor",), ("campaignmonitor.com",)),
    ("Constant Contact", HOSTING, ("Constant Contact",), ("constantcontact.com",)),
    ("Mailgun", HOSTING, ("Mailgun",), ("mailgun.com",)),
    ("Postmark", HOSTING, ("Postmark",), ("postmarkapp.com",)),
    ("Brevo", HOSTING, ("Brevo", "Sendinblue", "SendinBlue"), ("brevo.com", "sendinblue.com")),
    ("Klaviyo", HOSTING, ("Klaviyo",), ("klaviyo.com",)),
    ("Drift", HOSTING, ("Drift",), ("drift.com",)),
    ("Crisp", HOSTING, ("Crisp Chat",), ("crisp.chat",)),
    ("Tawk.to", HOSTING, ("Tawk.to", "tawk.to"), ("tawk.to",)),
    ("LiveChat", HOSTING, ("LiveChat",), ("livechat.com",)),
    ("Pipedrive", HOSTING, ("Pipedrive",), ("pipedrive.com",)),
    ("Zoho", HOSTING, ("Zoho", "Zoho CRM"), ("zoho.com", "zoho.eu")),
    ("Calendly", HOSTING, ("Calendly",), ("calendly.com",)),
    ("Eventbrite", HOSTING, ("Eventbrite",), ("eventbrite.com", "eventbrite.co.uk")),
    ("Mailjet", HOSTING, ("Mailjet",), ("mailjet.com",)),
    ("OneSignal", HOSTING, ("OneSignal",), ("onesignal.com",)),
    ("Vonage", HOSTING, ("Vonage", "Nexmo"), ("vonage.com",)),
    ("Criteo", ADVERTISING, ("Criteo",), ("criteo.com",)),
    ("AppNexus", ADVERTISING, ("AppNexus", "Xandr"), ("appnexus.com",)),
    ("Taboola", ADVERTISING, ("Taboola",), ("taboola.com",)),
    ("Outbrain", ADVERTISING, ("Outbrain",), ("outbrain.com",)),
    ("Quantcast", ADVERTISING, ("Quantcast",), ("quantcast.com",)),
    ("comScore", ANALYTICS, ("comScore", "Comscore"), ("comscore.com",)),
    ("Nielsen", ANALYTICS, ("Nielsen",), ("nielsen.com",)),
    ("Adobe", ANALYTICS, ("Adobe Analytics", "Omniture", "Adobe"), ("adobe.com", "omniture.com")),
    ("Optimizely", ANALYTICS, ("Optimizely",), ("optimizely.com",)),
    ("AppsFlyer", ANALYTICS, ("AppsFlyer", "Appsflyer"), ("appsflyer.com",)),
    ("Adjust", ANALYTICS, ("Adjust GmbH",), ("adjust.com",)),
    ("Branch", ANALYTICS, ("Branch Metrics",), ("branch.io",)),
    ("Crashlytics", ANALYTICS, ("Crashlytics", "Firebase Crashlytics"), ()),
    ("Wistia", HOSTING, ("Wistia",), ("wistia.com",)),
    ("Turnitin", HOSTING, ("Turnitin",), ("turnitin.com",)),
    ("Experian", HOSTING, ("Experian",), ("experian.co.uk", "experian.com")),
    ("Equifax", HOSTING, ("Equifax",), ("equifax.co.uk",)),
    ("Royal Mail", HOSTING, ("Royal Mail",), ("royalmail.com",)),
    # rules-2026.11c: AI model providers, messaging, analytics, identity checks and school-sector suppliers that
    # EdTech sub-processor lists commonly name
    ("OpenAI", HOSTING, ("OpenAI", "Open AI"), ("openai.com",)),
    ("Anthropic", HOSTING, ("Anthropic",), ("anthropic.com",)),
    ("Cohere", HOSTING, ("Cohere",), ("cohere.com",)),
    ("Mistral AI", HOSTING, ("Mistral AI",), ("mistral.ai",)),
    ("DeepL", HOSTING, ("DeepL", "DeepL SE"), ("deepl.com",)),
    ("PostHog", ANALYTICS, ("PostHog", "Posthog"), ("posthog.com",)),
    ("Pendo", ANALYTICS, ("Pendo", "Pendo.io"), ("pendo.io",)),
    ("LogRocket", ANALYTICS, ("LogRocket",), ("logrocket.com",)),
    ("New Relic", HOSTING, ("New Relic",), ("newrelic.com",)),
    ("Rollbar", HOSTING, ("Rollbar",), ("rollbar.com",)),
    ("Braze", HOSTING, ("Braze",), ("braze.com",)),
    ("Customer.io", HOSTING, ("Customer.io",), ("customer.io",)),
    ("SparkPost", HOSTING, ("SparkPost",), ("sparkpost.com",)),
    # MessageBird renamed itself Bird in 2024: a policy names one or the other
    ("MessageBird", HOSTING, ("MessageBird",), ("messagebird.com",)),
    ("Bird", HOSTING, ("Bird",), ("bird.com",)),
    ("Textlocal", HOSTING, ("Textlocal",), ("textlocal.com",)),
    ("Esendex", HOSTING, ("Esendex",), ("esendex.co.uk", "esendex.com")),
    # the UK government's email and text service, which councils and schools' suppliers send notifications through
    ("GOV.UK Notify", HOSTING, ("GOV.UK Notify",), ("notifications.service.gov.uk",)),
    ("Egress", HOSTING, ("Egress Software Technologies", "Egress Protect"), ("egress.com",)),
    ("Firetext", HOSTING, ("Firetext", "FireText"), ("firetext.co.uk",)),
    ("ClickSend", HOSTING, ("ClickSend",), ("clicksend.com",)),
    ("Algolia", HOSTING, ("Algolia",), ("algolia.com",)),
    ("Cloudinary", HOSTING, ("Cloudinary",), ("cloudinary.com",)),
    ("Mux", HOSTING, ("Mux",), ("mux.com",)),
    ("Kaltura", HOSTING, ("Kaltura",), ("kaltura.com",)),
    ("Brightcove", HOSTING, ("Brightcove",), ("brightcove.com",)),
    ("Fastly", HOSTING, ("Fastly",), ("fastly.com",)),
    ("Redstor", HOSTING, ("Redstor",), ("redstor.com",)),
    ("Checkout.com", PAYMENT, ("Checkout.com",), ("checkout.com",)),
    ("SumUp", PAYMENT, ("SumUp",), ("sumup.com",)),
    ("OneLogin", HOSTING, ("OneLogin",), ("onelogin.com",)),
    ("Yoti", HOSTING, ("Yoti",), ("yoti.com",)),
    ("Onfido", HOSTING, ("Onfido",), ("onfido.com",)),
    ("Trustpilot", HOSTING, ("Trustpilot",), ("trustpilot.com",)),
    ("Feefo", HOSTING, ("Feefo",), ("feefo.com",)),
    ("Qualtrics", HOSTING, ("Qualtrics",), ("qualtrics.com",)),
    ("Jotform", HOSTING, ("Jotform", "JotForm"), ("jotform.com",)),
    ("Zapier", HOSTING, ("Zapier",), ("zapier.com",)),
    ("Airtable", HOSTING, ("Airtable",), ("airtable.com",)),
    ("iSAMS", MIS, ("iSAMS",), ("isams.com",)),
    ("Piano Analytics", ANALYTICS, ("Piano Analytics", "AT Internet"), ("piano.io", "atinternet.com")),
    ("Help Scout", HOSTING, ("Help Scout", "HelpScout"), ("helpscout.com", "helpscout.net")),
    ("Paddle", PAYMENT, ("Paddle.com", "Paddle"), ("paddle.com",)),
    # rules+model-2026.11ap: instalment payments and parcel carriers of UK online shops (uniform, photos, books); a
    # content-delivery network of EU apps
    ("Klarna", PAYMENT, ("Klarna", "Klarna Bank AB"), ("klarna.com",)),
    ("Clearpay", PAYMENT, ("Clearpay",), ("clearpay.co.uk",)),
    ("DPD", HOSTING, ("DPD", "DPD Group UK"), ("dpd.co.uk",)),
    ("Evri", HOSTING, ("Evri",), ("evri.com",)),
    ("Parcelforce", HOSTING, ("Parcelforce", "Parcelforce Worldwide"), ("parcelforce.com",)),
    ("Yodel", HOSTING, ("Yodel",), ("yodel.co.uk",)),
    ("Bunny.net", HOSTING, ("Bunny.net", "BunnyCDN", "BunnyWay"), ("bunny.net", "b-cdn.net")),
    # exam boards: schools, tutors and music services send them candidates' entries
    ("ABRSM", EXAM_BOARD, ("ABRSM", "Associated Board of the Royal Schools of Music"), ("abrsm.org",)),
    ("Trinity College London", EXAM_BOARD, ("Trinity College London",), ("trinitycollege.com",)),
    ("LAMDA", EXAM_BOARD, ("LAMDA",), ("lamda.ac.uk",)),
    ("London College of Music", EXAM_BOARD, ("London College of Music", "LCM Exams"), ("lcme.uwl.ac.uk",)),
    ("RSL Awards", EXAM_BOARD, ("RSL Awards", "Rockschool"), ("rslawards.com",)),
    ("AQA", EXAM_BOARD, ("AQA",), ("aqa.org.uk",)),
    ("Pearson", EXAM_BOARD, ("Pearson Edexcel", "Edexcel", "Pearson"), ("pearson.com", "qualifications.pearson.com")),
    ("OCR", EXAM_BOARD, ("OCR",), ("ocr.org.uk",)),
    ("WJEC", EXAM_BOARD, ("WJEC", "Eduqas"), ("wjec.co.uk", "eduqas.co.uk")),
]

# aliases that are ordinary English words or too ambiguous as bare words: need a capitalised,
# non-sentence-initial occurrence plus a strong processing context (handled in third_parties.py)
AMBIGUOUS = {"Apple", "Box", "Slack", "Zoom", "Segment", "Drift", "Square", "Sage", "Clever", "Arbor", "Heap",
             "Intercom", "Amplitude", "Sentry", "Pusher", "Branch", "Adjust", "Crisp", "Capita", "SIMS",
             "Twitter", "Stripe", "Seesaw", "Okta", "Wix", "Nielsen", "Adobe", "Meta", "Mux", "Bird", "Braze", "Cohere",
             "Pendo", "OCR", "Pearson", "Paddle"}


@dataclass(frozen=True)
class Entry:
    canonical: str
    category: str
    alias: str
    ambiguous: bool


def _build() -> tuple[re.Pattern[str], dict[str, Entry], dict[str, str]]:
    alias_map: dict[str, Entry] = {}
    domain_map: dict[str, str] = {}
    for canonical, category, aliases, domains in _RAW:
        for alias in aliases or (canonical,):
            key = alias.lower()
            if key not in alias_map:  # first (more specific) entry wins
                alias_map[key] = Entry(canonical, category, alias, alias in AMBIGUOUS)
        key = canonical.lower()
        alias_map.setdefault(key, Entry(canonical, category, canonical, canonical in AMBIGUOUS))
        for d in domains:
            domain_map.setdefault(d.lower(), canonical)
    # longest alias first so "Google Analytics" wins over "Google"
    alts = sorted(alias_map, key=len, reverse=True)
    pattern = re.compile(
        r"(?<![\w@/.-])(" + "|".join(re.escape(a) for a in alts) + r")(?![\w-]|\.[a-z]{2,}\b|'s\s+(?:own)\b)",
        re.IGNORECASE,
    )
    return pattern, alias_map, domain_map


ALIAS_RE, ALIASES, DOMAINS = _build()
CANONICAL_CATEGORY = {c: cat for c, cat, _a, _d in _RAW}


def canonical_for_domain(host: str) -> str | None:
    """'aws.amazon.com' -> 'Amazon Web Services'; 'www.mailchimp.com' -> 'Mailchimp'."""
    host = host.lower().strip(".")
    if host.startswith("www."):
        host = host[4:]
    parts = host.split(".")
    for i in range(len(parts) - 1):
        cand = ".".join(parts[i:])
        if cand in DOMAINS:
            return DOMAINS[cand]
    return None


def lookup(alias: str) -> Entry | None:
    return ALIASES.get(alias.lower())
