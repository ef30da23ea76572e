"""Admin registration of the shared snippets, grouped under "Stammdaten"."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Audience, BarrierReport, District, Organisation, Person, Topic, Venue


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    list_display = ["name", "slug"]
    search_fields = ["name"]


class AudienceViewSet(SnippetViewSet):
    model = Audience
    icon = "group"
    list_display = ["name", "slug"]
    search_fields = ["name"]


class DistrictViewSet(SnippetViewSet):
    model = District
    icon = "site"
    list_display = ["name", "slug"]
    search_fields = ["name"]


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    list_display = ["name", "url"]
    search_fields = ["name"]


class PersonViewSet(SnippetViewSet):
    model = Person
    icon = "user"
    list_display = ["name", "role", "organisation", "email"]
    search_fields = ["name", "role"]


class VenueViewSet(SnippetViewSet):
    model = Venue
    icon = "home"
    list_display = ["name", "street", "city"]
    search_fields = ["name", "street"]


class MasterDataGroup(SnippetViewSetGroup):
    menu_label = _("Stammdaten")
    menu_icon = "folder-open-inverse"
    menu_order = 300
    items = (
        TopicViewSet,
        AudienceViewSet,
        DistrictViewSet,
        OrganisationViewSet,
        PersonViewSet,
        VenueViewSet,
    )


register_snippet(MasterDataGroup)


class BarrierReportViewSet(SnippetViewSet):
    model = BarrierReport
    icon = "warning"
    menu_label = _("Barriere-Meldungen")
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["__str__", "page_url", "created_at", "handled"]
    list_filter = ["handled"]
    inspect_view_enabled = True


register_snippet(BarrierReportViewSet)

# Registers the download check for documents of private pages.
from . import document_privacy  # noqa: E402, F401
