from django.apps import AppConfig, apps
from django.db.models.signals import post_migrate, post_save
from django.utils.translation import gettext_lazy as _


def _setup_roles_after_migrate(sender, **kwargs):
    # post_migrate is sent once per app with models; after the last one every app's
    # permissions and content types exist.
    last = [config for config in apps.get_app_configs() if config.models_module][-1]
    if sender is last:
        from .roles import setup_roles

        setup_roles()


def _new_pinnwand(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        from .roles import ensure_pinnwand

        ensure_pinnwand(instance)


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Startseite und Pinnwand")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        post_migrate.connect(_setup_roles_after_migrate, dispatch_uid="home.setup_roles")
        from wagtail.signals import workflow_approved, workflow_rejected

        from .submissions import on_approved, on_rejected

        workflow_approved.connect(on_approved, dispatch_uid="home.offer_approved")
        workflow_rejected.connect(on_rejected, dispatch_uid="home.offer_rejected")
        post_save.connect(
            _new_pinnwand, sender="home.PinnwandPage", dispatch_uid="home.new_pinnwand"
        )
