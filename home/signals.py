"""Signal handlers of the home app, connected in ``HomeConfig.ready()``."""

from django.apps import apps

from .roles import ensure_pinnwand, setup_roles
from .submissions import record_decision


def setup_roles_after_migrate(sender, **kwargs):
    # post_migrate is sent once per app with models; after the last one every app's
    # permissions and content types exist.
    last = [config for config in apps.get_app_configs() if config.models_module][-1]
    if sender is last:
        setup_roles()


def new_pinnwand(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        ensure_pinnwand(instance)


def offer_approved(sender, instance, **kwargs):
    record_decision(sender, instance, approved=True)


def offer_rejected(sender, instance, **kwargs):
    record_decision(sender, instance, approved=False)
