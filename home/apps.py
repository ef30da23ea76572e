from django.apps import AppConfig
from django.db.models.signals import post_save
from django.utils.translation import gettext_lazy as _
from wagtail.signals import workflow_approved, workflow_rejected


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Startseite und Pinnwand")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Handlers import the models: only once the app registry is ready.
        from kupferstadt.migrate import after_last_app_migrated

        from . import roles, signals

        # The roles' permissions exist once every app is migrated.
        after_last_app_migrated(roles.setup_roles, "home.setup_roles")
        workflow_approved.connect(signals.offer_approved, dispatch_uid="home.offer_approved")
        workflow_rejected.connect(signals.offer_rejected, dispatch_uid="home.offer_rejected")
        post_save.connect(
            signals.new_pinnwand,
            sender=self.get_model("PinnwandPage"),
            dispatch_uid="home.new_pinnwand",
        )
