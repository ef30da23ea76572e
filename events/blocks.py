"""Blocks used only by event pages."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class ProgrammeItemBlock(blocks.StructBlock):
    start_time = blocks.TimeBlock(label=_("Beginn"), format="%H:%M")
    end_time = blocks.TimeBlock(label=_("Ende"), required=False, format="%H:%M")
    title = blocks.CharBlock(label=_("Programmpunkt"), max_length=200)
    speakers = blocks.CharBlock(
        label=_("Mitwirkende"),
        required=False,
        max_length=300,
        help_text=_("Namen und Funktionen, z. B. „Leo Jansen, Sozialplaner“"),
    )
    text = blocks.TextBlock(label=_("Beschreibung"), required=False)

    class Meta:
        icon = "time"
        label = _("Programmpunkt")
        template = "events/blocks/programme_item_block.html"


class ProgrammeBlock(blocks.StreamBlock):
    item = ProgrammeItemBlock()


class LeadingQuestionsBlock(blocks.StreamBlock):
    question = blocks.CharBlock(label=_("Leitfrage"), max_length=300)
