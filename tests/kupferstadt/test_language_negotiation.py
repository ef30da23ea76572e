"""Every address carries its language; "/" sends a visitor to the best match of their
Accept-Language, German when nothing matches or the header is broken."""

import pytest


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("tr-TR,tr;q=0.9", "/tr/"),
        ("en-GB,en;q=0.8,de;q=0.5", "/en/"),
        ("ar", "/ar/"),
        ("uk-UA", "/uk/"),
        ("fr-FR,fr;q=0.9", "/de/"),
        ("", "/de/"),
    ],
)
def test_root_redirects_to_the_best_language(client, home, header, expected):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=header)
    assert response.status_code == 302
    assert response["Location"] == expected


@pytest.mark.parametrize(
    "header",
    [";;;q=abc,,", "de;q=1.5x,*;q=", "\x00\x01", "x" * 5000, "en;q=0.8;q=0.9;;", "-,_;q=0"],
)
def test_malformed_accept_language_changes_nothing(client, home, header):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=header)
    assert response.status_code == 302
    assert response["Location"] == "/de/"
    assert client.get("/de/", HTTP_ACCEPT_LANGUAGE=header).status_code == 200


def test_a_language_in_the_address_wins_over_the_header(client, languages):
    response = client.get("/en/", HTTP_ACCEPT_LANGUAGE="tr")
    assert response.status_code == 200
    assert '<html lang="en" dir="ltr">' in response.text


def test_every_language_has_its_home_page(client, languages):
    for code in ("de", "en", "tr", "ar", "uk"):
        response = client.get(f"/{code}/")
        assert response.status_code == 200, code
        assert f'<html lang="{code}"' in response.text


def test_unknown_language_prefix_is_not_found(client, languages):
    assert client.get("/fr/", follow=True).status_code == 404
