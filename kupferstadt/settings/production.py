"""Production: several app servers behind a load balancer, PostgreSQL, Redis, S3-compatible
object storage, optionally OpenSearch and a CDN. Everything comes from the environment;
docs/deployment.md lists every variable.
"""

import dj_email_url
from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import (
    CONTENT_SECURITY_POLICY,
    INSTALLED_APPS,
    KUPFERSTADT_ADMIN_CSP,
    MACHINE_TRANSLATION_TASKS,
    MIDDLEWARE,
    TASKS,
    database,
    env,
)
from .base import env_list as _env_list


def _env_flag(name, default):
    return env(name, default).strip().lower() in {"1", "true", "yes", "ja", "on"}


DEBUG = False
SECRET_KEY = env("DJANGO_SECRET_KEY")
if not SECRET_KEY:
    raise ImproperlyConfigured(
        "DJANGO_SECRET_KEY muss in der Umgebung gesetzt sein (siehe docs/deployment.md)."
    )
ALLOWED_HOSTS = _env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = _env_list("CSRF_TRUSTED_ORIGINS")

# PostgreSQL with persistent connections; the health check replaces a connection the
# database dropped (restart, fail-over) instead of failing the next request.
DATABASE_URL = env("DATABASE_URL")
if not DATABASE_URL:
    raise ImproperlyConfigured("DATABASE_URL muss in der Umgebung gesetzt sein.")
DATABASES = {"default": database(DATABASE_URL, int(env("DATABASE_CONN_MAX_AGE", "600")))}
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

# Redis for the cache (shared by all app servers) and in front of the sessions. Sessions
# live in the database too (cached_db), so a login holds on every server and survives a
# Redis restart; an unreachable Redis only means pages are served uncached.
REDIS_URL = env("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env("CACHE_KEY_PREFIX", "kupferstadt"),
            "OPTIONS": {
                "CLIENT_CLASS": "django_redis.client.DefaultClient",
                "SOCKET_CONNECT_TIMEOUT": 0.5,
                "SOCKET_TIMEOUT": 0.5,
            },
        }
    }
    DJANGO_REDIS_IGNORE_EXCEPTIONS = True
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
else:
    # Without Redis (one server) the cache must still be one for every gunicorn process:
    # a page cache in each process's memory would keep serving a page made private,
    # unpublished or expired in another process for up to KUPFERSTADT_PAGE_CACHE_SECONDS.
    # The table is created by `manage.py migrate` (kupferstadt/page_cache.py).
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "kupferstadt_cache",
            "KEY_PREFIX": env("CACHE_KEY_PREFIX", "kupferstadt"),
            # Django's default of 300 entries would hold a few dozen pages at most.
            "OPTIONS": {"MAX_ENTRIES": 20_000},
        }
    }
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

# whitenoise serves the collected, compressed and hashed static files.
MIDDLEWARE = [
    MIDDLEWARE[0],
    "whitenoise.middleware.WhiteNoiseMiddleware",
    *MIDDLEWARE[1:],
]

# Media on S3-compatible object storage when a bucket is configured. Documents never get a
# public storage URL: WAGTAILDOCS_SERVE_METHOD = "serve_view" (base.py) streams them
# through Wagtail's view after its privacy checks, and the bucket only allows public reads
# of images (bucket policy in docs/deployment.md).
AWS_STORAGE_BUCKET_NAME = env("AWS_STORAGE_BUCKET_NAME", env("S3_BUCKET", ""))
AWS_S3_CUSTOM_DOMAIN = env("AWS_S3_CUSTOM_DOMAIN", env("S3_CUSTOM_DOMAIN", ""))
if AWS_STORAGE_BUCKET_NAME:
    _s3_options = {
        "bucket_name": AWS_STORAGE_BUCKET_NAME,
        "endpoint_url": env("AWS_S3_ENDPOINT_URL", env("S3_ENDPOINT_URL", "")) or None,
        "region_name": env("AWS_S3_REGION_NAME", env("S3_REGION", "")) or None,
        "access_key": env("AWS_ACCESS_KEY_ID", env("S3_ACCESS_KEY", "")) or None,
        "secret_key": env("AWS_SECRET_ACCESS_KEY", env("S3_SECRET_KEY", "")) or None,
        "custom_domain": AWS_S3_CUSTOM_DOMAIN or None,
        "location": env("AWS_LOCATION", env("S3_PREFIX", "")),
        "default_acl": None,  # the bucket policy decides, not per-object ACLs
        "querystring_auth": False,  # image URLs stay stable for the page cache and the CDN
        "file_overwrite": False,
        "object_parameters": {"CacheControl": "max-age=31536000"},
    }
    _media_default = {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": _s3_options}
else:
    _media_default = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
STORAGES = {
    "default": _media_default,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Images from another host (bucket or CDN domain) need that origin in the policy.
_media_origin = f"https://{AWS_S3_CUSTOM_DOMAIN}" if AWS_S3_CUSTOM_DOMAIN else ""
if _media_origin:
    for _policy in (CONTENT_SECURITY_POLICY, KUPFERSTADT_ADMIN_CSP):
        for _directive in ("img-src", "media-src"):
            _policy["DIRECTIVES"][_directive] = [
                *_policy["DIRECTIVES"][_directive],
                _media_origin,
            ]
CONTENT_SECURITY_POLICY["DIRECTIVES"]["upgrade-insecure-requests"] = True

# Mail: EMAIL_URL (e.g. smtp://user:password@mail.example.org:587?tls=True) or the SMTP
# variables.
EMAIL_URL = env("EMAIL_URL", "")
if EMAIL_URL:
    _email = dj_email_url.parse(EMAIL_URL)
    if "EMAIL_BACKEND" not in _email:
        raise ImproperlyConfigured("EMAIL_URL: unbekanntes Schema (smtp:// oder smtps://).")
    EMAIL_BACKEND = _email["EMAIL_BACKEND"]
    EMAIL_HOST = _email["EMAIL_HOST"]
    EMAIL_PORT = _email["EMAIL_PORT"]
    EMAIL_HOST_USER = _email["EMAIL_HOST_USER"]
    EMAIL_HOST_PASSWORD = _email["EMAIL_HOST_PASSWORD"]
    EMAIL_USE_TLS = _email["EMAIL_USE_TLS"]
    EMAIL_USE_SSL = _email["EMAIL_USE_SSL"]
    EMAIL_TIMEOUT = _email["EMAIL_TIMEOUT"] or 10
else:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = env("EMAIL_HOST", "localhost")
    EMAIL_PORT = int(env("EMAIL_PORT", "25"))
    EMAIL_HOST_USER = env("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = _env_flag("EMAIL_USE_TLS", "false")
    EMAIL_USE_SSL = _env_flag("EMAIL_USE_SSL", "false")
    EMAIL_TIMEOUT = 10
SERVER_EMAIL = env("SERVER_EMAIL", env("DEFAULT_FROM_EMAIL", "noreply@localhost"))

# The CDN in front is purged through Wagtail's frontend cache module on publish.
_frontend_cache = {}
if url := env("FRONTEND_CACHE_PURGE_URL", ""):
    _frontend_cache["http"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": url,
    }
if zone := env("CLOUDFLARE_ZONEID", ""):
    _frontend_cache["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "BEARER_TOKEN": env("CLOUDFLARE_BEARER_TOKEN", ""),
        "ZONEID": zone,
    }
if distribution := env("CLOUDFRONT_DISTRIBUTION_ID", ""):
    _frontend_cache["cloudfront"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
        "DISTRIBUTION_ID": distribution,
    }
if _frontend_cache:
    INSTALLED_APPS = [*INSTALLED_APPS, "wagtail.contrib.frontend_cache"]
    WAGTAILFRONTENDCACHE = _frontend_cache

# Machine translations: queued in the database (default; worker `manage.py db_worker
# --backend machine_translation`) or, with TASKS_BACKEND=redis, in Redis at REDIS_URL
# through django-tasks-rq (pip install ".[production,redis-tasks]"; worker `manage.py
# rqworker default --job-class django_tasks_rq.Job`). docs/deployment.md.
if env("TASKS_BACKEND", "database").strip().lower() == "redis":
    if not REDIS_URL:
        raise ImproperlyConfigured("TASKS_BACKEND=redis braucht REDIS_URL.")
    INSTALLED_APPS = [*INSTALLED_APPS, "django_rq", "django_tasks_rq"]
    RQ_QUEUES = {"default": {"URL": REDIS_URL, "DEFAULT_TIMEOUT": 600}}
    TASKS = {
        **TASKS,
        MACHINE_TRANSLATION_TASKS: {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]},
    }

# HTTPS only, behind a load balancer that terminates TLS and sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = _env_flag("SECURE_SSL_REDIRECT", "true")
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = int(env("SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = _env_flag("SECURE_HSTS_INCLUDE_SUBDOMAINS", "true")
SECURE_HSTS_PRELOAD = _env_flag("SECURE_HSTS_PRELOAD", "true")

# Logs go to standard output, where the process manager collects them.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO").upper()},
    "loggers": {
        "django.security.DisallowedHost": {"handlers": ["console"], "level": "ERROR"},
    },
}
