"""Pagination with good and bad page parameters; pinned notices first, then newest."""

import datetime

import pytest
from django.utils import timezone

from ..factories import NoticePageFactory


@pytest.fixture
def many(pinnwand, settings):
    settings.KUPFERSTADT_PAGE_SIZE = 5
    today = timezone.localdate()
    for number in range(12):
        NoticePageFactory(
            parent=pinnwand,
            title=f"Aushang {number:02d}",
            valid_from=today - datetime.timedelta(days=number),
        )
    NoticePageFactory(
        parent=pinnwand,
        title="Angeheftet",
        pinned=True,
        valid_from=today - datetime.timedelta(days=30),
    )
    return pinnwand


def test_pinned_first_then_newest(client, many):
    notices = list(client.get(many.url).context["notices"])
    assert [n.title for n in notices] == [
        "Angeheftet",
        "Aushang 00",
        "Aushang 01",
        "Aushang 02",
        "Aushang 03",
    ]


def test_second_page(client, many):
    response = client.get(many.url, {"page": "2"})
    assert response.context["notices"].number == 2
    assert [n.title for n in response.context["notices"]][0] == "Aushang 04"


def test_pagination_links_keep_the_filters(client, many):
    html = client.get(many.url, {"region": "city"}).text
    assert "?region=city&amp;page=2" in html


@pytest.mark.parametrize(
    "value, number, message",
    [
        ("abc", 1, "„abc“ ist keine gültige Seitenzahl"),
        ("0", 1, "Die Seitenzahl muss mindestens 1 sein"),
        ("-3", 1, "Die Seitenzahl muss mindestens 1 sein"),
        ("99999", 3, "Seite 99999 gibt es nicht"),
        ("9" * 5000, 1, "ist keine gültige Seitenzahl"),
        ("", 1, "ist keine gültige Seitenzahl"),
    ],
)
def test_bad_page_parameter_gives_a_normal_page_with_a_message(
    client, many, value, number, message
):
    response = client.get(many.url, {"page": value})
    assert response.status_code == 200
    assert response.context["notices"].number == number
    assert message in response.text


def test_bad_page_on_an_empty_archive(client, pinnwand):
    response = client.get(pinnwand.url + "archiv/", {"page": "99999"})
    assert response.status_code == 200
    assert "Im Archiv gibt es keine Aushänge" in response.text
