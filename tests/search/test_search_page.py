"""The basic site search: live pages of the current language, bad input handled."""

from ..factories import NoticePageFactory


def test_search_finds_a_live_notice(client, pinnwand):
    NoticePageFactory(parent=pinnwand, title="Hausaufgabenhilfe im Stadtteil")
    response = client.get("/de/suche/", {"q": "Hausaufgabenhilfe"})
    assert response.status_code == 200
    assert "Hausaufgabenhilfe im Stadtteil" in response.text


def test_search_hides_unpublished_pages(client, pinnwand):
    NoticePageFactory(parent=pinnwand, title="Geheimer Entwurf").unpublish()
    assert "Geheimer Entwurf" not in client.get("/de/suche/", {"q": "Entwurf"}).text


def test_search_with_hostile_input_is_harmless(client, home):
    for query in ["<script>x</script>", "a" * 5000, "' OR 1=1 --", "%00"]:
        response = client.get("/de/suche/", {"q": query, "page": "abc"})
        assert response.status_code == 200
        assert "<script>x</script>" not in response.text
