from django.db import migrations, models
from django.utils import timezone


def start_retention_for_handled_reports(apps, schema_editor):
    """Reports already handled before this field existed: their retention period starts now."""
    BarrierReport = apps.get_model("kupferstadt", "BarrierReport")
    BarrierReport.objects.filter(handled=True, handled_at=None).update(handled_at=timezone.now())


class Migration(migrations.Migration):
    dependencies = [
        ("kupferstadt", "0006_page_live_tree_index"),
    ]

    operations = [
        migrations.AddField(
            model_name="barrierreport",
            name="handled_at",
            field=models.DateTimeField(
                blank=True, editable=False, null=True, verbose_name="Erledigt am"
            ),
        ),
        migrations.AlterField(
            model_name="barrierreport",
            name="handled",
            field=models.BooleanField(
                default=False,
                help_text="Haken setzen, wenn die Meldung bearbeitet ist. Erledigte Meldungen "
                "werden nach der Aufbewahrungsfrist automatisch gelöscht.",
                verbose_name="Erledigt",
            ),
        ),
        migrations.RunPython(start_retention_for_handled_reports, migrations.RunPython.noop),
    ]
