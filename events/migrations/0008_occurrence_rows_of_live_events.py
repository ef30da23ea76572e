"""Every live event gets its one occurrence row (all events before series were single)."""

from django.db import migrations


def add_rows(apps, schema_editor):
    event_page = apps.get_model("events", "EventPage")
    occurrence = apps.get_model("events", "EventOccurrence")
    occurrence.objects.bulk_create(
        occurrence(event_id=pk, start=start, end=end, original_start=start)
        for pk, start, end in event_page.objects.filter(live=True).values_list(
            "pk", "start", "end"
        )
    )


class Migration(migrations.Migration):
    dependencies = [("events", "0007_event_series")]

    operations = [migrations.RunPython(add_rows, migrations.RunPython.noop)]
