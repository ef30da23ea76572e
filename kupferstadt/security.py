"""Security pieces the settings and URLs refer to: the Content-Security-Policy per area,
the client address behind a load balancer, and the headers of uploaded media.

Public pages get the strict policy of ``CONTENT_SECURITY_POLICY`` (no inline scripts or
styles at all). Wagtail's admin still renders some inline ``<script>`` blocks and
``style`` attributes (panels, date widgets, the rich text editor), so ``/admin/`` gets
``KUPFERSTADT_ADMIN_CSP``: the same sources plus ``'unsafe-inline'``, and it may frame
itself for the live preview. Only logged-in editors ever see the admin.
"""

import posixpath

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.http import Http404
from django.views import static

# Uploaded files are never pages: no sniffing into HTML, no scripts, no plug-ins, and
# opened on their own they run in a sandbox without our origin. Web server, bucket or
# CDN must send the same in production (docs/deployment.md, "Medien").
MEDIA_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'none'; sandbox",
}


class SiteCSPMiddleware(CSPMiddleware):
    """django-csp with a relaxed policy for the admin and the strict one everywhere else."""

    def process_response(self, request, response):
        # Wagtail renders previews through the middleware once more, with a made-up
        # request for the page's own address ("dummy"). The real admin request sets the
        # header afterwards; the public policy would forbid the admin to frame the preview.
        if getattr(request, "is_dummy", False):
            return response
        return super().process_response(request, response)

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and is_admin_path(request.path_info):
            # A nonce would make browsers ignore 'unsafe-inline', which the admin needs.
            return PolicyParts(config=settings.KUPFERSTADT_ADMIN_CSP["DIRECTIVES"])
        return parts


def is_admin_path(path):
    return path.startswith("/admin/")


def client_ip(request):
    """The visitor's address, for the login lock-out and the forms' rate limits.

    Behind ``TRUSTED_PROXY_COUNT`` proxies (load balancer, CDN) the address comes from the
    entry of ``X-Forwarded-For`` that the outermost trusted proxy appended; entries further
    left can be forged by the client. Without trusted proxies, ``REMOTE_ADDR`` counts.
    """
    count = settings.KUPFERSTADT_TRUSTED_PROXY_COUNT
    forwarded = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [address for address in forwarded if address]
    if count and len(forwarded) >= count:
        return forwarded[-count]
    return request.META.get("REMOTE_ADDR")


def serve_media(request, path, document_root=None):
    """Django's file view for uploads in development (``make run``), with
    ``MEDIA_HEADERS``. Documents only ever go through Wagtail's view, which checks
    collection and page privacy (``kupferstadt/document_privacy.py``)."""
    if posixpath.normpath(path).lstrip("/").split("/")[0] == "documents":
        raise Http404
    response = static.serve(request, path, document_root=document_root)
    for header, value in MEDIA_HEADERS.items():
        response[header] = value
    return response
