"""The admin console's origin until errata-server serves it: `Sources/ErrataWeb/Resources/admin/` at `/admin/`
and `POST /rpc` forwarded to a live errata-server, on one origin, with the console's Content-Security-Policy."""

import http.server
import threading
import urllib.error
import urllib.request

from errata_server import REPOSITORY

CONSOLE = REPOSITORY / "Sources" / "ErrataWeb" / "Resources" / "admin"
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; "
       "base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
TYPES = {".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8"}


class ConsoleHandler(http.server.BaseHTTPRequestHandler):
    """GET /admin and /admin/<file> from CONSOLE; POST /rpc to `self.server.upstream`."""

    def do_GET(self):
        path = self.path.split("?", 1)[0]
        name = "index.html" if path in ("/admin", "/admin/") else path.removeprefix("/admin/")
        file = (CONSOLE / name).resolve()
        if not path.startswith("/admin") or file.parent != CONSOLE.resolve() or not file.is_file():
            return self.answer(404, "text/plain", b"not found")
        self.answer(200, TYPES.get(file.suffix, "application/octet-stream"), file.read_bytes())

    def do_POST(self):
        if self.path != "/rpc":
            return self.answer(404, "text/plain", b"not found")
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        request = urllib.request.Request(self.server.upstream + "/rpc", data=body, method="POST")
        for header in ("Content-Type", "Authorization"):
            if self.headers.get(header):
                request.add_header(header, self.headers[header])
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                status, content_type, payload = response.status, response.headers.get("Content-Type"), response.read()
        except urllib.error.HTTPError as error:
            status, content_type, payload = error.code, error.headers.get("Content-Type"), error.read()
        self.answer(status, content_type or "application/json", payload)

    def answer(self, status: int, content_type: str, body: bytes):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Content-Security-Policy", CSP)
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        if body and status != 204:
            self.wfile.write(body)

    def log_message(self, format, *args):
        pass


class AdminOrigin:
    """Serves the console for `errata` (an ErrataServer) on a free loopback port; `url` is the console's address."""

    def __init__(self, errata):
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), ConsoleHandler)
        self.server.upstream = errata.url
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/admin"

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()
