"""The admin stays as fast with 15 notices as with 3: the Pinnwand in the explorer, the
start page of the Redaktion and of a partner, a notice's edit view, the Übersetzungsstand
and the report of search terms each cost the same number of SQL queries however many
notices there are (no query per listed notice)."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.admin.views.home import WorkflowObjectsToModeratePanel

from home.dashboard import ReviewPanel
from home.roles import APPROVERS, EDITORS, PARTNERS
from kupferstadt.translation import synchronise_trees
from search.models import SearchTermLog

from ..factories import (
    AudienceFactory,
    DistrictFactory,
    NoticePageFactory,
    OrganisationFactory,
    PersonFactory,
    TopicFactory,
)

DAY = datetime.timedelta(days=1)


@pytest.fixture
def people(django_user_model, pinnwand):
    def member(name, group):
        user = django_user_model.objects.create_user(name, f"{name}@example.org", "x")
        user.groups.add(Group.objects.get(name=group))
        return user

    return {
        "editor": member("redaktion", EDITORS),
        "partner": member("partner", PARTNERS),
        "approver": member("freigabe", APPROVERS),
    }


def grow(pinnwand, people, notices):
    """``notices`` more notices, by thirds: a partner's waiting for approval, the
    Redaktion's ending within the week, a partner's just expired; each with its topics,
    places, audiences, contact and provider, and a search term logged."""
    today = timezone.localdate()
    start = pinnwand.get_children().count()
    for number in range(start, start + notices):
        kind = number % 3
        owner = people["editor"] if kind == 1 else people["partner"]
        notice = NoticePageFactory(
            parent=pinnwand,
            owner=owner,
            live=kind != 0,
            valid_from=today - 20 * DAY,
            valid_until=[None, today + 3 * DAY, today - 2 * DAY][kind],
            topics=[TopicFactory()],
            districts=[DistrictFactory()],
            audiences=[AudienceFactory()],
            contacts=[PersonFactory()],
            provider=OrganisationFactory(),
        )
        notice.save_revision(user=owner)
        if kind == 0:
            notice.get_workflow().start(notice, owner)
        SearchTermLog.record(f"suche {number}", found=bool(number % 2))
    synchronise_trees()


def count(client, user, url):
    client.force_login(user)
    client.get(url)  # per-process caches (content types, site root paths) filled
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return len(ctx.captured_queries)


def views(pinnwand, people):
    from home.models import NoticePage

    notice = NoticePage.objects.filter(locale__language_code="de").order_by("pk").first()
    superuser = people["superuser"]
    return {
        "explorer": (people["editor"], f"/admin/pages/{pinnwand.pk}/"),
        "dashboard-editor": (people["editor"], "/admin/"),
        "dashboard-partner": (people["partner"], "/admin/"),
        "dashboard-approver": (people["approver"], "/admin/"),
        "edit": (people["editor"], f"/admin/pages/{notice.pk}/edit/"),
        "translation-status": (superuser, reverse("translation_status")),
        "search-terms": (superuser, reverse("search_terms_report")),
    }


def measure(client, pinnwand, people):
    return {name: count(client, user, url) for name, (user, url) in views(pinnwand, people).items()}


def test_review_panel_shows_what_wagtails_own_panel_shows(rf, pinnwand, people):
    grow(pinnwand, people, 6)
    request = rf.get("/admin/")
    request.user = people["approver"]
    context = {"request": request, "csrf_token": "token"}
    ours = ReviewPanel().render_html(context)
    assert ours.count("Freigabe durch die Sozialplanung: In Bearbeitung") == 2
    assert ours == WorkflowObjectsToModeratePanel().render_html(context)


def test_admin_views_cost_the_same_queries_with_five_times_the_notices(
    client, pinnwand, people, languages, django_user_model
):
    people["superuser"] = django_user_model.objects.create_superuser("admin", "a@example.org", "x")
    grow(pinnwand, people, 3)
    few = measure(client, pinnwand, people)
    grow(pinnwand, people, 12)
    many = measure(client, pinnwand, people)
    assert {name: (few[name], n) for name, n in many.items() if n != few[name]} == {}
