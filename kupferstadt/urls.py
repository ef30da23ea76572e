from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib.staticfiles.urls import staticfiles_urlpatterns
from django.urls import include, path
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.auth import require_admin_access
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from kupferstadt import admin_views, page_password
from kupferstadt.api import api_router
from kupferstadt.security import serve_media
from kupferstadt.sitemap import TranslatedSitemap
from search import views as search_views

urlpatterns = [
    # Wagtail's "Seitenalter" report, each page once (not once per language alias).
    path(
        "admin/reports/aging-pages/",
        require_admin_access(never_cache(admin_views.AgingPagesView.as_view())),
        name="aging_pages",
    ),
    path(
        "admin/reports/aging-pages/results/",
        require_admin_access(never_cache(admin_views.AgingPagesView.as_view(results_only=True))),
        name="aging_pages_results",
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", api_router.urls),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": TranslatedSitemap}}, name="sitemap"),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="robots.txt", content_type="text/plain; charset=utf-8"),
        name="robots",
    ),
]

if settings.DEBUG:
    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, serve_media, document_root=settings.MEDIA_ROOT)

# Every public URL carries its language (/de/...), so adding a language later
# changes no published address; "/" redirects to the visitor's language.
urlpatterns += i18n_patterns(
    path("suche/", search_views.search, name="search"),
    path("suche/vorschlaege/", search_views.autocomplete, name="search_autocomplete"),
    # Wagtail's password check for protected pages, at its address, with a lock-out.
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        page_password.authenticate_with_password,
        name="page_password",
    ),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

# Uncaught errors; a lost database connection gives the German maintenance page (503).
handler500 = "kupferstadt.maintenance.server_error"
