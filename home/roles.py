"""The editorial roles and the approval workflow of the Pinnwand, set up from code.

``setup_roles()`` is idempotent and runs after every ``migrate`` (see ``signals.py``), from
``manage.py setup_roles`` and from the demo loader; a Pinnwand created later gets its
permissions and workflow when it is saved for the first time (``ensure_pinnwand``).

- **Redaktion** edits and publishes every page, the shared snippets and the media.
- **Partner-Redaktion** (associations, providers) may only add notices under a Pinnwand and
  edit their own ones until they are approved; Wagtail's "add" permission grants exactly
  that: pages the user owns, nobody else's.
- **Freigabe Sozialplanung** approves what partners submit (workflow "Freigabe Pinnwand")
  and may edit and publish every notice.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)
from wagtail.snippets.models import get_snippet_models

from kupferstadt.registry import editorial_snippet_models

from .models import PinnwandPage

EDITORS = "Redaktion"
PARTNERS = "Partner-Redaktion"
APPROVERS = "Freigabe Sozialplanung"
WORKFLOW = "Freigabe Pinnwand"
TASK = "Freigabe durch die Sozialplanung"

EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
PARTNER_PAGE_PERMISSIONS = ["add_page"]
APPROVER_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "unlock_page"]

# Collection permissions on the root collection. Wagtail checks images against the
# permissions of wagtailimages.Image, also for our custom image model.
MEDIA = {
    EDITORS: [
        f"{action}_{model}"
        for model in ("image", "document")
        for action in ("add", "change", "choose", "delete")
    ],
    PARTNERS: ["add_image", "choose_image", "add_document", "choose_document"],
    APPROVERS: [
        f"{action}_{model}"
        for model in ("image", "document")
        for action in ("add", "change", "choose")
    ],
}

# What each role may do with the master data: every snippet declared ``editorial``
# (topics, audiences, districts, organisations, persons, venues).
EDITORIAL_SNIPPET_ACTIONS = {
    EDITORS: ("add", "change", "view", "delete"),
    PARTNERS: (),
    APPROVERS: ("add", "change", "view"),
}
# Further permissions on snippets of their own.
SNIPPETS = {
    EDITORS: [
        "change_barrierreport",
        "view_barrierreport",
        "view_offersubmission",
        "delete_offersubmission",
        # Partner feeds: register, fetch, and decide about imported items.
        "add_partnerfeed",
        "change_partnerfeed",
        "view_partnerfeed",
        "delete_partnerfeed",
        "view_importeditem",
        "change_importeditem",
    ],
    # Partners choose their organisation and contact persons, and add a missing person.
    PARTNERS: ["view_organisation", "view_person", "add_person"],
    APPROVERS: [
        "view_offersubmission",
        "delete_offersubmission",
        "view_partnerfeed",
        "view_importeditem",
        "change_importeditem",
    ],
}


# The Redaktion recommends pages for searches that find nothing (Einstellungen →
# Hervorgehobene Suchergebnisse), as the Suchanfragen report suggests.
SEARCH_PROMOTIONS = {
    EDITORS: ["add_searchpromotion", "change_searchpromotion", "delete_searchpromotion"],
    PARTNERS: [],
    APPROVERS: [],
}


def snippet_codenames(role):
    """The codenames of the snippet permissions of ``role``."""
    editorial = [
        f"{action}_{model._meta.model_name}"
        for model in editorial_snippet_models()
        for action in EDITORIAL_SNIPPET_ACTIONS[role]
    ]
    return [*editorial, *SNIPPETS[role]]


def _snippet_permissions(role):
    app_labels = {model._meta.app_label for model in get_snippet_models()}
    return Permission.objects.filter(
        content_type__app_label__in=app_labels, codename__in=snippet_codenames(role)
    )


def _page_permission(codename):
    return Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)


def _grant_pages(group, page, codenames):
    for codename in codenames:
        GroupPagePermission.objects.get_or_create(
            group=group, page=page, permission=_page_permission(codename)
        )


def ensure_workflow():
    """The workflow "Freigabe Pinnwand" with its one group approval task."""
    approvers = Group.objects.get(name=APPROVERS)
    task = GroupApprovalTask.objects.filter(name=TASK).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK)
    task.groups.add(approvers)
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    return workflow


def ensure_pinnwand(pinnwand):
    """Permissions and workflow of one Pinnwand; runs when a Pinnwand is created."""
    groups = {group.name: group for group in Group.objects.filter(name__in=[PARTNERS, APPROVERS])}
    if len(groups) < 2:  # roles not set up yet (e.g. during migrations); setup_roles() follows
        return
    _grant_pages(groups[PARTNERS], pinnwand, PARTNER_PAGE_PERMISSIONS)
    _grant_pages(groups[APPROVERS], pinnwand, APPROVER_PAGE_PERMISSIONS)
    WorkflowPage.objects.get_or_create(page=pinnwand, defaults={"workflow": ensure_workflow()})


@transaction.atomic
def setup_roles():
    """Creates or completes the three groups, their permissions and the workflow."""
    admin_access = Permission.objects.filter(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    groups = {}
    for name in (EDITORS, PARTNERS, APPROVERS):
        group, _ = Group.objects.get_or_create(name=name)
        search_promotions = Permission.objects.filter(
            content_type__app_label="wagtailsearchpromotions",
            codename__in=SEARCH_PROMOTIONS[name],
        )
        group.permissions.add(*admin_access, *_snippet_permissions(name), *search_promotions)
        groups[name] = group

    root_collection = Collection.get_first_root_node()
    if root_collection is not None:
        for name, codenames in MEDIA.items():
            for permission in Permission.objects.filter(
                content_type__app_label__in=["wagtailimages", "wagtaildocs"],
                codename__in=codenames,
            ):
                GroupCollectionPermission.objects.get_or_create(
                    group=groups[name], collection=root_collection, permission=permission
                )

    # The editors work on every site: permissions on the tree's root page.
    root = Page.get_first_root_node()
    if root is not None:
        _grant_pages(groups[EDITORS], root, EDITOR_PAGE_PERMISSIONS)

    workflow = ensure_workflow()
    for pinnwand in PinnwandPage.objects.all():
        ensure_pinnwand(pinnwand)
    return groups, workflow


# One development account per role (``load_demo --dev-login``, only with DEBUG).
DEV_ACCOUNTS = {
    "redaktion": (EDITORS, "Rita", "Redaktion"),
    "partner": (PARTNERS, "Paul", "Partner"),
    "freigabe": (APPROVERS, "Frieda", "Freigabe"),
}


def ensure_dev_accounts(password):
    """The development accounts of the three roles; returns the names created."""
    User = get_user_model()
    created = []
    for username, (group_name, first_name, last_name) in DEV_ACCOUNTS.items():
        user, new = User.objects.get_or_create(
            username=username,
            defaults={
                "email": f"{username}@example.org",
                "first_name": first_name,
                "last_name": last_name,
            },
        )
        if new:
            user.set_password(password)
            user.save()
            created.append(username)
        user.groups.add(Group.objects.get(name=group_name))
    return created
