#!/usr/bin/env python3
"""What an Ingate process has recorded, as one JSON object on stdout (for bench/run's results.jsonl).

    recording_stats.py --port PORT [--idle-pid PID] [--token ADMIN_TOKEN] [--wait SECONDS]

From GET /metrics: the record writer's counters (ingate_records_*_total, the queue depth) and the requests Ingate
finished (ingate_requests_total summed over its labels). With --token, also GET /api/v1/usage?group_by=provider:
the requests counted in the usage rollups, per provider and in all. With --wait, first waits up to that long until
every finished request is written, replayed from the journal or counted lost. With --idle-pid, first waits until
that process is idle: its CPU under 3% of one core over a 1 s window (at most 120 s); "seconds" is the time from the
start until the first idle window began (null: never idle within 120 s).
"""
import argparse
import json
import os
import sys
import time
import urllib.request

WRITER = ("written", "spilled", "replayed", "lost", "write_failures")
IDLE_SHARE = 0.03       # of one core
IDLE_GIVE_UP = 120      # seconds
CLK_TCK = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLK_TCK   # utime, stime


def wait_idle(pid):
    """Seconds until a 1 s window began in which pid used under IDLE_SHARE of a core; None after IDLE_GIVE_UP."""
    start = time.monotonic()
    while time.monotonic() - start < IDLE_GIVE_UP:
        window, cpu = time.monotonic(), cpu_seconds(pid)
        time.sleep(1)
        if (cpu_seconds(pid) - cpu) / (time.monotonic() - window) < IDLE_SHARE:
            return round(window - start, 1)
    return None


def get(url, token=None):
    req = urllib.request.Request(url)
    if token:
        req.add_header("Authorization", f"Bearer {token}")
    with urllib.request.urlopen(req, timeout=10) as r:
        return r.read().decode()


def metrics(port):
    out = {k: None for k in WRITER}
    out["queue_depth"] = None
    out["requests"] = 0
    for line in get(f"http://127.0.0.1:{port}/metrics").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        name, _, value = line.rpartition(" ")
        name = name.split("{", 1)[0]
        if name == "ingate_requests_total":
            out["requests"] += round(float(value))
        elif name == "ingate_records_queue_depth":
            out["queue_depth"] = round(float(value))
        elif name.startswith("ingate_records_") and name.endswith("_total"):
            key = name[len("ingate_records_"):-len("_total")]
            if key in WRITER:
                out[key] = round(float(value))
    done = [out[k] for k in ("written", "replayed", "lost")]
    out["pending"] = None if None in done else out["requests"] - sum(done)
    return out


def usage(port, token):
    body = json.loads(get(f"http://127.0.0.1:{port}/api/v1/usage?group_by=provider", token))
    per_provider = {row["group"]: row["requests"] for row in body["data"]}
    return {"requests": sum(per_provider.values()), "by_provider": per_provider}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--token")
    ap.add_argument("--wait", type=float, default=0)
    ap.add_argument("--idle-pid", type=int)
    a = ap.parse_args()
    out = {}
    try:
        if a.idle_pid:
            out["seconds"] = wait_idle(a.idle_pid)
        m = metrics(a.port)
        deadline = time.monotonic() + a.wait
        while m["pending"] and time.monotonic() < deadline:
            time.sleep(0.5)
            m = metrics(a.port)
        out["metrics"] = m
        if a.token:
            out["usage"] = usage(a.port, a.token)
    except (OSError, ValueError, KeyError) as e:
        out["error"] = f"{type(e).__name__}: {e}"
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
