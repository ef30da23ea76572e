"""The documented backup (pg_dump plus the media folder) restores into an empty database
with every page, revision, translation, image and document, and every file.

Runs where the tests run on PostgreSQL (the second CI pass), with the commands of
docs/deployment.md.
"""

import io
import shutil
import subprocess

import psycopg
import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import connection
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale

from ..factories import StandardPageFactory
from .app_servers import database_url

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="braucht PostgreSQL: DATABASE_URL=postgres://… (zweiter CI-Durchlauf)",
)


def snapshot(rows_of):
    return {
        "pages": rows_of(
            "SELECT id, title, locale_id, translation_key::text, live FROM wagtailcore_page"
        ),
        "revisions": rows_of("SELECT id, object_id, content::text FROM wagtailcore_revision"),
        "locales": rows_of("SELECT id, language_code FROM wagtailcore_locale"),
        "images": rows_of("SELECT id, title, file FROM kupferstadt_customimage"),
        "documents": rows_of("SELECT id, title, file FROM wagtaildocs_document"),
    }


@pytest.fixture
def content(committed, home):
    png = io.BytesIO()
    PILImage.new("RGB", (40, 30), "orange").save(png, "PNG")
    image = get_image_model().objects.create(
        title="Rathaus", file=ImageFile(png, name="rathaus.png")
    )
    document = get_document_model().objects.create(
        title="Sozialbericht", file=ContentFile(b"%PDF-1.4 Sozialbericht", name="bericht.pdf")
    )
    page = StandardPageFactory(
        parent=home,
        title="Sozialbericht 2026",
        body=[
            {"type": "image", "value": {"image": image.pk, "caption": "", "credit": ""}},
            {"type": "document", "value": {"document": document.pk, "title": ""}},
        ],
    )
    page.save_revision().publish()
    page.title = "Sozialbericht 2026 (Entwurf)"
    page.save_revision()
    english, _ = Locale.objects.get_or_create(language_code="en")
    home.copy_for_translation(english)
    page.copy_for_translation(english, copy_parents=True)
    return page


def test_backup_restores_into_an_empty_database(content, tmp_path):
    source = connection.settings_dict["NAME"]
    target = f"{source}_wiederhergestellt"
    media = settings.MEDIA_ROOT
    dump, archive = tmp_path / "kupferstadt.dump", tmp_path / "medien.tar.gz"

    # Backup as documented.
    subprocess.run(
        ["pg_dump", "--format=custom", "--no-owner", f"--file={dump}", database_url(source)],
        check=True,
    )
    subprocess.run(["tar", "-czf", str(archive), "-C", str(media), "."], check=True)

    with connection.cursor() as cursor:
        before = snapshot(lambda sql: (cursor.execute(sql), sorted(cursor.fetchall()))[1])
    assert len(before["pages"]) >= 5 and len(before["revisions"]) >= 3
    assert {"de", "en"} <= {code for _, code in before["locales"]}

    # Restore as documented, into an empty database and an empty media folder.
    restored_media = tmp_path / "medien-wiederhergestellt"
    restored_media.mkdir()
    with psycopg.connect(database_url("postgres"), autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{target}"')
        admin.execute(f'CREATE DATABASE "{target}"')
    try:
        subprocess.run(
            ["pg_restore", "--no-owner", f"--dbname={database_url(target)}", str(dump)],
            check=True,
        )
        subprocess.run(["tar", "-xzf", str(archive), "-C", str(restored_media)], check=True)
        with psycopg.connect(database_url(target)) as restored:
            after = snapshot(lambda sql: sorted(restored.execute(sql).fetchall()))
    finally:
        with psycopg.connect(database_url("postgres"), autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{target}"')

    assert after == before
    # The restored data hold the translation and the unpublished draft, too.
    english = dict((code, pk) for pk, code in after["locales"])["en"]
    key = str(content.translation_key)
    assert any(row[2] == english and row[3] == key for row in after["pages"])
    assert any("Sozialbericht 2026 (Entwurf)" in row[2] for row in after["revisions"])
    for _, _, name in before["images"] + before["documents"]:
        assert (restored_media / name).read_bytes() == (media / name).read_bytes(), name
    shutil.rmtree(restored_media)
