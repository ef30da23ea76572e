"""The Pinnwand filters by topic, audience, region and district; filters combine; unknown
values give a normal page with a message."""

import pytest

from home.models import Region

from ..factories import AudienceFactory, DistrictFactory, NoticePageFactory, TopicFactory


@pytest.fixture
def board(pinnwand):
    familie = TopicFactory(name="Familie")
    bildung = TopicFactory(name="Bildung")
    senioren = AudienceFactory(name="Senioren")
    atsch = DistrictFactory(name="Atsch")
    NoticePageFactory(
        parent=pinnwand, title="Familientreff Atsch", topics=[familie], districts=[atsch]
    )
    NoticePageFactory(
        parent=pinnwand, title="Familienberatung Aachen", topics=[familie], region=Region.DISTRICT
    )
    NoticePageFactory(
        parent=pinnwand, title="Computerkurs Senioren", topics=[bildung], audiences=[senioren]
    )
    NoticePageFactory(
        parent=pinnwand,
        title="Lesecafé Senioren Atsch",
        topics=[familie],
        audiences=[senioren],
        districts=[atsch],
    )
    return pinnwand


def titles(response):
    return sorted(n.title for n in response.context["notices"])


def test_without_filters_all_current_notices_are_listed(client, board):
    assert len(titles(client.get(board.url))) == 4


def test_filter_by_topic(client, board):
    assert titles(client.get(board.url, {"topic": "bildung"})) == ["Computerkurs Senioren"]


def test_filter_by_audience(client, board):
    assert titles(client.get(board.url, {"audience": "senioren"})) == [
        "Computerkurs Senioren",
        "Lesecafé Senioren Atsch",
    ]


def test_filter_by_region(client, board):
    assert titles(client.get(board.url, {"region": "city_region"})) == ["Familienberatung Aachen"]


@pytest.mark.parametrize("old, new", [("stadt", "city"), ("staedteregion", "city_region")])
def test_old_german_region_values_still_filter_the_same(client, board, old, new):
    before = client.get(board.url, {"region": old})
    assert titles(before) == titles(client.get(board.url, {"region": new}))
    assert len(titles(before)) in (1, 3)
    assert f'<option value="{new}" selected>' in before.text
    assert "gibt es nicht" not in before.text


def test_filter_by_district(client, board):
    assert titles(client.get(board.url, {"district": "atsch"})) == [
        "Familientreff Atsch",
        "Lesecafé Senioren Atsch",
    ]


def test_filters_combine(client, board):
    response = client.get(
        board.url,
        {"topic": "familie", "audience": "senioren", "district": "atsch", "region": "city"},
    )
    assert titles(response) == ["Lesecafé Senioren Atsch"]


def test_filter_form_keeps_the_chosen_values(client, board):
    html = client.get(board.url, {"topic": "familie"}).text
    assert '<option value="familie" selected>' in html


@pytest.mark.parametrize(
    "params, message",
    [
        ({"topic": "gibt-es-nicht"}, "Das Thema „gibt-es-nicht“ gibt es nicht"),
        ({"audience": "marsianer"}, "Die Zielgruppe „marsianer“ gibt es nicht"),
        ({"region": "bayern"}, "Die Region „bayern“ gibt es nicht"),
        ({"district": "xyz"}, "Den Stadtteil „xyz“ gibt es nicht"),
    ],
)
def test_unknown_filter_value_gives_a_normal_page_with_a_message(client, board, params, message):
    response = client.get(board.url, params)
    assert response.status_code == 200
    assert message in response.text
    assert len(titles(response)) == 4  # the unknown filter is not applied


def test_unknown_value_does_not_drop_the_valid_filters(client, board):
    response = client.get(board.url, {"topic": "bildung", "district": "nirgendwo"})
    assert titles(response) == ["Computerkurs Senioren"]


def test_markup_in_a_filter_value_is_escaped(client, board):
    response = client.get(board.url, {"topic": "<script>alert(1)</script>"})
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.text
    assert "&lt;script&gt;" in response.text
