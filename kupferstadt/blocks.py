"""The one StreamField block set used by every page type of the site."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Überschrift"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Ebene"),
        choices=[("h2", _("Zwischenüberschrift (H2)")), ("h3", _("Unterüberschrift (H3)"))],
        default="h2",
        help_text=_("Die Seitenüberschrift (H1) ist der Seitentitel; hier beginnt es mit H2."),
    )

    class Meta:
        icon = "title"
        label = _("Überschrift")
        template = "blocks/heading_block.html"


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Absatz"))
        kwargs.setdefault("features", ["bold", "italic", "link", "document-link", "ol", "ul", "h3"])
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        template = "blocks/paragraph_block.html"


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Bild"))
    alt_text = blocks.CharBlock(
        label=_("Alternativtext"),
        max_length=255,
        help_text=_(
            "Beschreiben Sie, was auf dem Bild zu sehen ist, für Menschen, die es nicht sehen "
            "können (Pflichtfeld nach BITV 2.0)."
        ),
    )
    caption = blocks.CharBlock(label=_("Bildunterschrift"), required=False, max_length=255)
    credit = blocks.CharBlock(label=_("Bildnachweis"), required=False, max_length=255)

    class Meta:
        icon = "image"
        label = _("Bild")
        template = "blocks/image_block.html"


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Dokument"))
    title = blocks.CharBlock(
        label=_("Linktext"),
        required=False,
        max_length=200,
        help_text=_("Leer lassen, um den Titel des Dokuments zu verwenden."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Dokument zum Herunterladen")
        template = "blocks/document_block.html"


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        label=_("Art"),
        choices=[("info", _("Information")), ("important", _("Wichtiger Hinweis"))],
        default="info",
    )
    title = blocks.CharBlock(label=_("Titel"), required=False, max_length=200)
    text = blocks.RichTextBlock(label=_("Text"), features=["bold", "italic", "link", "ul"])

    class Meta:
        icon = "warning"
        label = _("Hinweiskasten")
        template = "blocks/callout_block.html"


class QuestionListBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Überschrift"), required=False, max_length=200)
    questions = blocks.ListBlock(
        blocks.CharBlock(label=_("Frage"), max_length=300), label=_("Fragen"), min_num=1
    )

    class Meta:
        icon = "help"
        label = _("Fragenliste")
        template = "blocks/question_list_block.html"


class BaseStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    image = ImageBlock()
    document = DocumentBlock()
    callout = CalloutBlock()
    question_list = QuestionListBlock()


class DocumentListBlock(blocks.StreamBlock):
    """Downloads attached to a notice or an initiative."""

    document = DocumentBlock()


class NonAccessibleContentBlock(blocks.StructBlock):
    content = blocks.CharBlock(
        label=_("Inhalt"), max_length=300, help_text=_("Welcher Inhalt ist nicht barrierefrei?")
    )
    reason = blocks.TextBlock(label=_("Begründung"), help_text=_("Warum ist das so?"))
    alternative = blocks.TextBlock(
        label=_("Alternative"),
        required=False,
        help_text=_("Wie erhalten Menschen die Information trotzdem?"),
    )

    class Meta:
        icon = "warning"
        label = _("Nicht barrierefreier Inhalt")
        template = "blocks/non_accessible_content_block.html"


class NonAccessibleContentListBlock(blocks.StreamBlock):
    item = NonAccessibleContentBlock()
