from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from wagtail.signals import page_published


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Veranstaltungen")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Handlers import the models: only once the app registry is ready.
        from . import signals

        page_published.connect(
            signals.record_calendar_change,
            sender=self.get_model("EventPage"),
            dispatch_uid="events.record_calendar_change",
        )
