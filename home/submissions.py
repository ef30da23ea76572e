"""What happens to an "Angebot melden" sender's data after the decision: a short e-mail
about the outcome, and deletion after the retention period – or after the maximum age if
no decision ever comes."""

import datetime

from django.conf import settings
from django.core.mail import send_mail
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext
from wagtail.models import Page

from .models import OfferSubmission


def _submission_for(workflow_state):
    if workflow_state.base_content_type.model_class() is not Page:
        return None
    return OfferSubmission.objects.filter(
        notice_id=int(workflow_state.object_id), decided_at=None
    ).first()


def record_decision(sender, instance, approved, **kwargs):
    """Marks the submission decided and tells the sender the outcome."""
    submission = _submission_for(instance)
    if submission is None:
        return
    submission.decided_at = timezone.now()
    submission.save(update_fields=["decided_at"])
    notice = submission.notice.specific
    if approved:
        text = gettext(
            "Ihr Angebot „%(title)s“ ist freigegeben und steht auf der Pinnwand:\n%(url)s"
        ) % {"title": notice.title, "url": notice.full_url or ""}
    else:
        text = gettext(
            "Ihr Angebot „%(title)s“ können wir leider nicht auf der Pinnwand veröffentlichen. "
            "Bei Fragen antworten Sie gern auf diese E-Mail."
        ) % {"title": notice.title}
    send_mail(
        subject=gettext("Ihr Angebot „%(title)s“") % {"title": notice.title},
        message="\n\n".join(
            [
                gettext("Guten Tag %(name)s,") % {"name": submission.name},
                text,
                gettext("Ihre Kontaktdaten löschen wir in %(days)s Tagen.")
                % {"days": settings.KUPFERSTADT_SUBMISSION_RETENTION_DAYS},
                gettext("Mit freundlichen Grüßen\nSozialplanung der Kupferstadt Stolberg"),
            ]
        ),
        from_email=None,
        recipient_list=[submission.email],
    )


def purge_submissions(now=None):
    """Deletes senders' data decided (or whose notice was deleted) more than
    KUPFERSTADT_SUBMISSION_RETENTION_DAYS days ago, and any received more than
    KUPFERSTADT_SUBMISSION_MAX_AGE_DAYS days ago, decided or not (a workflow that never
    ends must not keep it forever); returns how many."""
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=settings.KUPFERSTADT_SUBMISSION_RETENTION_DAYS)
    max_age = now - datetime.timedelta(days=settings.KUPFERSTADT_SUBMISSION_MAX_AGE_DAYS)
    expired = OfferSubmission.objects.filter(
        Q(decided_at__lt=cutoff)
        | Q(notice__isnull=True, created_at__lt=cutoff)
        | Q(created_at__lt=max_age)
    )
    count, _ = expired.delete()
    return count
