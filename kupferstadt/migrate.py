"""Set-up that runs after ``migrate`` (languages, roles, cache table).

Django sends ``post_migrate`` once per app with models; only after the last one do every
app's tables, content types and permissions exist. ``after_last_app_migrated`` connects
a function to exactly that moment, so an app's ``ready()`` says *what* to set up and
this module alone knows *when*.
"""

from django.apps import apps
from django.db.models.signals import post_migrate


def is_last_app(sender):
    """Whether ``sender`` (an AppConfig) is the last app whose post_migrate is sent."""
    with_models = [config for config in apps.get_app_configs() if config.models_module]
    return bool(with_models) and sender.label == with_models[-1].label


def after_last_app_migrated(function, dispatch_uid):
    """Runs ``function()`` once per ``migrate``, after the last app's post_migrate."""

    def handler(sender, **kwargs):
        if is_last_app(sender):
            function()

    post_migrate.connect(handler, weak=False, dispatch_uid=dispatch_uid)
