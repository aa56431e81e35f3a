"""The loopback scaling test run by .ci/scaling-check: primary, two followers, nginx in front.

Every process is started here, on loopback ports the processes pick themselves (nginx: a port
found free just before), in one temporary directory, and stopped by its own pid at the end.
"""

import http.client
import json
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

SERVER, NGINX = sys.argv[1], sys.argv[2]
REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PROPAGATION_DEADLINE = 1.0  # seconds from the publish being acknowledged
PUBLISHES = 5
MEASURED_READS = 3000
MINIMUM_HIT_RATIO = 0.99
CODES = ["NoSuchKey", "NoSuchBucket", "AccessDenied", "InvalidArgument", "SlowDown", "InternalError"]
LOCALES = ["en", "zh-Hans", "zh-Hant"]

work = tempfile.mkdtemp(prefix="errata-scaling-")
processes = {}
failures = []


def check(condition, what):
    print(("ok    " if condition else "FAIL  ") + what, flush=True)
    if not condition:
        failures.append(what)


def start_server(name, *arguments):
    """Starts errata-server serve on a free port; returns its base URL once it listens."""
    out = open(os.path.join(work, f"{name}.out"), "w+")
    log = open(os.path.join(work, f"{name}.log"), "w")
    database = os.path.join(work, f"{name}.sqlite")
    process = subprocess.Popen(
        [SERVER, "serve", "--port", "0", "--database", database, "--grace-period", "2", *arguments],
        stdout=out, stderr=log, cwd=REPO,
    )
    processes[name] = process
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        out.seek(0)
        match = re.search(r"listening on (http://127\.0\.0\.1:\d+)", out.read())
        if match:
            return match.group(1)
        if process.poll() is not None:
            break
        time.sleep(0.05)
    sys.exit(f"{name} did not start:\n" + open(log.name).read())


def get(url, headers=None, timeout=5):
    """(status, body) of a GET; never raises for an HTTP error status."""
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def rpc(base, method, params, token):
    body = json.dumps({"jsonrpc": "2.0", "method": method, "params": params, "id": 1}).encode()
    request = urllib.request.Request(
        base + "/rpc", data=body, headers={"Content-Type": "application/json", "Authorization": f"Bearer {token}"}
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        answer = json.load(response)
    if "result" not in answer:
        sys.exit(f"{method} failed: {answer}")
    return answer["result"]


def wait_until(condition, deadline_seconds, interval=0.005):
    """Seconds until condition() held, or None after the deadline (a bounded poll)."""
    start = time.monotonic()
    while True:
        if condition():
            return time.monotonic() - start
        if time.monotonic() - start > deadline_seconds:
            return None
        time.sleep(interval)


def message(base, path):
    status, body = get(base + path)
    return json.loads(body).get("message") if status == 200 else None


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_nginx(followers):
    """nginx with Deploy/nginx/errata.conf, its cache and logs in the temp dir, upstream = the followers."""
    directory = os.path.join(work, "nginx")
    os.makedirs(os.path.join(directory, "logs"))
    port = free_port()
    conf = open(os.path.join(REPO, "Deploy/nginx/errata.conf")).read()
    conf = conf.replace("proxy_cache_path /var/cache/nginx/errata ", f"proxy_cache_path {directory}/cache ", 1)
    conf = conf.replace("listen 80;", f"listen 127.0.0.1:{port};", 1)
    open(os.path.join(directory, "errata.conf"), "w").write(conf)
    servers = "".join(f"server {url.removeprefix('http://')};" for url in followers)
    # As root, workers would drop to nobody, who cannot write the private temp dir.
    user = "user root;" if os.geteuid() == 0 else ""
    open(os.path.join(directory, "nginx.conf"), "w").write(f"""
{user}
worker_processes 1;
pid {directory}/nginx.pid;
error_log {directory}/logs/error.log;
events {{}}
http {{
    log_format cache '$upstream_cache_status $status $request_uri';
    access_log {directory}/logs/access.log cache;
    client_body_temp_path {directory}/client_body;
    proxy_temp_path {directory}/proxy;
    fastcgi_temp_path {directory}/fastcgi;
    uwsgi_temp_path {directory}/uwsgi;
    scgi_temp_path {directory}/scgi;
    upstream errata {{ {servers} keepalive 32; }}
    include {directory}/errata.conf;
}}
""")
    processes["nginx"] = subprocess.Popen(
        [NGINX, "-p", directory, "-e", f"{directory}/logs/error.log", "-c", f"{directory}/nginx.conf", "-g", "daemon off;"]
    )
    base = f"http://127.0.0.1:{port}"
    if wait_until(lambda: port_open(port), 10, 0.05) is None:
        sys.exit("nginx did not start:\n" + open(f"{directory}/logs/error.log").read())
    return base, os.path.join(directory, "logs", "access.log")


def port_open(port):
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


def reads(base, paths, count):
    """GETs `count` paths round-robin over one kept-alive connection; returns the statuses seen."""
    host, port = base.removeprefix("http://").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=10)
    statuses = {}
    for index in range(count):
        connection.request("GET", paths[index % len(paths)], headers={"Accept-Encoding": "gzip"})
        response = connection.getresponse()
        response.read()
        statuses[response.status] = statuses.get(response.status, 0) + 1
    connection.close()
    return statuses


def cache_statuses(log, skip_lines):
    lines = open(log).read().splitlines()[skip_lines:]
    counts = {}
    for line in lines:
        status = line.split(" ", 1)[0]
        counts[status] = counts.get(status, 0) + 1
    return counts, len(lines)


def main():
    load = os.getloadavg()
    print(f"machine: {os.cpu_count()} cores, load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
    primary = start_server("primary", "--localizations", os.path.join(REPO, "Localizations"))
    token = subprocess.run(
        [SERVER, "token", "create", "--database", os.path.join(work, "primary.sqlite"), "--name", "scaling-check", "--scope", "publish"],
        check=True, capture_output=True, text=True,
    ).stdout.strip()
    followers = [start_server(f"follower{n}", "--follow", primary) for n in (1, 2)]
    caught_up = wait_until(lambda: all(get(f + "/readyz")[0] == 200 for f in followers), 60, 0.05)
    check(caught_up is not None, f"both followers caught up from empty databases ({caught_up or 0:.2f} s)")
    nginx, access_log = start_nginx(followers)

    # ---- propagation: primary → followers → nginx ----
    key = {"code": "NoSuchKey", "locale": "en", "field": "message"}
    follower_times, nginx_times = [], []
    for attempt in range(1, PUBLISHES + 1):
        version = rpc(primary, "admin.getText", key, token)["version"]
        text = f"Scaling check publish {attempt}: the object does not exist."
        revision = rpc(primary, "admin.setText", {**key, "text": text, "expectedVersion": version, "publish": True}, token)["publishedRevision"]
        # From the acknowledgment of the publish on.
        start = time.monotonic()
        pending = {f: True for f in followers}
        seen = {}
        pinned = f"/v1/revisions/{revision}/errors/NoSuchKey?locale=en"
        while time.monotonic() - start <= PROPAGATION_DEADLINE and (any(pending.values()) or "nginx" not in seen):
            for follower in followers:
                if pending[follower] and message(follower, "/v1/errors/NoSuchKey?locale=en") == text:
                    pending[follower] = False
                    seen[follower] = time.monotonic() - start
            if "nginx" not in seen and message(nginx, pinned) == text:
                feed_status, feed = get(nginx + f"/v1/catalog/changes?since={revision - 1}")
                if feed_status == 200 and json.loads(feed)["toRevision"] == revision:
                    seen["nginx"] = time.monotonic() - start
            time.sleep(0.005)
        worst_follower = max(seen.get(f, float("inf")) for f in followers)
        follower_times.append(worst_follower)
        nginx_times.append(seen.get("nginx", float("inf")))
        took = {name: f"{seen[name] * 1000:.0f} ms" if name in seen else "not within the deadline" for name in [*followers, "nginx"]}
        print(f"      publish {attempt} (revision {revision}): followers {took[followers[0]]}, {took[followers[1]]}; "
              f"nginx (revision URL and delta feed) {took['nginx']}")
    check(max(follower_times) <= PROPAGATION_DEADLINE,
          f"every publish served by both followers within {PROPAGATION_DEADLINE:.0f} s "
          f"(median {statistics.median(follower_times) * 1000:.0f} ms, max {max(follower_times) * 1000:.0f} ms)")
    check(max(nginx_times) <= PROPAGATION_DEADLINE,
          f"every publish served through nginx within {PROPAGATION_DEADLINE:.0f} s "
          f"(median {statistics.median(nginx_times) * 1000:.0f} ms, max {max(nginx_times) * 1000:.0f} ms)")

    # ---- cache hit ratio after warm-up ----
    status, body = get(nginx + "/healthz")
    current = json.loads(body)["revision"]
    paths = [f"/v1/errors/{code}?locale={locale}" for code in CODES for locale in LOCALES]
    paths += [f"/v1/revisions/{current}/errors/{code}?locale={locale}" for code in CODES for locale in LOCALES]
    paths += [f"/v1/catalog?locale={locale}" for locale in LOCALES]
    # nginx logs a request after it has sent the answer, so a client can be ahead of the log: each
    # phase waits (bounded) until the log holds all of its lines before the next one is counted.
    def logged_lines():
        return len(open(access_log).read().splitlines())

    before_warm_up = logged_lines()
    reads(nginx, paths, len(paths))  # warm-up: one miss per representation
    wait_until(lambda: logged_lines() >= before_warm_up + len(paths), 10, 0.01)
    logged_before = logged_lines()
    started = time.monotonic()
    statuses = reads(nginx, paths, MEASURED_READS)
    elapsed = time.monotonic() - started
    wait_until(lambda: logged_lines() >= logged_before + MEASURED_READS, 10, 0.01)
    counts, logged = cache_statuses(access_log, logged_before)
    ratio = counts.get("HIT", 0) / max(1, logged)
    print(f"      {MEASURED_READS} reads of {len(paths)} URLs through nginx in {elapsed:.2f} s "
          f"({MEASURED_READS / elapsed:.0f}/s, one connection); statuses {statuses}; cache {counts}")
    check(statuses == {200: MEASURED_READS} and logged == MEASURED_READS, "every measured read answered 200 and logged")
    check(ratio >= MINIMUM_HIT_RATIO, f"cache hit ratio after warm-up {ratio * 100:.2f} % (at least {MINIMUM_HIT_RATIO * 100:.0f} %)")

    # ---- the primary stopped: reads go on ----
    processes["primary"].send_signal(signal.SIGTERM)
    processes["primary"].wait(timeout=30)
    print("      primary stopped (SIGTERM, exited)")
    unseen = [f"/v1/errors/{code}?locale=zh-Hant" for code in ("BucketNotEmpty", "EntityTooLarge", "InvalidRange")]
    through_nginx = [get(nginx + path)[0] for path in unseen + paths[:4]]
    direct = [get(f + path)[0] for f in followers for path in unseen]
    check(all(status == 200 for status in through_nginx), f"reads through nginx go on, cache misses included: {through_nginx}")
    check(all(status == 200 for status in direct), f"reads from each follower go on: {direct}")
    ready = [get(f + "/readyz")[0] for f in followers]
    check(ready == [200, 200], f"followers stay ready without --follow-max-silence: {ready}")

    def contact_ages():
        ages = []
        for follower in followers:
            metrics = get(follower + "/metrics")[1].decode()
            match = re.search(r"^errata_follower_contact_age_seconds (\S+)$", metrics, re.MULTILINE)
            ages.append(float(match.group(1)) if match else None)
        return ages

    grew = wait_until(lambda: all(age is not None and age >= 1 for age in contact_ages()), 30, 0.1)
    check(grew is not None, f"followers report the silence in /metrics: errata_follower_contact_age_seconds {contact_ages()}")
    check_follower_metrics(followers[0])


def check_follower_metrics(follower):
    """The follower's metrics, parsed by prometheus-client as .ci/metrics-check parses the primary's."""
    from prometheus_client.parser import text_string_to_metric_families

    families = {family.name: family for family in text_string_to_metric_families(get(follower + "/metrics")[1].decode())}
    # A counter's family name drops its _total suffix.
    expected = {"errata_follower_lag_revisions": "gauge", "errata_follower_contact_age_seconds": "gauge", "errata_follower_failures": "counter"}
    problems = [
        f"{name}: {families[name].type if name in families else 'missing'}{'' if name in families and families[name].documentation else ', no # HELP'}"
        for name, kind in expected.items()
        if name not in families or families[name].type != kind or not families[name].documentation
    ]
    lag = families["errata_follower_lag_revisions"].samples[0].value if "errata_follower_lag_revisions" in families else None
    check(not problems and lag == 0, f"follower metrics parsed by prometheus-client: {', '.join(expected)} (lag {lag}){'; ' + '; '.join(problems) if problems else ''}")


try:
    main()
finally:
    for name, process in processes.items():
        if process.poll() is None:
            process.send_signal(signal.SIGQUIT if name == "nginx" else signal.SIGTERM)
    for name, process in processes.items():
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
    if failures:
        for name in processes:
            path = os.path.join(work, f"{name}.log")
            if os.path.exists(path):
                print(f"--- {name}.log (last lines)")
                print("".join(open(path).readlines()[-20:]))
    subprocess.run(["rm", "-rf", work])

print(f"scaling: {'FAILED: ' + '; '.join(failures) if failures else 'all checks passed'}")
sys.exit(1 if failures else 0)
