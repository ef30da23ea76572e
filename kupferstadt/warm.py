"""Warm after publish: publishing queues a background task that renders the pages the
change touches (the page, its listing parent and the home page, each in every language it
is live in) through the normal page-cache path, as an anonymous visitor, into the new
generation; so the next visitor finds them cached instead of the first one waiting.

The task asks the site with Django's request machinery in the worker's process (no
network): the same middleware as a visitor's request, so the page is stored under the key
a visitor's request looks up (address, host, language, date). A task that runs after a
later publish renders into that newer generation, which is as good.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from django.test import Client
from django_tasks import task
from wagtail.models import Page


def pages_touched(page):
    """The live pages whose cached version a publish of ``page`` outdates most visibly:
    the page, its parent (the listing) and the home page of its site, every language."""
    pages = [page, page.get_parent()]
    site = page.get_site()
    if site is not None:
        pages.append(site.root_page)
    ids = {other.pk for other in pages if other is not None and other.depth > 1}
    keys = Page.objects.filter(pk__in=ids).values("translation_key")
    return Page.objects.filter(translation_key__in=keys).live().public().order_by("depth")


def warm(page_ids):
    """Renders each page's address once, anonymously, through the page cache."""
    if not settings.KUPFERSTADT_PAGE_CACHE_SECONDS:
        return 0
    warmed = 0
    for page in Page.objects.filter(pk__in=page_ids).live().public():
        for touched in pages_touched(page):
            url = touched.get_full_url()
            if not url:
                continue
            parts = urlsplit(url)
            response = Client(HTTP_HOST=parts.netloc).get(
                parts.path, secure=parts.scheme == "https", HTTP_ACCEPT_LANGUAGE="de"
            )
            warmed += response.status_code == 200
    return warmed


@task(backend=settings.MACHINE_TRANSLATION_TASKS)
def warm_after_publish(page_ids):
    """The background task: ``warm(page_ids)``."""
    return warm(page_ids)


def queue_warm_after_publish(sender, instance, **kwargs):
    """``page_published`` receiver: queues the task once the publish is committed (after
    the translations it triggers, which raise the generation again). Warming is a
    courtesy: queueing never fails a publish."""
    page_id = instance.pk
    transaction.on_commit(lambda: warm_after_publish.enqueue([page_id]), robust=True)
