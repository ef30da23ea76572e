"""The answer when the database cannot be reached: a static German page with status 503.

Django turns every uncaught exception into a call of ``handler500``. When the cause is a
lost database connection, visitors get "Wartungsarbeiten" (503, ``Retry-After``) instead of
"Technischer Fehler", and nothing of the error. Nothing here touches the database. Django
drops the broken connection at the end of the request; the next request connects anew,
so the site recovers without a restart once the database is back.
"""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponseServerError
from django.template import loader

RETRY_AFTER_SECONDS = 60


def server_error(request, *args, **kwargs):
    error = sys.exc_info()[1]
    if isinstance(error, OperationalError | InterfaceError):
        response = HttpResponseServerError(loader.get_template("503.html").render())
        response.status_code = 503
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        response["Cache-Control"] = "no-store"
        return response
    return HttpResponseServerError(loader.get_template("500.html").render())
