#!/usr/bin/env python3
"""Time from process launch to the first successfully proxied request.

    startup_time.py --port PORT [--provider bench] [--timeout 30] [--log FILE] -- CMD ARGS...

Launches CMD, then every 10 ms tries POST /v1/chat/completions on 127.0.0.1:PORT
(gateway key, X-Ingate-Provider) until one answers 200. Prints one JSON line with
the milliseconds from launch to that answer, then stops the process (TERM, then KILL).
Standard library only.
"""
import argparse
import http.client
import json
import os
import signal
import subprocess
import sys
import time

BODY = '{"model":"gpt-4o-mini","messages":[{"role":"user","content":"hi"}]}'
KEY = "sk-ingate-bench0123456789abcdefghijklmnopqrstuv"


def try_request(port, provider):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
    try:
        conn.request("POST", "/v1/chat/completions", body=BODY, headers={
            "Content-Type": "application/json", "Authorization": f"Bearer {KEY}",
            "X-Ingate-Provider": provider})
        resp = conn.getresponse()
        resp.read()
        return resp.status
    except OSError:
        return None
    finally:
        conn.close()


def stop(proc):
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def main():
    argv = sys.argv[1:]
    if "--" not in argv:
        sys.exit("usage: startup_time.py --port PORT [...] -- CMD ARGS...")
    cut = argv.index("--")
    ap = argparse.ArgumentParser()
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--provider", default="bench")
    ap.add_argument("--timeout", type=float, default=30)
    ap.add_argument("--log", default=os.devnull)
    a = ap.parse_args(argv[:cut])
    cmd = argv[cut + 1:]

    with open(a.log, "ab") as log:
        t0 = time.monotonic()
        proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        try:
            status, first_answer_ms, ms = None, None, None
            while time.monotonic() - t0 < a.timeout and proc.poll() is None:
                status = try_request(a.port, a.provider)
                if status is not None and first_answer_ms is None:
                    first_answer_ms = (time.monotonic() - t0) * 1000
                if status == 200:
                    ms = (time.monotonic() - t0) * 1000
                    break
                time.sleep(0.01)
            print(json.dumps({
                "ok": ms is not None,
                "first_request_ms": round(ms, 1) if ms is not None else None,
                "first_answer_ms": round(first_answer_ms, 1) if first_answer_ms is not None else None,
                "last_status": status,
                "exited": proc.poll(),
            }), flush=True)
        finally:
            stop(proc)


if __name__ == "__main__":
    main()
