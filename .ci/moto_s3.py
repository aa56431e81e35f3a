"""moto's S3 server on loopback for .ci/moto_check.py, and the raw responses it gives to plain HTTP requests."""

from __future__ import annotations

import http.client
import logging
from dataclasses import dataclass
from xml.etree import ElementTree

from moto.server import ThreadedMotoServer

REQUEST_TIMEOUT = 10  # seconds, for every HTTP request and child process


def authorization(region: str) -> dict[str, str]:
    """An Authorization header that signs nothing: moto's server checks no signature, but reads the region from
    the credential scope and answers an object request without one 403 with no body (an anonymous caller)."""
    return {"Authorization": f"AWS4-HMAC-SHA256 Credential=test/20260101/{region}/s3/aws4_request, "
                             "SignedHeaders=host, Signature=0"}


US_EAST_1 = authorization("us-east-1")
EU_WEST_1 = authorization("eu-west-1")


@dataclass
class Exchange:
    """One request provoking an error, and moto's raw answer."""

    scenario: str
    expected_code: str
    method: str
    path: str
    status: int
    headers: dict[str, str]
    body: bytes

    @property
    def xml_fields(self) -> dict[str, str]:
        """The children of the body's <Error> element; empty when the body is not an XML error."""
        try:
            root = ElementTree.fromstring(self.body)
        except ElementTree.ParseError:
            return {}
        return {child.tag: child.text or "" for child in root} if root.tag == "Error" else {}

    @property
    def code(self) -> str | None:
        return self.xml_fields.get("Code")

    @property
    def request_id(self) -> str | None:
        """The body's request ID: moto writes `<RequestId>` (and the same value in an `x-amzn-requestid` header)."""
        return self.xml_fields.get("RequestId")

    bodiless_row = "(no XML error body)"

    @property
    def row(self) -> str:
        """The summary table's row: the code, the HEAD, or one row for all other responses without a code."""
        return self.code or (f"HEAD {self.status} (no body)" if self.is_head_quirk else self.bodiless_row)

    @property
    def is_head_quirk(self) -> bool:
        """A HEAD answers headers only: S3 (and moto) send no body, so there is no code to explain."""
        return self.method == "HEAD" and not self.body

    @property
    def generic_variant(self) -> str | None:
        """The `UnrecognizedError` variant a bodiless HEAD's status class gets; `None` for a response with a code."""
        return {404: "missing", 403: "permission", 409: "conflict"}.get(self.status) if self.is_head_quirk else None


class MotoS3:
    """moto's S3 server on a free loopback port, spoken to with plain HTTP."""

    def __init__(self) -> None:
        logging.getLogger("werkzeug").setLevel(logging.ERROR)  # no access log on stderr
        self.server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
        self.exchanges: list[Exchange] = []

    def __enter__(self) -> MotoS3:
        self.server.start()
        self.host, self.port = self.server.get_host_and_port()
        return self

    def __exit__(self, *_: object) -> None:
        self.server.stop()

    def send(self, method: str, path: str, body: bytes | str = b"",
             headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
        connection = http.client.HTTPConnection(self.host, self.port, timeout=REQUEST_TIMEOUT)
        try:
            connection.request(method, path, body=body.encode() if isinstance(body, str) else body,
                               headers={**US_EAST_1, **(headers or {})})
            response = connection.getresponse()
            # Names lowercased; moto sends `Server` twice, the last one wins (no header here repeats otherwise).
            return response.status, {name.lower(): value for name, value in response.getheaders()}, response.read()
        finally:
            connection.close()

    def ok(self, method: str, path: str, body: bytes | str = b"",
           headers: dict[str, str] | None = None) -> tuple[dict[str, str], bytes]:
        """A setup step: it must succeed; answers its headers and body."""
        status, response_headers, answer = self.send(method, path, body, headers)
        if not 200 <= status < 300:
            raise SystemExit(f"moto-check: setup {method} {path} answered {status}: {answer[:500]!r}")
        return response_headers, answer

    def error(self, scenario: str, expected_code: str, method: str, path: str, body: bytes | str = b"",
              headers: dict[str, str] | None = None) -> None:
        """A request that must fail with `expected_code`; its raw answer is kept."""
        status, response_headers, answer = self.send(method, path, body, headers)
        self.exchanges.append(Exchange(scenario, expected_code, method, path, status, response_headers, answer))


def xml_child(body: bytes, name: str) -> str:
    """The text of the first element named `name` in an XML answer (moto's namespaced or not)."""
    for element in ElementTree.fromstring(body).iter():
        if element.tag.rsplit("}", 1)[-1] == name:
            return element.text or ""
    raise SystemExit(f"moto-check: no <{name}> in {body[:500]!r}")
