"""A real errata-server process for the browser tests: its own database, a free port, CORS for the console."""

import json
import os
import re
import signal
import subprocess
import tempfile
import urllib.request
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[2]
LISTENING = re.compile(r"^errata-server: listening on (http://\S+)$")


def server_binary() -> Path:
    """The errata-server to test: $ERRATA_SERVER, else this checkout's debug build. Missing is a failure."""
    path = Path(os.environ.get("ERRATA_SERVER", REPOSITORY / ".build" / "debug" / "errata-server"))
    if not path.is_file():
        raise FileNotFoundError(f"no errata-server at {path}: run `swift build` or set ERRATA_SERVER")
    return path


class ErrataServer:
    """Starts `errata-server serve` on a free loopback port and stops it; tokens are made with `token create`."""

    def __init__(self, cors_origins=(), database: Path | None = None):
        self.directory = tempfile.TemporaryDirectory(prefix="errata-browser-")
        self.database = database or Path(self.directory.name) / "errata.sqlite"
        self.cors_origins = list(cors_origins)
        self.process = None
        self.url = None

    def start(self):
        arguments = [str(server_binary()), "serve", "--port", "0", "--database", str(self.database),
                     "--localizations", str(REPOSITORY / "Localizations")]
        for origin in self.cors_origins:
            arguments += ["--cors-origin", origin]
        log = open(Path(self.directory.name) / "server.log", "ab")
        self.process = subprocess.Popen(arguments, stdout=subprocess.PIPE, stderr=log, text=True)
        # serve names its address on stdout once it listens; a process that ends first is a failure.
        for line in self.process.stdout:
            match = LISTENING.match(line.strip())
            if match:
                self.url = match.group(1)
                return self
        raise RuntimeError(f"errata-server ended before listening (exit {self.process.wait()})")

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            self.process.wait(timeout=60)

    def close(self):
        self.stop()
        self.directory.cleanup()

    def token(self, scope: str, name: str) -> str:
        """Creates a token of `scope`; `token create` prints it once."""
        output = subprocess.run([str(server_binary()), "token", "create", "--name", name, "--scope", scope,
                                 "--database", str(self.database)], check=True, capture_output=True, text=True)
        return output.stdout.strip()

    def import_files(self, directory: Path) -> str:
        """Runs `errata-server import` of a Localizations/ directory into this server's database; answers its output."""
        output = subprocess.run([str(server_binary()), "import", str(directory), "--database", str(self.database)],
                                check=True, capture_output=True, text=True)
        return output.stdout

    def locale_tags(self) -> list[str]:
        """The catalog's locales, in its order."""
        return [locale["tag"] for locale in self.rpc("locales.list", {})]

    def translation_tags(self) -> list[str]:
        """The catalog's locales other than its source language, English."""
        return [tag for tag in self.locale_tags() if tag != "en"]

    def rpc(self, method: str, params: dict, token: str | None = None):
        """One JSON-RPC call; answers the result, raises on an error object."""
        body = json.dumps({"jsonrpc": "2.0", "id": 1, "method": method, "params": params}).encode()
        request = urllib.request.Request(self.url + "/rpc", data=body, headers={"Content-Type": "application/json"})
        if token:
            request.add_header("Authorization", f"Bearer {token}")
        with urllib.request.urlopen(request, timeout=30) as response:
            answer = json.load(response)
        if "error" in answer:
            raise RuntimeError(f"{method}: {answer['error']}")
        return answer["result"]

    def get(self, path: str, headers=None):
        """A GET answering (status, headers, body text)."""
        request = urllib.request.Request(self.url + path, headers=headers or {})
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return response.status, response.headers, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read().decode()
