"""Security pieces the settings refer to: the Content-Security-Policy per area and the
client address behind a load balancer.

Public pages get the strict policy of ``CONTENT_SECURITY_POLICY`` (no inline scripts or
styles at all). Wagtail's admin still renders some inline ``<script>`` blocks and
``style`` attributes (panels, date widgets, the rich text editor), so ``/admin/`` gets
``KUPFERSTADT_ADMIN_CSP``: the same sources plus ``'unsafe-inline'``, and it may frame
itself for the live preview. Only logged-in editors ever see the admin.
"""

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings


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
    """The visitor's address for the login lock-out.

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
