# gunicorn for the "sharedvol" sidecar variant. Rendered by Stackwright from templates/sidecar/gunicorn.conf.py.hbs.
# Start with `gunicorn --config THIS_FILE`; the app module is found through `chdir`.

wsgi_app = "app:app"
chdir = "/app"

# The original experiment: starlette under the uvicorn worker class, one worker.
worker_class = "uvicorn.workers.UvicornWorker"
workers = 1

# A unix socket on the volume nginx also mounts.
bind = ["unix:/run/sidecar/gunicorn.sock"]
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
