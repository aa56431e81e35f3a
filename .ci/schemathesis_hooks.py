"""Schemathesis hooks for Errata's CI run (`.ci/schemathesis`): a JSON-RPC-aware check for POST /rpc.

POST /rpc answers every JSON-RPC call with HTTP 200, errors included (see the operation's
description in openapi.yaml), so the generic `negative_data_rejection` check (a schema-violating
request must get a 4xx) can only look at the status there: `.ci/schemathesis.toml` lets it
accept the statuses JSON-RPC rejects with (200, 204, 400, 413, 415) for that one operation.
This check supplies what a status cannot show: it reads the answer as JSON-RPC 2.0, call by
call, against the request that was sent. It is registered with `@schemathesis.check`, so
`--checks all` includes it.

For every 200 or 204 answer of POST /rpc, positive or negative test case alike:

* the answers line up with the calls: one per call that JSON-RPC 2.0 answers (a call with an
  `id`, or an invalid request object), none for a notification, in call order, under the call's
  `id` (`null` when the id itself was invalid), an array exactly when the body was a batch;
  a body that is not JSON, not a request or an out-of-limits batch gets one error with id `null`;
* a call that breaks the request schema (`JsonRpcRequest`) is answered with an `error`;
* a call that fits the schema is not refused for anything the schema states: no `-32700`,
  `-32600` or `-32601`, and `-32602` only for what a schema cannot state (an unknown code,
  variant or locale in an admin method, `since`/`toRevision` outside the current history, a
  placeholder the entry does not use, a text's placeholders, or a storage response to explain
  that cannot be read);
* no call is answered `-32603` (the JSON-RPC form of a server error).
"""

from __future__ import annotations

import json
import re
from typing import Any

import jsonschema_rs

import schemathesis

INT64 = range(-(2**63), 2**63)
MAX_BATCH = 100
MAX_DEPTH = 32
# -32602 that a schema cannot rule out, by `data.field` (see the module docstring).
SEMANTIC_INVALID_PARAMS_FIELDS = {"code", "variant", "locale", "since", "toRevision", "text"}
# -32602 that a schema cannot rule out, by `data.reason`: a storage response given to
# `errors.explain` that is a string, as the schema says, but not a readable XML or JSON error body.
SEMANTIC_INVALID_PARAMS_REASONS = {"UnreadableResponse"}
_VALIDATORS: dict[int, Any] = {}


def _request_validator(raw_schema: dict[str, Any]) -> Any:
    key = id(raw_schema)
    if key not in _VALIDATORS:
        _VALIDATORS[key] = jsonschema_rs.Draft202012Validator(
            {
                "$ref": "#/components/schemas/JsonRpcRequest",
                "components": {"schemas": raw_schema["components"]["schemas"]},
            },
            validate_formats=False,
        )
    return _VALIDATORS[key]


def _depth(value: Any) -> int:
    if isinstance(value, list):
        return 1 + max((_depth(item) for item in value), default=0)
    if isinstance(value, dict):
        return 1 + max((_depth(item) for item in value.values()), default=0)
    return 0


def _as_integer(value: Any) -> int | None:
    """The integer a JSON number stands for (`1.0` is the integer 1, as in JSON Schema), if any."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return None


def _valid_id(value: Any) -> bool:
    if value is None or isinstance(value, str):
        return True
    number = _as_integer(value)
    return number is not None and number in INT64


def _same_id(answered: Any, sent: Any) -> bool:
    if isinstance(sent, str) or sent is None:
        return type(answered) is type(sent) and answered == sent
    return _as_integer(answered) is not None and _as_integer(answered) == _as_integer(sent)


def _expectation(element: Any, validator: Any) -> tuple[str, Any]:
    """What a batch element must get: ("none", _), ("error", id) or ("answer", id)."""
    if not isinstance(element, dict):
        return "error", None
    has_id = "id" in element
    if has_id and not _valid_id(element["id"]):
        return "error", None
    answer_id = element.get("id")
    envelope_ok = (
        element.get("jsonrpc") == "2.0"
        and isinstance(element.get("method"), str)
        and (element.get("params") is None or isinstance(element.get("params"), (list, dict)))
    )
    if not envelope_ok:
        return "error", answer_id  # an invalid request object is answered even without an id
    if not has_id:
        return "none", None  # a notification is never answered, whatever its method or params
    return ("answer" if validator.is_valid(element) else "error"), answer_id


def _fail(message: str, sent: bytes, answer: bytes) -> None:
    raise AssertionError(
        f"{message}\nSent: {sent[:600].decode('utf-8', 'replace')}\nAnswered: {answer[:600].decode('utf-8', 'replace')}"
    )


def _check_error_object(answer: Any) -> bool:
    return (
        isinstance(answer, dict)
        and answer.get("jsonrpc") == "2.0"
        and isinstance(answer.get("error"), dict)
        and "result" not in answer
    )


@schemathesis.check
def jsonrpc_answers_conformance(ctx, response, case):
    """JSON-RPC 2.0 answers of POST /rpc match the calls sent (replaces negative_data_rejection there)."""
    if case.operation.path != "/rpc" or case.operation.method.upper() != "POST":
        return None
    if response.status_code not in (200, 204):
        return None  # 400/413/415 are problem details, checked by the generic checks
    sent = response.request.body or b""
    if isinstance(sent, str):
        sent = sent.encode("utf-8")
    answer_bytes = response.content or b""
    validator = _request_validator(case.operation.schema.raw_schema)

    try:
        payload = json.loads(sent.decode("utf-8"))
        parsed = True
    except (UnicodeDecodeError, ValueError):
        payload, parsed = None, False

    whole_body_error = (
        not parsed
        or not isinstance(payload, (list, dict))
        or (isinstance(payload, list) and not 1 <= len(payload) <= MAX_BATCH)
        or _depth(payload) > MAX_DEPTH
    )
    if response.status_code == 204:
        if whole_body_error:
            _fail("Nothing was answered to a body that is not a JSON-RPC request or batch", sent, answer_bytes)
        elements = payload if isinstance(payload, list) else [payload]
        if any(_expectation(element, validator)[0] != "none" for element in elements):
            _fail("HTTP 204 (nothing to answer), but a call with an id or an invalid request was sent", sent, answer_bytes)
        return None

    try:
        answer = json.loads(answer_bytes.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        _fail("HTTP 200 from POST /rpc without a JSON body", sent, answer_bytes)

    if whole_body_error:
        if not (_check_error_object(answer) and answer.get("id") is None):
            _fail("A body that is not a JSON-RPC request or batch was not answered with one error (id null)", sent, answer_bytes)
        return None

    elements = payload if isinstance(payload, list) else [payload]
    expected = [_expectation(element, validator) for element in elements]
    answered = [(kind, answer_id, element) for (kind, answer_id), element in zip(expected, elements) if kind != "none"]
    if isinstance(payload, list):
        if not isinstance(answer, list):
            _fail("A batch was answered with something other than an array", sent, answer_bytes)
        answers = answer
    else:
        if isinstance(answer, list):
            _fail("A single call was answered with an array", sent, answer_bytes)
        answers = [answer]
    if len(answers) != len(answered):
        _fail(f"{len(answered)} answer(s) expected (calls with an id, and invalid requests), got {len(answers)}", sent, answer_bytes)

    for index, ((kind, answer_id, element), item) in enumerate(zip(answered, answers)):
        where = f"call #{elements.index(element) + 1}" if isinstance(payload, list) else "the call"
        if not isinstance(item, dict) or item.get("jsonrpc") != "2.0":
            _fail(f"The answer to {where} is not a JSON-RPC 2.0 response object", sent, answer_bytes)
        if "id" not in item or not _same_id(item["id"], answer_id):
            _fail(f"The answer to {where} has id {item.get('id')!r}, expected {answer_id!r}", sent, answer_bytes)
        error = item.get("error")
        if kind == "error":
            if not _check_error_object(item):
                _fail(f"{where.capitalize()} breaks the request schema (JsonRpcRequest) but was not answered with an error", sent, answer_bytes)
            continue
        # A schema-valid call with an id.
        if error is None:
            continue
        code = error.get("code") if isinstance(error, dict) else None
        data = error.get("data") if isinstance(error, dict) and isinstance(error.get("data"), dict) else {}
        if code == -32603:
            _fail(f"{where.capitalize()} was answered -32603 Internal error", sent, answer_bytes)
        if code in (-32700, -32600, -32601):
            _fail(f"{where.capitalize()} fits the request schema but was refused with {code}", sent, answer_bytes)
        if code == -32602:
            field = str(data.get("field", ""))
            if not (
                field in SEMANTIC_INVALID_PARAMS_FIELDS
                or field.startswith("params.")
                or data.get("reason") in SEMANTIC_INVALID_PARAMS_REASONS
            ):
                _fail(
                    f"{where.capitalize()} fits the request schema but was refused with -32602 for `{field or '(no field)'}`",
                    sent,
                    answer_bytes,
                )
    return None


# `wait` on the delta feed holds a request until the next publish, up to 30 seconds, by design.
# Generated requests that happen to ask for the current revision would each hold the run that
# long (and past `--request-timeout`), so the run caps every generated `wait` at one second; the
# waiting itself is tested in `swift test` (FeedWaitTests).
MAX_GENERATED_WAIT = 1


def _capped_wait(value: Any) -> Any:
    number = _as_integer(value)
    return MAX_GENERATED_WAIT if number is not None and number > MAX_GENERATED_WAIT else value


@schemathesis.hook
def map_query(ctx, query):
    if isinstance(query, dict) and "wait" in query:
        query["wait"] = _capped_wait(query["wait"])
    return query


def _cap_call(call: Any) -> None:
    if not isinstance(call, dict) or call.get("method") != "catalog.changes":
        return
    params = call.get("params")
    if isinstance(params, dict) and "wait" in params:
        params["wait"] = _capped_wait(params["wait"])
    elif isinstance(params, list) and len(params) >= 3:
        params[2] = _capped_wait(params[2])


@schemathesis.hook
def map_body(ctx, body):
    for call in body if isinstance(body, list) else [body]:
        _cap_call(call)
    return body
