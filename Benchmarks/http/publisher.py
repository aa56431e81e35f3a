#!/usr/bin/env python3
"""Publishes one text at a steady rate (admin.setText with publish: true) for the publish-under-load scenario.

usage: publisher.py HOST PORT RATE SECONDS   (ERRATA_TOKEN: a token of scope publish or admin)
Prints: publishes=N achieved_rate=R p50_ms=.. p99_ms=.. max_ms=.. errors=E
"""
import http.client, json, os, sys, time

host, port, rate, seconds = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4])
token = os.environ["ERRATA_TOKEN"]
conn = http.client.HTTPConnection(host, port, timeout=30)
headers = {"Content-Type": "application/json", "Authorization": f"Bearer {token}"}
key = {"code": "NoSuchKey", "locale": "zh-Hans", "field": "remediation"}

def call(method, params):
    conn.request("POST", "/rpc", json.dumps({"jsonrpc": "2.0", "method": method, "params": params, "id": 1}), headers)
    return json.loads(conn.getresponse().read())

expected = call("admin.getText", key)["result"]["version"]
latencies, errors, n = [], 0, 0
start = time.monotonic()
while time.monotonic() - start < seconds:
    due = start + n / rate
    delay = due - time.monotonic()
    if delay > 0:
        time.sleep(delay)
    params = dict(key, text=f"请检查对象键是否拼写正确（发布 {n}）。", expectedVersion=expected, publish=True, note=f"load {n}")
    t0 = time.monotonic()
    answer = call("admin.setText", params)
    latencies.append((time.monotonic() - t0) * 1000)
    n += 1
    if "result" in answer:
        expected = answer["result"]["version"]
    else:
        errors += 1
        expected = call("admin.getText", key)["result"]["version"]
elapsed = time.monotonic() - start
latencies.sort()
pct = lambda p: latencies[min(len(latencies) - 1, int(p * len(latencies)))] if latencies else float("nan")
print(f"publishes={n} achieved_rate={n / elapsed:.1f} p50_ms={pct(0.5):.1f} p99_ms={pct(0.99):.1f} "
      f"max_ms={latencies[-1] if latencies else float('nan'):.1f} errors={errors}")
