# gunicorn for the "tcp" sidecar variant. Rendered by Stackwright from templates/sidecar/gunicorn.conf.py.hbs.
# Start with `gunicorn --config THIS_FILE`; the app module is found through `chdir`.

wsgi_app = "app:app"
chdir = "/app"

# The original experiment: starlette under the uvicorn worker class, one worker.
worker_class = "uvicorn.workers.UvicornWorker"
workers = 1

# Loopback only: nginx shares the network namespace.
bind = ["127.0.0.1:8000"]
# A unix socket is created rw for the owner and group only; nginx reaches it through the shared group.
umask = 0o007

# Longer than nginx's upstream keepalive_timeout (30s), so nginx always closes an idle connection first.
keepalive = 75
timeout = 30
graceful_timeout = 10

# Errors to stderr, no access log (nginx sits in front; logging every request would weigh on the measurement).
errorlog = "-"
accesslog = None
loglevel = "warning"
proc_name = "sidecar-app"
