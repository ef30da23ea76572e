"""An index on Wagtail's page tree for "the children of this page".

Wagtail asks for a page's children as ``depth = d + 1 AND path BETWEEN …`` (main
navigation, listings, the admin explorer). The tree has an index on ``path`` alone, and
the path range of the home page covers every page of the site, so without this index
each such question reads the whole page table: 10,000 notices make every navigation
slower. With ``(depth, path)`` the children are one short index range.
"""

from django.db import migrations

INDEX = "kupferstadt_page_depth_path_idx"


class Migration(migrations.Migration):
    dependencies = [
        ("kupferstadt", "0004_merge_footertext_image_description"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RunSQL(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailcore_page (depth, path)",
            f"DROP INDEX IF EXISTS {INDEX}",
        ),
    ]
