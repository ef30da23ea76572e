"""The listing filters' select writes its options in one template (kupferstadt/forms/
select.html) and says exactly what Django's own select says."""

import pytest
from bs4 import BeautifulSoup
from django import forms

from events.filters import EventFilter
from events.models import EventPage
from home.filters import NoticeFilter
from home.models import NoticePage
from kupferstadt.filters import ListingSelect

CHOICES = [
    ("", "Alle Themen"),
    ("familie", "Familie & Kinder"),
    ("Gruppe", [("a", "<Erste>"), ("b", 'Zweite "B"')]),
    (3, "Drei"),
]


def parsed(html):
    soup = BeautifulSoup(html, "html.parser")
    select = soup.select_one("select")
    return (
        dict(select.attrs),
        [
            (option.parent.get("label"), option["value"], option.text, dict(option.attrs))
            for option in select.select("option")
        ],
    )


@pytest.mark.parametrize("value", [None, "", "familie", "b", 3, "unbekannt"])
def test_same_select_as_djangos(value):
    attrs = {"id": "id_topic", "aria-describedby": "hilfe", "disabled": False, "required": True}
    ours = ListingSelect(attrs=attrs, choices=CHOICES).render("topic", value)
    djangos = forms.Select(attrs=attrs, choices=CHOICES).render("topic", value)
    assert parsed(ours) == parsed(djangos)
    assert "&lt;Erste&gt;" in ours


@pytest.mark.django_db
def test_the_listing_filters_use_it():
    widgets = {
        name: type(field.widget)
        for filterset in (
            NoticeFilter(queryset=NoticePage.objects.none()),
            EventFilter(queryset=EventPage.objects.none()),
        )
        for name, field in filterset.form.fields.items()
        if isinstance(field.widget, forms.Select)
    }
    assert set(widgets) == {"topic", "audience", "region", "district", "when"}
    assert set(widgets.values()) == {ListingSelect}
