"""The Pinnwand on the admin's start page, and the view behind its "verlängern" button.

- "Zur Freigabe": notices whose approval task the user may decide (the group "Freigabe
  Sozialplanung", superusers), newest submission first.
- "Meine Aushänge": the user's own notices (``owner``), newest first, each with its status:
  in approval, expired, live or draft.
- "Läuft bald ab": the user's own live notices whose "Aushang bis" falls within the next
  EXPIRING_DAYS days, soonest first.
- "Abgelaufen": live notices whose "Aushang bis" passed within the last EXPIRED_DAYS days,
  with a one-click "verlängern" that moves the date of the live version (who may
  publish) or saves a draft with the new date (partners); see ``extend_notice``. Unlike
  "Läuft bald ab" this lists every notice the user may *edit*, not only their own:
  partners still see only their own (Wagtail's "add" permission), but the Redaktion and
  the Sozialplanung, who look after the whole board, also see the notices nobody owns –
  offers sent through "Angebot melden" – and those of partners who no longer look after
  them. Otherwise nobody would be reminded of these.

Like Wagtail's own panels, a panel with nothing in it is not shown. Wagtail's own "Awaiting
your review" is replaced by ``ReviewPanel``, which reads the task list of every item in
two queries instead of one per item. Every panel lists each
piece of content once: wagtail-localize's aliases, which mirror a German notice in every
other language's tree until it is translated, are left out (``has_own_text()``).
"""

import copy
import datetime
from collections import defaultdict

from django.conf import settings
from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from wagtail.actions.publish_page_revision import PublishPageRevisionAction
from wagtail.admin.ui.components import Component
from wagtail.admin.views.home import WorkflowObjectsToModeratePanel
from wagtail.locks import WorkflowLock
from wagtail.models import Page, Revision, TaskState, WorkflowState, WorkflowTask
from wagtail.permission_policies.pages import PagePermissionPolicy

from kupferstadt.handbook import handbook_url
from kupferstadt.i18n import has_own_text

from .models import NoticePage
from .rules import is_expired

EXPIRING_DAYS = 7
EXPIRED_DAYS = 30
EXTEND_DAYS = 30
PANEL_LENGTH = 10


def editable_notices(user):
    """Notices the user may edit: every one with "change", only their own with "add".
    Each notice once, as its German original: its translations (published by
    translators or by the machine, owned by the German notice's owner) and aliases share
    its dates and its fate."""
    pages = PagePermissionPolicy().instances_user_has_any_permission_for(user, ["change"])
    notices = NoticePage.objects.filter(
        has_own_text(), locale__language_code=settings.LANGUAGE_CODE, pk__in=pages.values("pk")
    )
    return notices.select_related("owner", "submission")


def own_notices(user):
    """The user's own notices (``owner``), each once: not the aliases of other languages."""
    return NoticePage.objects.filter(has_own_text(), owner=user)


def _page_content_type():
    return ContentType.objects.get_for_model(Page)


def notice_status(notice, today, in_approval, needs_changes=False):
    """What "Meine Aushänge" says about a notice: changes asked for, in approval,
    expired, live or draft."""
    if needs_changes:
        # The Sozialplanung asked for changes: the partner has to act, not wait.
        return gettext("Änderungen erbeten")
    if in_approval:
        return gettext("In Freigabe")
    if notice.expired or is_expired(notice, today):
        return gettext("Abgelaufen")
    if notice.live:
        return gettext("Veröffentlicht")
    return gettext("Entwurf")


class NoticePanel(Component):
    """A dashboard panel listing notices; subclasses say which."""

    template_name = "home/admin/notice_panel.html"
    heading = ""
    panel_id = ""
    extend = False
    show_status = False
    help_slug = ""  # the page of the handbook its "Hilfe" link leads to

    def __init__(self, user):
        self.user = user

    def notices(self, today):
        raise NotImplementedError

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context.update(
            heading=self.heading,
            panel_id=self.panel_id,
            notices=list(self.notices(timezone.localdate())[:PANEL_LENGTH]),
            extend=self.extend,
            show_status=self.show_status,
            extend_days=EXTEND_DAYS,
            help_url=handbook_url(self.help_slug),
            csrf_token=parent_context.get("csrf_token"),
            request=parent_context.get("request"),
        )
        return context

    def render_html(self, parent_context=None):
        # Like Wagtail's own panels: nothing to do, no panel.
        context = self.get_context_data(parent_context or {})
        if not context["notices"]:
            return ""
        return render_to_string(self.template_name, context)


class AwaitingApprovalPanel(NoticePanel):
    heading = _("Zur Freigabe")
    panel_id = "pinnwand-zur-freigabe"
    order = 95
    help_slug = "pruefen"

    def notices(self, today):
        # Only what the user may decide: a partner's own submission is not "zur Freigabe"
        # for the partner.
        reviewable = (
            TaskState.objects.reviewable_by(self.user)
            .filter(workflow_state__base_content_type=_page_content_type())
            .values_list("workflow_state__object_id", flat=True)
        )
        return (
            NoticePage.objects.filter(
                has_own_text(), pk__in=[int(pk) for pk in reviewable if pk.isdigit()]
            )
            .select_related("owner", "submission")
            .order_by("-latest_revision_created_at")
        )


class MyNoticesPanel(NoticePanel):
    heading = _("Meine Aushänge")
    panel_id = "pinnwand-meine-aushaenge"
    order = 96
    help_slug = "stand-der-freigabe"
    show_status = True

    def notices(self, today):
        notices = list(
            own_notices(self.user)
            .select_related("owner", "submission")
            .order_by(F("latest_revision_created_at").desc(nulls_last=True), "-pk")[:PANEL_LENGTH]
        )
        workflow_status = dict(
            WorkflowState.objects.active()
            .filter(
                base_content_type=_page_content_type(),
                object_id__in=[str(notice.pk) for notice in notices],
            )
            .values_list("object_id", "status")
        )
        for notice in notices:
            status = workflow_status.get(str(notice.pk))
            notice.status_label = notice_status(
                notice,
                today,
                in_approval=status is not None,
                needs_changes=status == WorkflowState.STATUS_NEEDS_CHANGES,
            )
        return notices


class ExpiringPanel(NoticePanel):
    heading = _("Läuft bald ab")
    panel_id = "pinnwand-laeuft-ab"
    order = 97
    help_slug = "aushang-verlaengern"

    def notices(self, today):
        return (
            own_notices(self.user)
            .live()
            .select_related("owner", "submission")
            .filter(
                valid_until__gte=today, valid_until__lte=today + datetime.timedelta(EXPIRING_DAYS)
            )
            .order_by("valid_until")
        )


class ExpiredPanel(NoticePanel):
    heading = _("Abgelaufen")
    panel_id = "pinnwand-abgelaufen"
    order = 98
    help_slug = "aushang-verlaengern"
    extend = True

    def notices(self, today):
        return (
            editable_notices(self.user)
            .live()
            .expired(today)
            .filter(valid_until__gte=today - datetime.timedelta(EXPIRED_DAYS))
            .order_by("-valid_until")
        )


def tasks_with_status(workflow_states):
    """``{workflow state id: tasks}``: what Wagtail's ``all_tasks_with_status()`` returns
    for each state (the tasks of its workflow, each with the status of its latest task
    state, ``status`` and ``status_display``), for all states in two queries."""
    status_choices = dict(TaskState.STATUS_CHOICES)
    tasks = defaultdict(list)
    workflow_tasks = WorkflowTask.objects.filter(
        workflow_id__in={state.workflow_id for state in workflow_states}
    ).select_related("task")
    for workflow_task in workflow_tasks.order_by("sort_order"):
        tasks[workflow_task.workflow_id].append(workflow_task.task)
    latest = {}
    for task_state in TaskState.objects.filter(
        workflow_state_id__in=[state.pk for state in workflow_states]
    ).order_by("started_at", "id"):
        latest[task_state.workflow_state_id, task_state.task_id] = task_state.status
    result = {}
    for state in workflow_states:
        result[state.pk] = []
        for task in tasks[state.workflow_id]:
            # A copy per state: the same task carries another status in another state.
            task = copy.copy(task)
            task.status = latest.get((state.pk, task.pk))
            task.status_display = status_choices.get(task.status, gettext("Not started"))
            result[state.pk].append(task)
    return result


class ReviewPanel(WorkflowObjectsToModeratePanel):
    """Wagtail's "Awaiting your review" (Wagtail 8.0, ``wagtail.admin.views.home``), the
    same list, but without a query per item for its task list (``tasks_with_status``).
    With the Wagtail setting that asks for approval again after each edit, Wagtail's own
    reading is kept."""

    def get_context_data(self, parent_context):
        if getattr(settings, "WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT", False):
            return super().get_context_data(parent_context)
        request = parent_context["request"]
        context = Component.get_context_data(self, parent_context)
        context.update(states=[], request=request, csrf_token=parent_context["csrf_token"])
        if not getattr(settings, "WAGTAIL_WORKFLOW_ENABLED", True):
            return context
        states = list(
            TaskState.objects.reviewable_by(request.user)
            .select_related(
                "revision", "revision__user", "workflow_state", "workflow_state__workflow"
            )
            .prefetch_related(
                "revision__content_object", "revision__content_object__latest_revision"
            )
            .order_by("-started_at")
            .annotate(previous_revision_id=Revision.objects.previous_revision_id_subquery())
        )
        tasks = tasks_with_status([state.workflow_state for state in states])
        for state in states:
            obj = state.revision.content_object
            if not obj:  # the object was deleted (see Wagtail's panel)
                continue
            urls = {
                "workflow_action_url_name": "wagtailadmin_pages:workflow_action",
                "workflow_preview_url_name": "wagtailadmin_pages:workflow_preview",
                "revisions_compare_url_name": "wagtailadmin_pages:revisions_compare",
            }
            if not isinstance(obj, Page):
                viewset = obj.snippet_viewset
                urls = {name: viewset.get_url_name(name[: -len("_url_name")]) for name in urls}
            if not getattr(obj, "is_previewable", False):
                urls["workflow_preview_url_name"] = None
            context["states"].append(
                {
                    "obj": obj,
                    "revision": state.revision,
                    "previous_revision_id": state.previous_revision_id,
                    "live_revision_id": obj.live_revision_id,
                    "task_state": state,
                    "actions": state.task.specific.get_actions(obj, request.user),
                    "workflow_tasks": tasks[state.workflow_state_id],
                    **urls,
                }
            )
        return context


def pinnwand_panels(request, panels):
    panels[:] = [
        ReviewPanel() if type(panel) is WorkflowObjectsToModeratePanel else panel
        for panel in panels
    ]
    panels += [
        panel(request.user)
        for panel in (AwaitingApprovalPanel, MyNoticesPanel, ExpiringPanel, ExpiredPanel)
    ]


def _moved(until, new_until):
    """A draft's "Aushang bis" after extending: moved to ``new_until`` unless it already
    ends later (or never)."""
    return new_until if until and until < new_until else until


def _publish_keeping_workflow(revision, user):
    """Publishes ``revision`` like Wagtail does, except that a workflow in progress on
    the page is not cancelled (Wagtail cancels it on every publish): the draft in it is
    still waiting for its decision."""
    action = PublishPageRevisionAction(revision, user=user)
    # Wagtail's own prefetch slot for "the current workflow states" (prefetch_workflow_states).
    action.object._current_workflow_states = []
    action.execute(skip_permission_checks=True)


def _extend_live(notice, user, until):
    """Publishes the live content with the new date and puts a pending draft back on top,
    its date moved, still in its workflow."""
    page = notice.live_revision.as_object() if notice.live_revision else notice
    draft = None
    if notice.has_unpublished_changes and notice.latest_revision_id != notice.live_revision_id:
        draft = notice.latest_revision
    page.valid_until = until
    with transaction.atomic():
        _publish_keeping_workflow(page.save_revision(user=user, log_action=True), user)
        if draft is not None:
            pending = draft.as_object()
            pending.valid_until = _moved(pending.valid_until, until)
            revision = pending.save_revision(user=user, log_action=True, clean=False)
            # The reviewers see and approve the draft with its new date.
            TaskState.objects.filter(revision=draft, status=TaskState.STATUS_IN_PROGRESS).update(
                revision=revision
            )


@require_POST
def extend_notice(request, page_id):
    """Moves "Aushang bis" of an expired notice EXTEND_DAYS days past today, and nothing
    else: nothing unreviewed gets published, nothing of a draft is lost.

    - Who may publish, on a live notice: the *live* content is published again with the
      new date. A newer draft (say a partner's, waiting in "Freigabe Pinnwand") is not
      published; it stays the latest version with its own text, its "Aushang bis" moved
      too (so approving it later does not shorten the notice again), and stays in its
      workflow, which Wagtail would otherwise cancel on publishing.
    - Everyone else (partners), and for a notice that was never live: a draft with the
      new date is saved from the latest version – the live content or their own draft,
      which thus keeps their changes – and they submit it for approval as before.
    - Wagtail's locks hold: a notice waiting for approval is locked for partners (only
      the approvers may change it then), one locked by someone or scheduled for
      publishing is left alone; the user gets a message and nothing changes.
    """
    notice = get_object_or_404(NoticePage, pk=page_id)
    permissions = notice.permissions_for_user(request.user)
    if not permissions.can_edit():
        raise PermissionDenied
    may_publish = notice.live and permissions.can_publish()
    lock = notice.get_lock()
    if lock and lock.for_user(request.user):
        if isinstance(lock, WorkflowLock) and not may_publish:
            message = gettext(
                "„%(title)s“ ist gerade in der Freigabe und kann erst nach der Entscheidung "
                "verlängert werden."
            ) % {"title": notice.title}
            messages.error(request, message)
            return redirect("wagtailadmin_home")
        if not isinstance(lock, WorkflowLock):
            messages.error(request, lock.get_message(request.user))
            return redirect("wagtailadmin_home")
    until = timezone.localdate() + datetime.timedelta(EXTEND_DAYS)
    try:
        if may_publish:
            _extend_live(notice, request.user, until)
        else:
            draft = notice.get_latest_revision_as_object()
            draft.valid_until = until
            draft.save_revision(user=request.user, log_action=True)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("wagtailadmin_home")
    title, date = notice.title, date_format(until, "SHORT_DATE_FORMAT")
    if may_publish:
        messages.success(
            request,
            gettext("„%(title)s“ hängt wieder bis %(until)s.") % {"title": title, "until": date},
        )
    else:
        messages.success(
            request,
            gettext(
                "Für „%(title)s“ ist ein Entwurf bis %(until)s gespeichert. Bitte reichen Sie "
                "ihn zur Freigabe ein."
            )
            % {"title": title, "until": date},
        )
    return redirect("wagtailadmin_home")
