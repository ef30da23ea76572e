"""Fetching a partner feed without letting an editor make the server probe the internal
network: http(s) only, every address the host name resolves to checked (also after each
redirect), a timeout, a size limit read while streaming and a limit on redirects;
conditional requests with ETag and Last-Modified.

Every failure is a ``FeedError`` whose text is German: it is shown to the editors as the
feed's last error."""

import ipaddress
import socket
import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import requests
from django.conf import settings
from django.utils.translation import gettext as _


class FeedError(Exception):
    """A feed could not be fetched or read; the message is for the editors (German)."""


@dataclass
class FetchResult:
    url: str
    content: bytes | None  # None: not modified since the last fetch (HTTP 304)
    content_type: str = ""
    etag: str = ""
    last_modified: str = ""

    @property
    def not_modified(self):
        return self.content is None


def _refused_address(ip):
    """Why ``ip`` must not be fetched, or None. Loopback only where the setting allows it
    (the tests' local server)."""
    if ip.version == 6 and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    if ip.is_loopback:
        return None if settings.KUPFERSTADT_FEEDS_ALLOW_LOOPBACK else "loopback"
    if (
        ip.is_private
        or ip.is_link_local
        or ip.is_multicast
        or ip.is_reserved
        or ip.is_unspecified
        or not ip.is_global
    ):
        return "private"
    return None


def check_url(url, allow_http=False):
    """Raises FeedError unless ``url`` is http(s) and its host resolves to public
    addresses only."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme == "http" and not allow_http:
        raise FeedError(
            _(
                "Die Adresse %(url)s ist unverschlüsselt (http://); sie wird nur abgerufen, "
                "wenn „Unverschlüsseltes http erlauben“ angekreuzt ist."
            )
            % {"url": url}
        )
    if scheme not in ("http", "https"):
        raise FeedError(
            _("Die Adresse %(url)s kann nicht abgerufen werden: nur https:// ist erlaubt.")
            % {"url": url}
        )
    host = parts.hostname
    if not host:
        raise FeedError(_("Die Adresse %(url)s enthält keinen Servernamen.") % {"url": url})
    try:
        port = parts.port or (443 if scheme == "https" else 80)
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError, ValueError) as error:
        raise FeedError(
            _("Der Server %(host)s ist nicht bekannt (Adresse prüfen).") % {"host": host}
        ) from error
    for info in infos:
        ip = ipaddress.ip_address(info[4][0].split("%", 1)[0])
        if _refused_address(ip):
            raise FeedError(
                _(
                    "Die Adresse %(url)s führt in ein internes Netz (%(ip)s) und wird aus "
                    "Sicherheitsgründen nicht abgerufen."
                )
                % {"url": url, "ip": ip}
            )


def _check_peer(response, url):
    """The address actually connected to must pass the same check: a name that resolved
    to a public address a moment ago may resolve to an internal one now (DNS rebinding).
    Nothing of the answer is read before this."""
    try:
        peer = response.raw._connection.sock.getpeername()[0]
    except (AttributeError, OSError, TypeError):
        return  # connection already handed back (empty answer): nothing will be read
    ip = ipaddress.ip_address(peer.split("%", 1)[0])
    if _refused_address(ip):
        raise FeedError(
            _(
                "Die Adresse %(url)s führt in ein internes Netz (%(ip)s) und wird aus "
                "Sicherheitsgründen nicht abgerufen."
            )
            % {"url": url, "ip": ip}
        )


def _read_limited(response, limit, deadline):
    chunks, size = [], 0
    declared = response.headers.get("Content-Length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise _too_large(limit)
    for chunk in response.iter_content(chunk_size=16 * 1024):
        size += len(chunk)
        if size > limit:
            raise _too_large(limit)
        if time.monotonic() > deadline:
            raise _timeout()
        chunks.append(chunk)
    return b"".join(chunks)


def _too_large(limit):
    return FeedError(
        _("Der Feed ist größer als %(mb)s MB und wurde nicht eingelesen.")
        % {"mb": round(limit / 1024 / 1024, 1)}
    )


def _timeout():
    return FeedError(
        _("Der Server des Feeds hat nicht rechtzeitig geantwortet (nach %(seconds)s Sekunden).")
        % {"seconds": settings.KUPFERSTADT_FEEDS_TIMEOUT}
    )


def fetch(url, *, allow_http=False, etag="", last_modified=""):
    """The feed at ``url`` as a FetchResult; follows at most KUPFERSTADT_FEEDS_MAX_REDIRECTS
    redirects, checking every address before connecting."""
    timeout = settings.KUPFERSTADT_FEEDS_TIMEOUT
    limit = settings.KUPFERSTADT_FEEDS_MAX_BYTES
    deadline = time.monotonic() + timeout * 3
    headers = {
        "User-Agent": "Kupferstadt-Feedimport/1.0",
        "Accept": "text/calendar, application/rss+xml, application/atom+xml, "
        "application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1",
    }
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    seen = set()
    with requests.Session() as session:
        session.trust_env = False  # no proxy from the environment decides where we connect
        for _hop in range(settings.KUPFERSTADT_FEEDS_MAX_REDIRECTS + 1):
            if url in seen:
                break
            seen.add(url)
            check_url(url, allow_http)
            try:
                response = session.get(
                    url, headers=headers, timeout=timeout, stream=True, allow_redirects=False
                )
            except requests.Timeout as error:
                raise _timeout() from error
            except requests.RequestException as error:
                raise FeedError(
                    _("Der Feed ist nicht erreichbar (%(url)s).") % {"url": url}
                ) from error
            with response:
                _check_peer(response, url)
                if response.is_redirect:
                    url = urljoin(url, response.headers["Location"])
                    continue
                if response.status_code == 304:
                    return FetchResult(url, None, etag=etag, last_modified=last_modified)
                if response.status_code >= 400:
                    raise FeedError(
                        _("Der Server des Feeds antwortete mit dem Fehler %(status)s.")
                        % {"status": response.status_code}
                    )
                try:
                    content = _read_limited(response, limit, deadline)
                except requests.exceptions.ConnectionError as error:
                    # urllib3 raises this when fewer bytes arrive than Content-Length said;
                    # a read timeout while streaming arrives here too.
                    if isinstance(error.__context__, TimeoutError) or "timed out" in str(error):
                        raise _timeout() from error
                    raise FeedError(_("Der Feed kam unvollständig an.")) from error
                except requests.RequestException as error:
                    raise FeedError(_("Der Feed kam unvollständig an.")) from error
                return FetchResult(
                    url,
                    content,
                    content_type=response.headers.get("Content-Type", ""),
                    etag=response.headers.get("ETag", ""),
                    last_modified=response.headers.get("Last-Modified", ""),
                )
    raise FeedError(_("Der Feed leitet zu oft oder im Kreis weiter."))
