"""Real S3 error responses, from moto's S3 server, explained by Errata three ways in every catalog locale.

Starts moto's S3 server on loopback, provokes the common S3 errors with plain, unsigned HTTP requests and keeps
every raw response (status, headers, body bytes). Each error body is then explained by `errata parse --json`
(the CLI, offline, its bundled catalog), by `errors.explain` on a running errata-server and by errata.js's
`explain` under Node, in every locale the server lists. Every answer must name a specific entry (origin
`service` or `s3`) for the code moto sent (or the entry it is an alias of), in that locale, with the body's
request ID, and the three ways must give the same description. A HEAD's error has no body (S3's and moto's):
its status and headers alone must get the generic answer of its status class from all three ways.

Usage: moto_check.py ERRATA_CLI SERVER_URL NODE_SCRIPT --cache-dir EMPTY_DIRECTORY (see .ci/moto-check)
"""

from __future__ import annotations

import argparse
import http.client
import json
import logging
import subprocess
import sys
import urllib.request
from collections import Counter, defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from xml.etree import ElementTree

from moto.server import ThreadedMotoServer

# Every code the scenarios must provoke: a fixed list, so the check cannot pass by provoking nothing.
EXPECTED_CODES = frozenset({
    "AccessDenied", "AccessForbidden", "BadRequest", "BucketAlreadyExists", "BucketAlreadyOwnedByYou",
    "BucketNotEmpty", "CrossLocationLoggingProhibited", "EntityTooSmall", "IllegalLocationConstraintException",
    "InvalidArgument", "InvalidBucket", "InvalidBucketName", "InvalidBucketState", "InvalidLocationConstraint",
    "InvalidNamespaceHeader", "InvalidObjectState", "InvalidPart", "InvalidPartOrder", "InvalidRange",
    "InvalidRequest", "InvalidStorageClass", "InvalidTag", "InvalidTargetBucketForLogging", "MalformedACLError",
    "MalformedXML", "MethodNotAllowed", "MissingRequestBodyError", "MissingUploadObjectWithObjectLockHeaders",
    "NoSuchBucket", "NoSuchBucketPolicy", "NoSuchCORSConfiguration", "NoSuchInventoryConfig", "NoSuchKey",
    "NoSuchLifecycleConfiguration", "NoSuchPublicAccessBlockConfiguration", "NoSuchTagSet", "NoSuchUpload",
    "NoSuchVersion", "NoSuchWebsiteConfiguration", "ObjectLockConfigurationNotFoundError",
    "ObjectNotInActiveTierError", "OwnershipControlsNotFoundError", "PreconditionFailed",
    "ReplicationConfigurationNotFoundError", "ServerSideEncryptionConfigurationNotFoundError",
})
REQUEST_TIMEOUT = 10  # seconds, for every HTTP request and child process
OTHER_ACCOUNT = "111122223333"  # moto's x-moto-account-id: a bucket owned by someone else


def authorization(region: str) -> dict[str, str]:
    """An Authorization header that signs nothing: moto's server checks no signature, but reads the region from
    the credential scope and answers an object request without one 403 with no body (an anonymous caller)."""
    return {"Authorization": f"AWS4-HMAC-SHA256 Credential=test/20260101/{region}/s3/aws4_request, "
                             "SignedHeaders=host, Signature=0"}


US_EAST_1 = authorization("us-east-1")
EU_WEST_1 = authorization("eu-west-1")


# MARK: - moto


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


def complete_body(parts: list[tuple[int, str]]) -> str:
    """A CompleteMultipartUpload body naming `parts` (number, ETag) in the order given."""
    listed = "".join(f"<Part><PartNumber>{number}</PartNumber><ETag>{etag}</ETag></Part>" for number, etag in parts)
    return f"<CompleteMultipartUpload>{listed}</CompleteMultipartUpload>"


# MARK: - Scenarios

DATA = "/moto-check-data"  # a plain bucket holding one small object
VERSIONED = "/moto-check-versions"
EU = "/moto-check-eu"  # a bucket in eu-west-1
CORS = "/moto-check-cors"
LOCKED = "/moto-check-locked"  # created with Object Lock


def provoke(s3: MotoS3) -> None:
    """Provokes every expected error; moto's answers accumulate in `s3.exchanges`."""
    s3.ok("PUT", DATA)
    s3.ok("PUT", f"{DATA}/object", "hello, errata")
    provoke_buckets(s3)
    provoke_objects(s3)
    provoke_versions(s3)
    provoke_multipart(s3)
    provoke_configurations(s3)
    provoke_object_lock(s3)
    provoke_logging_and_cors(s3)


def provoke_buckets(s3: MotoS3) -> None:
    s3.error("GetObject, no such bucket", "NoSuchBucket", "GET", "/moto-check-missing/object")
    s3.error("CreateBucket, name too short", "InvalidBucketName", "PUT", "/ab")
    s3.error("CreateBucket, someone else's name", "BucketAlreadyExists", "PUT", DATA,
             headers={"x-moto-account-id": OTHER_ACCOUNT})
    s3.ok("PUT", EU, "<CreateBucketConfiguration><LocationConstraint>eu-west-1</LocationConstraint>"
                     "</CreateBucketConfiguration>", EU_WEST_1)
    s3.error("CreateBucket again, from another region", "BucketAlreadyOwnedByYou", "PUT", EU)
    s3.error("CreateBucket, us-east-1 named as constraint", "InvalidLocationConstraint", "PUT", "/moto-check-new",
             "<CreateBucketConfiguration><LocationConstraint>us-east-1</LocationConstraint>"
             "</CreateBucketConfiguration>")
    s3.error("CreateBucket in eu-west-1, no constraint", "IllegalLocationConstraintException", "PUT",
             "/moto-check-new", headers=EU_WEST_1)
    s3.error("CreateBucket, account-regional namespace", "InvalidNamespaceHeader", "PUT", "/moto-check-new",
             headers={"x-amz-bucket-namespace": "account-regional"})
    s3.error("DeleteBucket, not empty", "BucketNotEmpty", "DELETE", DATA)


def provoke_objects(s3: MotoS3) -> None:
    s3.error("GetObject, no such key", "NoSuchKey", "GET", f"{DATA}/missing")
    s3.error("HeadObject, no such key", "NoSuchKey", "HEAD", f"{DATA}/missing")
    s3.error("GetObject, range past the end", "InvalidRange", "GET", f"{DATA}/object",
             headers={"Range": "bytes=100-200"})
    s3.error("GetObject, If-Match another ETag", "PreconditionFailed", "GET", f"{DATA}/object",
             headers={"If-Match": '"00000000000000000000000000000000"'})
    s3.error("PutObject, unknown storage class", "InvalidStorageClass", "PUT", f"{DATA}/shiny", "x",
             {"x-amz-storage-class": "SHINY"})
    s3.ok("PUT", f"{DATA}/cold", "frozen", {"x-amz-storage-class": "GLACIER"})
    s3.error("GetObject, archived", "InvalidObjectState", "GET", f"{DATA}/cold")
    s3.error("CopyObject, archived source", "ObjectNotInActiveTierError", "PUT", f"{DATA}/thawed",
             headers={"x-amz-copy-source": f"{DATA}/cold"})
    s3.error("CopyObject onto itself, nothing changed", "InvalidRequest", "PUT", f"{DATA}/object",
             headers={"x-amz-copy-source": f"{DATA}/object"})
    s3.error("PutObjectTagging, eleven tags", "BadRequest", "PUT", f"{DATA}/object?tagging",
             tagging([(f"k{index}", "v") for index in range(11)]))


def provoke_versions(s3: MotoS3) -> None:
    s3.ok("PUT", VERSIONED)
    s3.ok("PUT", f"{VERSIONED}?versioning",
          "<VersioningConfiguration><Status>Enabled</Status></VersioningConfiguration>")
    s3.ok("PUT", f"{VERSIONED}/object", "version one")
    headers, _ = s3.ok("DELETE", f"{VERSIONED}/object")
    marker = headers["x-amz-version-id"]
    s3.error("GetObject, no such version", "NoSuchVersion", "GET",
             f"{VERSIONED}/object?versionId=3HL4kqtJlcpXroDTDmJ.rmSpXd3dIbrH")
    s3.error("PutObjectTagging on a delete marker", "MethodNotAllowed", "PUT",
             f"{VERSIONED}/object?tagging&versionId={marker}", tagging([("k", "v")]))


def provoke_multipart(s3: MotoS3) -> None:
    _, answer = s3.ok("POST", f"{DATA}/multi?uploads")
    upload = xml_child(answer, "UploadId")
    s3.error("ListParts, no such upload", "NoSuchUpload", "GET", f"{DATA}/multi?uploadId=no-such-upload")
    s3.error("AbortMultipartUpload, no such upload", "NoSuchUpload", "DELETE",
             f"{DATA}/multi?uploadId=no-such-upload")
    s3.error("ListParts, negative max-parts", "InvalidArgument", "GET", f"{DATA}/multi?uploadId={upload}&max-parts=-1")
    s3.error("UploadPart, part number 10001", "InvalidArgument", "PUT",
             f"{DATA}/multi?partNumber=10001&uploadId={upload}", "part")
    s3.error("CompleteMultipartUpload, part never uploaded", "InvalidPart", "POST", f"{DATA}/multi?uploadId={upload}",
             complete_body([(1, '"00000000000000000000000000000000"')]))
    etags = [s3.ok("PUT", f"{DATA}/multi?partNumber={number}&uploadId={upload}", f"part {number}")[0]["etag"]
             for number in (1, 2)]
    # moto compares each part number with 0 only (never with the previous one): part 0 is "out of order".
    s3.error("CompleteMultipartUpload, part 0", "InvalidPartOrder", "POST", f"{DATA}/multi?uploadId={upload}",
             complete_body([(0, etags[0])]))
    s3.error("CompleteMultipartUpload, first part under 5 MiB", "EntityTooSmall", "POST",
             f"{DATA}/multi?uploadId={upload}", complete_body([(1, etags[0]), (2, etags[1])]))


def provoke_configurations(s3: MotoS3) -> None:
    """The bucket subresources, each read before anything set it, and each set wrongly."""
    for subresource, code in [
        ("policy", "NoSuchBucketPolicy"), ("lifecycle", "NoSuchLifecycleConfiguration"),
        ("cors", "NoSuchCORSConfiguration"), ("tagging", "NoSuchTagSet"), ("website", "NoSuchWebsiteConfiguration"),
        ("encryption", "ServerSideEncryptionConfigurationNotFoundError"),
        ("ownershipControls", "OwnershipControlsNotFoundError"),
        ("replication", "ReplicationConfigurationNotFoundError"),
        ("object-lock", "ObjectLockConfigurationNotFoundError"),
        ("publicAccessBlock", "NoSuchPublicAccessBlockConfiguration"), ("inventory&id=weekly", "NoSuchInventoryConfig"),
    ]:
        s3.error(f"Get {subresource.split('&')[0]}, none set", code, "GET", f"{DATA}?{subresource}")
    s3.error("PutBucketTagging, aws: prefix", "InvalidTag", "PUT", f"{DATA}?tagging", tagging([("aws:owner", "me")]))
    s3.error("PutBucketTagging, a key twice", "InvalidTag", "PUT", f"{DATA}?tagging", tagging([("k", "1"), ("k", "2")]))
    s3.error("PutBucketCors, PATCH", "InvalidRequest", "PUT", f"{DATA}?cors",
             "<CORSConfiguration><CORSRule><AllowedMethod>PATCH</AllowedMethod>"
             "<AllowedOrigin>*</AllowedOrigin></CORSRule></CORSConfiguration>")
    s3.error("PutBucketReplication, versioning off", "InvalidRequest", "PUT", f"{DATA}?replication",
             "<ReplicationConfiguration><Role>arn:aws:iam::123456789012:role/r</Role></ReplicationConfiguration>")
    # An element with no attribute at all crashes moto (500): it pops the xmlns attribute unconditionally.
    s3.error("PutPublicAccessBlock, nothing set", "InvalidRequest", "PUT", f"{DATA}?publicAccessBlock",
             '<PublicAccessBlockConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/"/>')
    s3.error("PutBucketAcl, no AccessControlPolicy", "MalformedACLError", "PUT", f"{DATA}?acl", "<AccessControlList/>")
    s3.error("PutBucketAccelerateConfiguration, unknown status", "MalformedXML", "PUT", f"{DATA}?accelerate",
             "<AccelerateConfiguration><Status>Sideways</Status></AccelerateConfiguration>")
    s3.error("PutBucketNotificationConfiguration, not an ARN", "InvalidArgument", "PUT", f"{DATA}?notification",
             "<NotificationConfiguration><QueueConfiguration><Queue>not-an-arn</Queue>"
             "<Event>s3:ObjectCreated:*</Event></QueueConfiguration></NotificationConfiguration>")


def provoke_object_lock(s3: MotoS3) -> None:
    lock = "<ObjectLockConfiguration><ObjectLockEnabled>Enabled</ObjectLockEnabled></ObjectLockConfiguration>"
    s3.error("PutObjectLockConfiguration, no body", "MissingRequestBodyError", "PUT", f"{DATA}?object-lock")
    s3.error("PutObjectLockConfiguration, versioning off", "InvalidBucketState", "PUT", f"{DATA}?object-lock", lock)
    s3.error("PutObjectLockConfiguration, bucket not empty", "InvalidBucket", "PUT", f"{VERSIONED}?object-lock", lock)
    retention = {"x-amz-object-lock-mode": "COMPLIANCE", "x-amz-object-lock-retain-until-date": "2100-01-01T00:00:00Z"}
    s3.error("PutObject with retention, no Content-MD5", "MissingUploadObjectWithObjectLockHeaders", "PUT",
             f"{DATA}/kept", "kept", retention)
    checksum = {**retention, "x-amz-sdk-checksum-algorithm": "CRC32"}
    s3.error("PutObject with retention, bucket without Object Lock", "InvalidRequest", "PUT", f"{DATA}/kept", "kept",
             checksum)
    s3.ok("PUT", LOCKED, headers={"x-amz-bucket-object-lock-enabled": "true"})
    headers, _ = s3.ok("PUT", f"{LOCKED}/kept", "kept", checksum)
    s3.error("DeleteObject, version under retention", "AccessDenied", "DELETE",
             f"{LOCKED}/kept?versionId={headers['x-amz-version-id']}")


def provoke_logging_and_cors(s3: MotoS3) -> None:
    s3.error("PutBucketLogging, no such target", "InvalidTargetBucketForLogging", "PUT", f"{DATA}?logging",
             logging_status("/moto-check-missing"))
    s3.ok("PUT", f"{EU}?acl", headers={"x-amz-acl": "log-delivery-write"})
    s3.error("PutBucketLogging, target in another region", "CrossLocationLoggingProhibited", "PUT",
             f"{DATA}?logging", logging_status(EU))
    s3.ok("PUT", CORS)
    s3.ok("PUT", f"{CORS}?cors", "<CORSConfiguration><CORSRule><AllowedMethod>GET</AllowedMethod><AllowedOrigin>"
                                 "https://console.example</AllowedOrigin></CORSRule></CORSConfiguration>")
    s3.error("CORS preflight, origin not allowed", "AccessForbidden", "OPTIONS", f"{CORS}/object",
             headers={"Origin": "https://elsewhere.example", "Access-Control-Request-Method": "GET"})


def tagging(tags: list[tuple[str, str]]) -> str:
    listed = "".join(f"<Tag><Key>{key}</Key><Value>{value}</Value></Tag>" for key, value in tags)
    return f"<Tagging><TagSet>{listed}</TagSet></Tagging>"


def logging_status(target: str) -> str:
    return (f"<BucketLoggingStatus><LoggingEnabled><TargetBucket>{target.lstrip('/')}</TargetBucket>"
            "<TargetPrefix>logs/</TargetPrefix></LoggingEnabled></BucketLoggingStatus>")


# MARK: - Explaining


@dataclass(frozen=True)
class Question:
    """One error response to explain in one locale."""

    exchange: Exchange
    locale: str

    @property
    def params(self) -> dict:
        """The `errors.explain` params; errata.js's `explain` takes the same body, status and headers."""
        body = {"body": self.exchange.body.decode()} if self.exchange.body else {}
        return {**body, "httpStatus": self.exchange.status, "headers": self.exchange.headers, "locale": self.locale}


class Ways:
    """The three ways to explain a response: the CLI, the server's `errors.explain`, errata.js under Node."""

    names = ("cli", "rpc", "js")

    def __init__(self, cli: str, server: str, node_script: str, cache_directory: str) -> None:
        self.cli, self.server, self.node_script, self.cache_directory = cli, server, node_script, cache_directory

    def locales(self) -> list[str]:
        with urllib.request.urlopen(f"{self.server}/v1/locales", timeout=REQUEST_TIMEOUT) as response:
            return [locale["tag"] for locale in json.load(response)]

    def explain(self, questions: list[Question]) -> dict[str, list[dict]]:
        """Each way's answer to every question, in order: an explain result, or `{"failure": why}`."""
        with ThreadPoolExecutor(max_workers=4) as pool:
            node = pool.submit(self.explain_with_node, questions)
            rpc = pool.submit(self.explain_with_rpc, questions)
            cli = list(pool.map(self.explain_with_cli, questions))
            return {"cli": cli, "rpc": rpc.result(), "js": node.result()}

    def explain_with_cli(self, question: Question) -> dict:
        """`errata parse - --json`: offline, the CLI's bundled catalog (an empty cache directory holds no other)."""
        # No file argument for a bodiless HEAD: with --header, the CLI then reads the headers alone.
        arguments = [self.cli, "parse", *(["-"] if question.exchange.body else []), "--json",
                     "--status", str(question.exchange.status), "--locale", question.locale,
                     "--cache-dir", self.cache_directory]
        for name, value in question.exchange.headers.items():
            arguments += ["--header", f"{name}: {value}"]
        try:
            run = subprocess.run(arguments, input=question.exchange.body, capture_output=True, timeout=REQUEST_TIMEOUT)
        except subprocess.TimeoutExpired:
            return {"failure": f"errata parse did not finish in {REQUEST_TIMEOUT} s"}
        try:
            result = json.loads(run.stdout)
        except ValueError:
            return {"failure": f"exit {run.returncode}, not JSON: {(run.stdout + run.stderr)[:300]!r}"}
        # Exit status 0 when known, 1 when not: a disagreement is a failure of its own.
        if run.returncode != (0 if result.get("known") else 1):
            return {"failure": f"exit {run.returncode} for known={result.get('known')}"}
        return result

    def explain_with_rpc(self, questions: list[Question]) -> list[dict]:
        """`errors.explain` over JSON-RPC, in batches of the server's 100 calls at most."""
        answers: list[dict] = []
        for start in range(0, len(questions), 100):
            chunk = questions[start:start + 100]
            batch = [{"jsonrpc": "2.0", "id": index, "method": "errors.explain", "params": question.params}
                     for index, question in enumerate(chunk)]
            request = urllib.request.Request(f"{self.server}/rpc", data=json.dumps(batch).encode(),
                                             headers={"Content-Type": "application/json"})
            try:
                with urllib.request.urlopen(request, timeout=REQUEST_TIMEOUT) as response:
                    by_id = {answer.get("id"): answer for answer in json.load(response)}
            except (OSError, ValueError) as error:  # a refused batch (HTTPError), a timeout, a body not JSON
                by_id = {index: {"error": str(error)} for index in range(len(chunk))}
            for index in range(len(chunk)):
                answer = by_id.get(index, {"error": "no answer in the batch"})
                answers.append(answer["result"] if "result" in answer else {"failure": f"error {answer.get('error')}"})
        return answers

    def explain_with_node(self, questions: list[Question]) -> list[dict]:
        """errata.js's `explain`, in one Node process for all questions."""
        payload = json.dumps({"server": self.server, "questions": [question.params for question in questions]})
        try:
            run = subprocess.run(["node", self.node_script], input=payload.encode(), capture_output=True,
                                 timeout=6 * REQUEST_TIMEOUT)
        except subprocess.TimeoutExpired:
            return [{"failure": "node did not finish in time"}] * len(questions)
        try:
            answers = json.loads(run.stdout) if run.returncode == 0 else None
        except ValueError:
            answers = None
        if not isinstance(answers, list) or len(answers) != len(questions):
            return [{"failure": f"node exited {run.returncode}: {(run.stdout + run.stderr)[-300:]!r}"}] * len(questions)
        return answers


# MARK: - Checking

SPECIFIC_ORIGINS = {"service", "s3"}


def problems_with(answer: dict, question: Question) -> list[str]:
    """What is wrong with one way's answer to one question; empty when it is right."""
    if "failure" in answer:
        return [answer["failure"]]
    exchange, description = question.exchange, answer.get("description") or {}
    generic = exchange.generic_variant is not None
    if answer.get("known") is not (not generic):  # a wrong kind of answer: the rest would only list how it differs
        return [f"known is {answer.get('known')!r}, described as {description.get('code')!r} "
                f"(suggestions {answer.get('suggestions')})"]
    problems = []
    if generic:
        expected = {"code": "UnrecognizedError", "variant": exchange.generic_variant, "origin": "generic",
                    "requestedCode": None}
        problems += [f"{key} is {description.get(key)!r}, not {value!r}"
                     for key, value in expected.items() if description.get(key) != value]
    else:
        if description.get("origin") not in SPECIFIC_ORIGINS:
            problems.append(f"origin is {description.get('origin')!r}, not service or s3")
        if exchange.code not in (description.get("code"), description.get("requestedCode")):
            problems.append(f"code {description.get('code')!r}, requestedCode {description.get('requestedCode')!r}")
        request_id = (answer.get("response") or {}).get("requestId")
        if request_id != exchange.request_id:
            problems.append(f"response.requestId is {request_id!r}, the body says {exchange.request_id!r}")
    if description.get("locale") != question.locale:
        problems.append(f"locale is {description.get('locale')!r}")
    if description.get("fallback") is not False:
        problems.append(f"fallback is {description.get('fallback')!r}")
    for text in ("message", "remediation"):
        if not str(description.get(text) or "").strip():
            problems.append(f"{text} is empty")
    return problems


# The CLI explains offline from its bundled catalog: no server to make a `docsUrl`, and the bundle's own
# revision number (a fresh server imports the same catalog as revision 1).
OFFLINE_ONLY_MEMBERS = {"docsUrl", "revision"}


def disagreement(answers: dict[str, dict]) -> str | None:
    """How the ways' descriptions differ (errata.js against the server exactly, the CLI against the server but
    for what only a server can say), or `None` when they agree or a way failed (reported on its own)."""
    if any("failure" in answer for answer in answers.values()):
        return None
    server = answers["rpc"].get("description") or {}
    for way, ignored in (("js", set()), ("cli", OFFLINE_ONLY_MEMBERS)):
        description = answers[way].get("description") or {}
        keys = sorted(key for key in (set(server) | set(description)) - ignored
                      if server.get(key) != description.get(key))
        if keys:
            return "; ".join(f"{key}: rpc {server.get(key)!r}, {way} {description.get(key)!r}" for key in keys)
    return None


def check(exchanges: list[Exchange], ways: Ways) -> int:
    """Explains every error body every way in every locale; prints a table and each failure; the exit status."""
    failures: list[str] = []
    provoked = {exchange.code for exchange in exchanges}
    for code in sorted(EXPECTED_CODES - provoked):
        failures.append(f"{code}: not provoked (no scenario got it from moto)")
    explained = []
    for exchange in exchanges:
        if exchange.is_head_quirk:
            if exchange.generic_variant is None:
                failures.append(f"{exchange.scenario}: HEAD answered {exchange.status} without a body")
            else:
                explained.append(exchange)
        elif exchange.code is None:
            failures.append(f"{exchange.scenario}: {exchange.method} {exchange.path} answered {exchange.status} "
                            f"without an XML error body: {exchange.body[:300]!r}")
        elif exchange.code != exchange.expected_code:
            failures.append(f"{exchange.scenario}: expected {exchange.expected_code}, moto answered "
                            f"{exchange.status} {exchange.code}")
        elif exchange.request_id is None:
            failures.append(f"{exchange.scenario}: moto's body has no <RequestId> to carry: {exchange.body[:300]!r}")
        else:
            explained.append(exchange)

    locales = ways.locales()
    questions = [Question(exchange, locale) for exchange in explained for locale in locales]
    answers = ways.explain(questions)
    failed_cells: Counter[tuple[str, str]] = Counter()  # (row, way or "agree") → failed answers, all locales
    failed_locales: dict[tuple[str, str, str], list[str]] = defaultdict(list)  # one line for all locales alike
    for index, question in enumerate(questions):
        by_way = {way: answers[way][index] for way in Ways.names}
        row, label = question.exchange.row, f"{question.exchange.row} [{question.exchange.scenario}]"
        for way, answer in by_way.items():
            if problems := problems_with(answer, question):
                failed_cells[row, way] += 1
                failed_locales[label, way, "; ".join(problems)].append(question.locale)
        if difference := disagreement(by_way):
            failed_cells[row, "agree"] += 1
            failed_locales[label, "the ways differ", difference].append(question.locale)
    for (label, way, problem), in_locales in failed_locales.items():
        failures.append(f"{label} {way} in {' '.join(in_locales)}: {problem}")
    answered_by = {question.exchange.row: answer.get("description") or {}
                   for question, answer in zip(questions, answers["rpc"])}

    print_table(exchanges, failed_cells, answered_by)
    for failure in failures:
        print(f"FAIL {failure}")
    print(f"moto-check: {len(exchanges)} responses, {len(explained)} explained × {len(locales)} locales "
          f"({' '.join(locales)}) × {len(Ways.names)} ways: "
          + (f"{len(failures)} failures" if failures else "all explained"))
    return 1 if failures else 0


def print_table(exchanges: list[Exchange], failed_cells: Counter[tuple[str, str]],
                answered_by: dict[str, dict]) -> None:
    """One row per code moto gave (and per bodiless HEAD): its responses, per way how many of its answers (all
    locales) failed, and the entry the server answered with."""
    columns = [*Ways.names, "agree"]
    rows = sorted({exchange.row for exchange in exchanges})
    width = max(len(row) for row in rows)
    print(f"{'code':<{width}}  resp  " + "  ".join(f"{column:>5}" for column in columns) + "  entry")
    for row in rows:
        count = sum(1 for exchange in exchanges if exchange.row == row)
        if row == Exchange.bodiless_row:
            print(f"{row:<{width}}  {count:>4}  not explained: no code to read (each is a failure below)")
            continue
        cells = [f"{failed_cells[row, column]:>4}!" if failed_cells[row, column] else "   ok" for column in columns]
        print(f"{row:<{width}}  {count:>4}  " + "  ".join(cells) + f"  {entry_label(answered_by.get(row, {}))}")


def entry_label(description: dict) -> str:
    """The entry the server answered with, as the table names it: its origin, what an alias or generic answer is."""
    if description.get("origin") == "generic":
        return f"generic ({description.get('code')} {description.get('variant')})"
    alias = f" (alias of {description.get('code')})" if description.get("requestedCode") else ""
    return f"{description.get('origin', '-')}{alias}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("cli", help="the errata executable")
    parser.add_argument("server", help="a running errata-server's base URL")
    parser.add_argument("node_script", help="moto_explain.mjs")
    parser.add_argument("--cache-dir", required=True, help="an empty directory for the CLI's cache")
    arguments = parser.parse_args()
    with MotoS3() as s3:
        provoke(s3)
    ways = Ways(arguments.cli, arguments.server.rstrip("/"), arguments.node_script, arguments.cache_dir)
    return check(s3.exchanges, ways)


if __name__ == "__main__":
    sys.exit(main())
