"""Signal handlers of the home app, connected in ``HomeConfig.ready()``."""

from .roles import ensure_pinnwand
from .submissions import record_decision


def new_pinnwand(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        ensure_pinnwand(instance)


def offer_approved(sender, instance, **kwargs):
    record_decision(sender, instance, approved=True)


def offer_rejected(sender, instance, **kwargs):
    record_decision(sender, instance, approved=False)
