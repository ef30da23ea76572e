"""English translations of the demo's central pages, written by the team (not machine
translated), stored through wagtail-localize like a translator's work: the home page, the
SAVE THE DATE notice, the forum, the Leitbild and "So funktioniert die Pinnwand".
Idempotent: a page already translated is left as it is."""

from wagtail.models import Locale
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from . import seed, service_pages

QUESTIONS = {
    seed.LEADING_QUESTIONS[0]: "(How) Can social life be planned and shaped locally?",
    seed.LEADING_QUESTIONS[1]: (
        "Which projects and processes have been set in motion in Stolberg over the past five years?"
    ),
    seed.LEADING_QUESTIONS[2]: (
        "How do we want to continue building the “Social Copper Town 2030” together in the future?"
    ),
}

LEITBILD = (
    "With the aims of counteracting social inequality, making neighbourhoods more liveable "
    "and family-friendly, strengthening cohesion in the town and raising the quality of life "
    "for all citizens, the guiding vision “Social Copper Town 2030” (Soziale Kupferstadt "
    "2030) frames Stolberg’s strategic and integrated social and urban planning."
)
PROCESSES = (
    "Over the past five years, numerous key processes have therefore been set in motion in "
    "the copper town of Stolberg: a first municipal social report was published, an action "
    "plan for inclusion was drawn up, and the integrated action plan (IHKo) “Berg- und "
    "Talachse” developed an extensive renewal strategy for three neighbourhoods facing "
    "urban and social challenges. There, the commitment of initiatives and neighbourhood "
    "projects keeps spreading, fostering living together, identification and "
    "self-organisation in the quarters. Further milestones such as the “Family-friendly "
    "Municipality” audit and the comprehensive modernisation of Stolberg’s education "
    "landscape are shaping and lastingly changing the social face of the whole copper town."
)
FORUM = (
    "Under our motto “approaching each other, learning from each other, living with each "
    "other” we would like to use the event to take stock together with you and to look "
    "ahead to the next five-year stage of the “Social Copper Town 2030”. The different parts "
    "of the programme offer you opportunities to share experience, for dialogue and for "
    "encounters between professional and volunteer actors and external experts. The "
    "Ministry of Labour, Health and Social Affairs of North Rhine-Westphalia (MAGS NRW) has "
    "already confirmed its participation and support."
)
INVITATION = (
    "On behalf of the Mayor, Mr Patrick Haas, we cordially invite you and would be delighted "
    "if you would note the date.<br/>You are welcome to forward the date to anyone else who "
    "may be interested."
)
PROGRAMME_NOTE = "You will receive the invitation and the programme at the end of March."

GUIDE = service_pages.PINNWAND_GUIDE_TEXTS
PINNWAND_GUIDE = {
    service_pages.PINNWAND_GUIDE_TITLE: "How the notice board works",
    "so-funktioniert-die-pinnwand": "how-the-notice-board-works",
    service_pages.PINNWAND_GUIDE_INTRO: (
        "The notice board lists services in Stolberg and the Aachen city region: advice, "
        "courses, meetings and much more. This is how you find what you are looking for – "
        "and how your own service gets onto the notice board."
    ),
    GUIDE["filter_heading"]: "Finding services",
    GUIDE["filter"]: (
        "Above the notices you find “Filter notices”. Choose a topic, a target group, the "
        "region (town of Stolberg or Aachen city region) or a neighbourhood and click "
        "“Show”. “Reset filters” shows all notices again."
    ),
    GUIDE["search"]: "Looking for something specific? Use the search at the top of every page.",
    GUIDE["archive_heading"]: "The archive",
    GUIDE["archive"]: (
        "Every notice stays up until its last day. After that it is in the archive; the link "
        "to the archive of expired notices is on the notice board."
    ),
    GUIDE["subscribe_heading"]: "Never miss a thing",
    GUIDE["subscribe_feed"]: (
        "At the bottom of the notice board you find “Subscribe to the notice board”. The "
        "RSS or Atom links bring new notices into your feed reader – even only those that "
        "match your selection: filter first, then subscribe."
    ),
    GUIDE["subscribe_calendar"]: (
        "You can add events to your calendar: under “Events” you find “Subscribe to the "
        "calendar”. New and changed dates then appear in your calendar app by themselves."
    ),
    GUIDE["offer_heading"]: "Reporting your own service",
    '<a id="a1">Angebot melden</a>': '<a id="a1">Report a service</a>',
    GUIDE["offer"]: (
        "Do you offer something for people in Stolberg, such as a course, advice or a "
        "meeting? Send it to us with the form “Report a service”. The social planning team "
        "checks it and puts it on the notice board. You receive an e-mail once it is decided."
    ),
}

ENGLISH = {
    # Home page
    "Soziale Kupferstadt": "Social Copper Town",
    "Soziale Kupferstadt Stolberg": "Social Copper Town Stolberg",
    "Infos über weitere Angebote in Stadt und Städteregion": (
        "Information about further services in the town and the Aachen city region"
    ),
    # Notice
    seed.NOTICE_TITLE: "SAVE THE DATE: Forum “Five Years of Social Copper Town 2030”",
    "save-the-date-forum-soziale-kupferstadt-2030": "save-the-date-forum-social-copper-town-2030",
    "- SAVE THE DATE -": "- SAVE THE DATE -",
    seed.EVENT_SUBTITLE: "Forum – dialogue and encounter",
    f"„{seed.EVENT_TITLE}“": "“Five Years of Social Copper Town 2030”",
    "am 13. Mai 2020 (17 – 21 Uhr)": "on 13 May 2020 (5 – 9 pm)",
    "im Industriemuseum Zinkhütter Hof,<br/>(Cockerillstraße 90, 52222 Stolberg)": (
        "at the Zinkhütter Hof industrial museum,<br/>(Cockerillstraße 90, 52222 Stolberg)"
    ),
    seed.SALUTATION: "Dear Sir or Madam,",
    "Mit freundlichen Grüßen": "Yours sincerely",
    "i.A.<br/>Leo Jansen (Sozialplaner) &amp; Lukas Franzen (Inklusionsbeauftragter)": (
        "p.p.<br/>Leo Jansen (social planner) &amp; Lukas Franzen (inclusion officer)"
    ),
    # Event
    seed.EVENT_TITLE: "Five Years of Social Copper Town 2030",
    "fuenf-jahre-soziale-kupferstadt-2030": "five-years-social-copper-town-2030",
    seed.PROGRAMME_NOTE: PROGRAMME_NOTE,
    # Leitbild
    seed.LEITBILD_TITLE: "Social Copper Town 2030",
    "soziale-kupferstadt-2030": "social-copper-town-2030",
    "sozialer Ungleichheit entgegenzuwirken": "to counteract social inequality",
    "Stadtteile lebenswerter und familiengerechter zu entwickeln": (
        "to make neighbourhoods more liveable and family-friendly"
    ),
    "den Zusammenhalt in der Stadt zu fördern": "to strengthen cohesion in the town",
    "die Lebensqualität für alle Bürgerinnen und Bürger zu heben": (
        "to raise the quality of life for all citizens"
    ),
    seed.MOTTO: "approaching each other, learning from each other, living with each other",
    # Shared paragraphs
    seed.LEITBILD_SENTENCE: LEITBILD,
    seed.PROCESSES_PARAGRAPH: PROCESSES,
    seed.FORUM_PARAGRAPH: FORUM,
    **QUESTIONS,
    **PINNWAND_GUIDE,
}


def _teaser_translation(german):
    return (
        "Forum – dialogue and encounter “Five Years of Social Copper Town 2030” on 13 May "
        "2020 (5 – 9 pm) at the Zinkhütter Hof industrial museum, (Cockerillstraße 90, "
        "52222 Stolberg)"
    )


def translate(page, locale, strings):
    """Translate ``page`` into ``locale`` through wagtail-localize with ``strings`` (German
    segment → translation) and publish it; segments without a translation stay German."""
    existing = page.get_translation_or_none(locale)
    if existing is not None and existing.alias_of_id is None:
        return existing
    source, _ = TranslationSource.get_or_create_from_instance(page)
    translation, _ = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
        german = segment.string.data
        text = strings.get(german)
        if text is None and segment.context.path == "teaser":
            text = _teaser_translation(german)
        if text is None:
            continue
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={
                "data": text,
                "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
            },
        )
    translation.save_target(publish=True)
    return page.get_translation(locale)


def translate_demo(pages):
    """The English versions of the home page, the notice, the forum and the Leitbild."""
    english = Locale.objects.filter(language_code="en").first()
    if english is None:
        return []
    return [
        translate(pages[name], english, ENGLISH)
        for name in ("home", "leitbild", "forum", "notice", "pinnwand_guide")
        if name in pages
    ]
