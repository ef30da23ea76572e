"""The Leitbild lists its initiatives grouped by status; initiatives show their events and
notices automatically."""

import datetime

from django.utils import timezone

from projects.models import ProjectStatus

from ..factories import EventPageFactory, NoticePageFactory, ProjectPageFactory


def test_initiatives_grouped_by_status(client, leitbild):
    ProjectPageFactory(parent=leitbild, title="Läuft", status=ProjectStatus.RUNNING)
    ProjectPageFactory(parent=leitbild, title="Fertig", status=ProjectStatus.COMPLETED)
    ProjectPageFactory(parent=leitbild, title="Entwurf", status=ProjectStatus.RUNNING).unpublish()
    groups = client.get(leitbild.url).context["initiatives_by_status"]
    assert [(label, [p.title for p in items]) for label, items in groups] == [
        ("laufend", ["Läuft"]),
        ("abgeschlossen", ["Fertig"]),
    ]


def test_related_events_and_notices_are_computed(leitbild, event_index, pinnwand):
    project = ProjectPageFactory(parent=leitbild)
    other = ProjectPageFactory(parent=leitbild)
    event = EventPageFactory(parent=event_index, related_projects=[project])
    old = EventPageFactory(
        parent=event_index,
        related_projects=[project],
        start=timezone.now() - datetime.timedelta(days=30),
    )
    EventPageFactory(parent=event_index, related_projects=[other])
    notice = NoticePageFactory(parent=pinnwand, project=project)
    NoticePageFactory(
        parent=pinnwand,
        project=project,
        valid_until=timezone.localdate() - datetime.timedelta(days=1),
        valid_from=timezone.localdate() - datetime.timedelta(days=5),
    )
    assert project.related_events() == [event, old]
    assert list(project.related_notices()) == [notice]


def test_project_period_end_before_start_is_rejected(leitbild):
    import pytest
    from django.core.exceptions import ValidationError

    project = ProjectPageFactory.build(
        period_start=datetime.date(2024, 1, 1), period_end=datetime.date(2023, 1, 1)
    )
    with pytest.raises(ValidationError, match="Das Ende darf nicht vor dem Beginn liegen"):
        project.clean()
