from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from wagtail.signals import page_published, page_unpublished


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Veranstaltungen")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Handlers import the models: only once the app registry is ready.
        from . import signals

        event_page = self.get_model("EventPage")
        page_published.connect(
            signals.record_calendar_change,
            sender=event_page,
            dispatch_uid="events.record_calendar_change",
        )
        page_published.connect(
            signals.rebuild_rows_on_publish,
            sender=event_page,
            dispatch_uid="events.rebuild_rows_on_publish",
        )
        page_unpublished.connect(
            signals.drop_rows_on_unpublish,
            sender=event_page,
            dispatch_uid="events.drop_rows_on_unpublish",
        )
