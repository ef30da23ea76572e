"""A real HTTP server on 127.0.0.1 that serves partner feeds for the import tests; each
test registers what a path answers."""

import http.server
import threading
import time


class Route:
    def __init__(self, body=b"", status=200, headers=None, etag=None, handler=None):
        self.body = body
        self.status = status
        self.headers = headers or {}
        self.etag = etag
        self.handler = handler
        self.hits = 0


class FeedServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), _Handler)
        self.routes = {}

    @property
    def base(self):
        return f"http://127.0.0.1:{self.server_address[1]}"

    def url(self, path):
        return self.base + path

    def serve(self, path, body=b"", **kwargs):
        if isinstance(body, str):
            body = body.encode()
        self.routes[path] = Route(body, **kwargs)
        return self.url(path)


class _Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def do_GET(self):
        route = self.server.routes.get(self.path)
        if route is None:
            self.send_error(404)
            return
        route.hits += 1
        if route.handler is not None:
            route.handler(self)
            return
        if route.etag and self.headers.get("If-None-Match") == route.etag:
            self.send_response(304)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self.send_response(route.status)
        for name, value in route.headers.items():
            self.send_header(name, value)
        if route.etag:
            self.send_header("ETag", route.etag)
        self.send_header("Content-Length", str(len(route.body)))
        self.end_headers()
        self.wfile.write(route.body)


def endless(handler):
    """Streams megabytes without a Content-Length until the client hangs up."""
    handler.send_response(200)
    handler.send_header("Content-Type", "application/rss+xml")
    handler.send_header("Connection", "close")
    handler.end_headers()
    chunk = b"<!-- " + b"x" * (1024 * 1024) + b" -->"
    try:
        for _ in range(60):
            handler.wfile.write(chunk)
    except OSError:
        pass
    handler.close_connection = True


def truncated(body):
    """Promises the whole ``body`` and sends half of it."""

    def handle(handler):
        handler.send_response(200)
        handler.send_header("Content-Type", "text/calendar")
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body[: len(body) // 2])
        handler.wfile.flush()
        handler.close_connection = True

    return handle


def slow(seconds):
    def handle(handler):
        time.sleep(seconds)
        try:
            handler.send_response(200)
            handler.send_header("Content-Length", "0")
            handler.end_headers()
        except OSError:
            pass

    return handle


def start():
    server = FeedServer()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server
