from . import base
from .base import *  # noqa: F403
from .base import env

DEBUG = True
SECRET_KEY = env("DJANGO_SECRET_KEY", "dev-only-not-secret-kupferstadt")
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

# Without a DeepL or LibreTranslate key, development translates with wagtail-localize's
# dummy translator (it reverses the words), so the button can be tried out.
if not hasattr(base, "WAGTAILLOCALIZE_MACHINE_TRANSLATOR"):
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator",
    }
