"""The demo board shows two offers with regular hours: a morning Sprechstunde closed on
public holidays and an afternoon Beratung with a note."""

import pytest
from django.core.management import call_command

from home.models import PinnwandPage
from tests.utils import visible_text


@pytest.mark.django_db
def test_the_demo_board_shows_two_offers_with_regular_hours(client):
    call_command("load_demo", notices=0, events=0, languages=False)
    text = visible_text(client.get(PinnwandPage.objects.get().url).text)
    assert (
        "Offene Sprechstunde der Sozialberatung (Beispiel)" in text
        and "Zeiten: Mo–Do 9–12 Uhr, Fr 9–11 Uhr, an Feiertagen geschlossen" in text
    )
    assert (
        "Beratung für Familien am Nachmittag (Beispiel)" in text
        and "Zeiten: Di, Do 14–17:30 Uhr, an Feiertagen geschlossen, außer in den Schulferien"
        in text
    )
