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
import json
import subprocess
import sys
import urllib.request
from collections import Counter, defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from moto_s3 import REQUEST_TIMEOUT, Exchange, MotoS3
from moto_scenarios import EXPECTED_CODES, provoke


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
