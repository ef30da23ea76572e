"""URLs carry the language from the start; the admin speaks German."""


def test_root_redirects_to_german(client, home):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/de/"


def test_home_page_is_served_under_de(client, home):
    response = client.get("/de/")
    assert response.status_code == 200
    assert '<html lang="de" dir="ltr">' in response.text


def test_pinnwand_url_carries_the_language(pinnwand):
    assert pinnwand.url == "/de/pinnwand/"


def test_admin_login_is_in_german(client, db):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    assert "Anmelden" in response.text
    assert 'lang="de"' in response.text


def test_admin_dashboard_is_in_german(client, admin_user, home):
    client.force_login(admin_user)
    response = client.get("/admin/")
    assert response.status_code == 200
    assert "Seiten" in response.text
    assert "Stammdaten" in response.text
