from .base import *  # noqa: F403
from .base import BASE_DIR, MACHINE_TRANSLATION_TASKS, TASKS

DEBUG = False
SECRET_KEY = "test-only-not-secret"
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = BASE_DIR / ".test-media"
WAGTAILADMIN_BASE_URL = "http://testserver"
# Tests change pages directly in the database; the page cache has tests of its own.
KUPFERSTADT_PAGE_CACHE_SECONDS = 0
# Machine translations run at once, in the test's process; a test that needs the queue and
# the worker switches to the database backend itself.
TASKS = {
    **TASKS,
    MACHINE_TRANSLATION_TASKS: {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
}
# The feed tests serve their feeds from a local HTTP server on 127.0.0.1.
KUPFERSTADT_FEEDS_ALLOW_LOOPBACK = True
KUPFERSTADT_FEEDS_TIMEOUT = 2
