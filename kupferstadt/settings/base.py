"""Settings that hold on every installation.

Everything that differs between installations is read from the environment in
this module (``env``) so that ``dev``, ``test`` and ``production`` only hold
their differences.
"""

import os
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent.parent
PROJECT_DIR = BASE_DIR / "kupferstadt"


def env(name, default=None):
    """Read one setting from the environment; the single place that does so."""
    return os.environ.get(name, default)


def env_list(name, default=""):
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


SECRET_KEY = env("DJANGO_SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")

INSTALLED_APPS = [
    "kupferstadt",
    "home",
    "events",
    "projects",
    "search",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.sitemaps",
    "wagtail.api.v2",
    "rest_framework",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "kupferstadt.i18n.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "kupferstadt.routing.LocalizedRoutingMiddleware",
]

ROOT_URLCONF = "kupferstadt.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "kupferstadt.wsgi.application"


# The embedded default is a SQLite file next to the code; DATABASE_URL switches
# to PostgreSQL (or anything dj-database-url understands) without code changes.
def database(url, conn_max_age):
    """One database connection as dj-database-url reads ``url``, tuned for PostgreSQL."""
    config = dj_database_url.parse(url, conn_max_age=conn_max_age)
    # PostgreSQL's default random_page_cost (4) assumes spinning disks: with it the planner
    # reads every search index entry instead of using the GIN index of search/0002
    # (30-50 ms instead of 5 ms at 10,000 notices). 1.1 is the usual value for SSDs.
    # Behind PgBouncer in transaction mode set both empty and on the server instead.
    # JIT compilation pays off for long analytical queries; a web request's queries take
    # milliseconds, and at 10,000 pages the estimates of the Übersetzungsstand's queries
    # pass jit_above_cost: compiling took 130 ms for a query that runs in 15.
    options = []
    if page_cost := env("DATABASE_RANDOM_PAGE_COST", "1.1"):
        options.append(f"-c random_page_cost={float(page_cost)}")
    if jit := env("DATABASE_JIT", "off"):
        options.append(f"-c jit={'on' if jit == 'on' else 'off'}")
    if config["ENGINE"] == "django.db.backends.postgresql" and options:
        config.setdefault("OPTIONS", {})["options"] = " ".join(options)
    return config


DATABASES = {
    "default": database(
        env("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(env("DATABASE_CONN_MAX_AGE", "0")),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation. German is the source language of content and the
# language of the admin. Content languages are listed here, in one place: a city
# adds one by extending LANGUAGES and running `manage.py migrate`, which creates its
# locale, its synchronised page tree and its translator group (kupferstadt/translation.py).
# Names are in their own language, as the language switcher shows them.
LANGUAGE_CODE = "de"
LANGUAGES = [
    ("de", "Deutsch"),
    ("en", "English"),
    ("tr", "Türkçe"),
    ("ar", "العربية"),
    ("uk", "Українська"),
]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
# Translators may use the admin in their own language; Wagtail ships all of these.
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [PROJECT_DIR / "locale"]
# Dates in each language's own way: "13. Mai 2020" / "13 May 2020".
FORMAT_MODULE_PATH = ["kupferstadt.formats"]

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [PROJECT_DIR / "static"]
STATIC_ROOT = Path(env("STATIC_ROOT", str(BASE_DIR / "static")))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(BASE_DIR / "media")))
MEDIA_URL = env("MEDIA_URL", "/media/")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Wagtail
WAGTAIL_SITE_NAME = "Soziale Kupferstadt Stolberg"
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILIMAGES_IMAGE_MODEL = "kupferstadt.CustomImage"
WAGTAILDOCS_EXTENSIONS = [
    *["pdf", "docx", "odt", "xlsx", "ods", "pptx", "odp", "txt", "csv"],
    *["mp4", "webm", "vtt"],  # the Gebärdensprache video and its captions
]
# Wagtail's database backend on SQLite or PostgreSQL; our own Snowball stems do the
# language work (search/stemming.py), so PostgreSQL uses the neutral "simple"
# configuration and both backends find the same pages. SEARCH_URL selects an
# OpenSearch/Elasticsearch cluster instead (see README).
SEARCH_URL = env("SEARCH_URL", "")
SEARCH_BACKEND = env("SEARCH_BACKEND", "wagtail.search.backends.opensearch2")
if SEARCH_URL:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": SEARCH_BACKEND,
            "URLS": [SEARCH_URL],
            "INDEX": env("SEARCH_INDEX", "kupferstadt"),
        }
    }
else:
    WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backend", "SEARCH_CONFIG": "simple"}}
WAGTAIL_DATE_FORMAT = "%d.%m.%Y"
WAGTAIL_DATETIME_FORMAT = "%d.%m.%Y %H:%M"
WAGTAIL_TIME_FORMAT = "%H:%M"

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024

# Public forms: a submission faster than this is taken for a bot, one slower than the
# maximum has to be sent again.
KUPFERSTADT_FORM_MIN_SECONDS = int(env("KUPFERSTADT_FORM_MIN_SECONDS", "3"))
KUPFERSTADT_FORM_MAX_SECONDS = 2 * 60 * 60
# "Barriere melden": reports per address and hour ("Angebot melden" has its own below).
KUPFERSTADT_BARRIER_REPORT_RATE_LIMIT = int(env("KUPFERSTADT_BARRIER_REPORT_RATE_LIMIT", "10"))
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "Soziale Kupferstadt <noreply@localhost>")
# Outgoing mail (workflow notifications, form confirmations) over SMTP.
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = int(env("EMAIL_PORT", "25"))
EMAIL_HOST_USER = env("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env("EMAIL_USE_TLS", "false").lower() == "true"

# "Angebot melden": offers per address and hour, upload limits, and how long the sender's
# name, e-mail and phone are kept (manage.py purge_personal_data, daily): RETENTION_DAYS
# after the decision, and MAX_AGE_DAYS after receipt if no decision ever comes.
KUPFERSTADT_SUBMISSION_RATE_LIMIT = int(env("KUPFERSTADT_SUBMISSION_RATE_LIMIT", "5"))
KUPFERSTADT_SUBMISSION_MAX_UPLOAD_MB = 5
KUPFERSTADT_SUBMISSION_MAX_PIXELS = 40_000_000
KUPFERSTADT_SUBMISSION_RETENTION_DAYS = int(env("KUPFERSTADT_SUBMISSION_RETENTION_DAYS", "30"))
KUPFERSTADT_SUBMISSION_MAX_AGE_DAYS = int(env("KUPFERSTADT_SUBMISSION_MAX_AGE_DAYS", "180"))
# "Barriere melden": reports (possibly with name and e-mail) are deleted RETENTION_DAYS
# after being marked handled, and MAX_AGE_DAYS after receipt even if never handled
# (manage.py purge_personal_data).
KUPFERSTADT_BARRIER_REPORT_RETENTION_DAYS = int(
    env("KUPFERSTADT_BARRIER_REPORT_RETENTION_DAYS", "90")
)
KUPFERSTADT_BARRIER_REPORT_MAX_AGE_DAYS = int(env("KUPFERSTADT_BARRIER_REPORT_MAX_AGE_DAYS", "365"))


# Machine translation as a first draft in wagtail-localize's editor: DeepL with
# DEEPL_API_KEY, or a self-hosted LibreTranslate with LIBRETRANSLATE_URL (and
# LIBRETRANSLATE_API_KEY). Without either the feature is off.
def machine_translator(environ):
    if environ.get("DEEPL_API_KEY"):
        return {
            "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
            "OPTIONS": {"AUTH_KEY": environ["DEEPL_API_KEY"], "FORMALITY": "prefer_more"},
        }
    if environ.get("LIBRETRANSLATE_URL"):
        return {
            "CLASS": "wagtail_localize.machine_translators.libretranslate.LibreTranslator",
            "OPTIONS": {
                "LIBRETRANSLATE_URL": environ["LIBRETRANSLATE_URL"],
                "API_KEY": environ.get("LIBRETRANSLATE_API_KEY", ""),
            },
        }
    return None


if machine_translator(os.environ):
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = machine_translator(os.environ)

# Background tasks (django-tasks). Machine translations of a published German page run in
# their own backend, outside the editor's request: by default queued in the database and
# run by `manage.py db_worker --backend machine_translation` (a process of its own; `make
# run` starts it). Production may queue them in Redis instead (TASKS_BACKEND=redis, see
# production.py and docs/deployment.md). Wagtail's own tasks (search and reference index,
# image focal points) keep the immediate backend, as before: nothing of theirs waits for a
# worker.
MACHINE_TRANSLATION_TASKS = "machine_translation"
INSTALLED_APPS += ["django_tasks_db"]
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    MACHINE_TRANSLATION_TASKS: {"BACKEND": "django_tasks_db.DatabaseBackend"},
}
# Partner feeds (home/feed_import): fetched in the same background backend as the machine
# translations (its worker runs them), or at once by `manage.py import_feeds` from cron.
FEED_IMPORT_TASKS = MACHINE_TRANSLATION_TASKS
KUPFERSTADT_FEEDS_TIMEOUT = int(env("KUPFERSTADT_FEEDS_TIMEOUT", "15"))
KUPFERSTADT_FEEDS_MAX_BYTES = int(env("KUPFERSTADT_FEEDS_MAX_MB", "5")) * 1024 * 1024
KUPFERSTADT_FEEDS_MAX_REDIRECTS = 5
# Recurring partner events: occurrences in the next this many days become events/notices.
KUPFERSTADT_FEEDS_RECURRENCE_DAYS = 183
# Only the tests' local server may be fetched from 127.0.0.1; everything else internal is
# refused always (an editor must not make the server probe the internal network).
KUPFERSTADT_FEEDS_ALLOW_LOOPBACK = False

# How many notices and events a listing page shows at once.
KUPFERSTADT_PAGE_SIZE = 12

# Security (issue 8; docs/deployment.md). Public pages allow no inline script or style at
# all; the admin gets a relaxed policy (kupferstadt/security.py says why).
INSTALLED_APPS += ["csp", "axes"]
MIDDLEWARE += [
    "kupferstadt.security.SiteCSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    # axes must come after the others: it answers a locked-out login before the view runs.
    "axes.middleware.AxesMiddleware",
]
# Right after the security middleware (and whitenoise in production): a cached page is
# the finished response, headers included, and skips the work of the rest.
MIDDLEWARE.insert(1, "kupferstadt.page_cache.AnonymousPageCacheMiddleware")
_CSP_SOURCES = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "media-src": ["'self'"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "form-action": ["'self'"],
    "base-uri": ["'self'"],
    "object-src": ["'none'"],
    "frame-ancestors": ["'none'"],
}
CONTENT_SECURITY_POLICY = {"DIRECTIVES": _CSP_SOURCES}
KUPFERSTADT_ADMIN_CSP = {
    "DIRECTIVES": {
        **_CSP_SOURCES,
        "script-src": ["'self'", "'unsafe-inline'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "frame-src": ["'self'"],
        "frame-ancestors": ["'self'"],  # the live preview frames the page inside the admin
    }
}
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "camera",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
    )
} | {"fullscreen": ["self"]}  # the sign language video may go full screen
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
# The admin asks no other server either: no Gravatar pictures, no update check.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False

# Admin login: locked for an hour after five failures of one user name from one address.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "kupferstadt/login_locked.html"
AXES_CLIENT_IP_CALLABLE = "kupferstadt.security.client_ip"
KUPFERSTADT_TRUSTED_PROXY_COUNT = int(env("TRUSTED_PROXY_COUNT", "0"))

# Uploads: no SVG images (they can carry scripts), no image a server cannot decode safely.
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
# Documents always pass through Wagtail's view, which checks collection and page privacy
# (kupferstadt/document_privacy.py); a direct storage link would skip both.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_BLOCK_EMBEDDED_CONTENT = True

# Whole pages for anonymous visitors, invalidated on publish (kupferstadt/page_cache.py);
# the cache is local memory in development, Redis or the database cache in production
# (shared by every process). 0 switches it off.
KUPFERSTADT_PAGE_CACHE_SECONDS = int(env("KUPFERSTADT_PAGE_CACHE_SECONDS", "300"))
