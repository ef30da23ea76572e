"""gunicorn for one app server: ``gunicorn -c kupferstadt/gunicorn.conf.py``.

Every value can be overridden from the environment (docs/deployment.md). Threads keep a
worker responsive while it streams a document from object storage or waits on Redis.
"""

import multiprocessing
import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kupferstadt.settings.production")

wsgi_app = "kupferstadt.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", f"0.0.0.0:{os.environ.get('PORT', '8000')}")
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
worker_class = "gthread"
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
keepalive = 5
# A worker is replaced after this many requests (with jitter), so a slow leak cannot grow.
# Not much more often: a fresh worker answers its first requests slowly (connections,
# templates), which under load showed as seconds-long outliers (benchmarks/load.py).
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "10000"))
max_requests_jitter = max_requests // 10
# The load balancer's address; X-Forwarded-Proto/-For are trusted only from there.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info").lower()
# Load the application once before forking: less memory, and a broken configuration
# (missing DJANGO_SECRET_KEY) stops the start instead of every worker.
preload_app = True
