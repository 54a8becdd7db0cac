"""Container health check: GET a path over TCP or a unix socket, exit 0 only on HTTP 200.

Rendered by Stackwright from templates/sidecar/healthcheck.py.hbs. Standard library only, so the app images need no
curl. Usage: healthcheck.py --tcp 127.0.0.1:8000 /healthz | healthcheck.py --unix /run/sidecar/gunicorn.sock /healthz
"""

import http.client
import socket
import sys

TIMEOUT_SECONDS = 2


class UnixHTTPConnection(http.client.HTTPConnection):
    def __init__(self, path):
        super().__init__("localhost", timeout=TIMEOUT_SECONDS)
        self.socket_path = path

    def connect(self):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.settimeout(TIMEOUT_SECONDS)
        self.sock.connect(self.socket_path)


def main(argv):
    if len(argv) != 3 or argv[0] not in ("--tcp", "--unix"):
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    kind, target, path = argv
    if kind == "--unix":
        conn = UnixHTTPConnection(target)
    else:
        host, _, port = target.rpartition(":")
        conn = http.client.HTTPConnection(host, int(port), timeout=TIMEOUT_SECONDS)
    try:
        conn.request("GET", path, headers={"User-Agent": "sidecar-healthcheck"})
        status = conn.getresponse().status
    except OSError as err:
        print(f"unhealthy: {err}", file=sys.stderr)
        return 1
    finally:
        conn.close()
    if status != 200:
        print(f"unhealthy: HTTP {status}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
