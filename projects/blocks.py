"""Blocks used only by the Leitbild and initiative pages."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class MilestoneBlock(blocks.StructBlock):
    date = blocks.DateBlock(label=_("Datum"), format="%d.%m.%Y")
    title = blocks.CharBlock(label=_("Meilenstein"), max_length=200)
    text = blocks.TextBlock(label=_("Beschreibung"), required=False)

    class Meta:
        icon = "date"
        label = _("Meilenstein")
        template = "projects/blocks/milestone_block.html"


class MilestonesBlock(blocks.StreamBlock):
    milestone = MilestoneBlock()


class GoalsBlock(blocks.StreamBlock):
    goal = blocks.CharBlock(label=_("Ziel"), max_length=300)
