#!/usr/bin/env python3
"""Resident memory of a process while it relays many open streams.

    streams_rss.py --pid PID --port PORT [--streams 2000] [--provider bench-slow]
                   [--path /v1/chat/completions] [--timeout 90] [--hold 3]

Reads VmRSS of PID (idle), then opens --streams concurrent streaming chat requests
to 127.0.0.1:PORT (each on its own connection, through a slow upstream that keeps
them open), waits until every one has its response headers and first body bytes,
waits --hold seconds, reads VmRSS/VmHWM again and prints one JSON line. The streams
are then closed. Standard library only.
"""
import argparse
import asyncio
import json
import time

BODY = b'{"model":"gpt-4o-mini","messages":[{"role":"user","content":"hi"}],"stream":true}'
KEY = "sk-ingate-bench0123456789abcdefghijklmnopqrstuv"


def status_kb(pid, field):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return -1


def request(port, path, provider):
    head = (f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
            f"Content-Type: application/json\r\nAuthorization: Bearer {KEY}\r\n"
            f"X-Ingate-Provider: {provider}\r\nAccept: text/event-stream\r\n"
            f"Content-Length: {len(BODY)}\r\n\r\n")
    return head.encode() + BODY


async def drain(reader):
    try:
        while await reader.read(65536):
            pass
    except (OSError, asyncio.CancelledError):
        pass


async def open_stream(port, req, gate, opened, failures, tasks, writers):
    async with gate:                      # bounded number of connects in flight
        try:
            reader, writer = await asyncio.open_connection("127.0.0.1", port)
        except OSError as e:
            failures.append(f"connect: {e}")
            return
    writers.append(writer)
    try:
        writer.write(req)
        await writer.drain()
        buf = b""
        while b"\r\n\r\n" not in buf:
            chunk = await reader.read(65536)
            if not chunk:
                failures.append("closed before headers")
                return
            buf += chunk
        head, _, rest = buf.partition(b"\r\n\r\n")
        status = head.split(b" ", 2)[1].decode()
        if status != "200":
            failures.append(f"status {status}: {rest[:200]!r}")
            return
        while not rest:                   # first body bytes (chunk size line or data)
            rest = await reader.read(65536)
            if not rest:
                failures.append("closed before first byte")
                return
        opened.append(time.monotonic())
        tasks.append(asyncio.ensure_future(drain(reader)))
    except OSError as e:
        failures.append(f"io: {e}")


async def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--pid", type=int, required=True)
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--streams", type=int, default=2000)
    ap.add_argument("--provider", default="bench-slow")
    ap.add_argument("--path", default="/v1/chat/completions")
    ap.add_argument("--timeout", type=float, default=90)
    ap.add_argument("--hold", type=float, default=3)
    a = ap.parse_args()

    idle_rss = status_kb(a.pid, "VmRSS")
    req = request(a.port, a.path, a.provider)
    gate = asyncio.Semaphore(200)
    opened, failures, tasks, writers = [], [], [], []
    t0 = time.monotonic()
    openers = [asyncio.ensure_future(open_stream(a.port, req, gate, opened, failures, tasks, writers))
               for _ in range(a.streams)]
    done, pending = await asyncio.wait(openers, timeout=a.timeout)
    for p in pending:
        p.cancel()
    open_seconds = (max(opened) - t0) if opened else None
    await asyncio.sleep(a.hold)
    still_open = sum(1 for t in tasks if not t.done())
    rss = status_kb(a.pid, "VmRSS")
    hwm = status_kb(a.pid, "VmHWM")
    threads = status_kb(a.pid, "Threads")
    print(json.dumps({
        "streams_requested": a.streams,
        "streams_open": still_open,
        "streams_with_first_byte": len(opened),
        "failures": len(failures),
        "failure_sample": failures[:3],
        "pending_at_timeout": len(pending),
        "seconds_to_open_all": round(open_seconds, 2) if open_seconds is not None else None,
        "idle_rss_mb": round(idle_rss / 1024, 1),
        "rss_mb": round(rss / 1024, 1),
        "hwm_mb": round(hwm / 1024, 1),
        "threads": threads,
    }), flush=True)
    for w in writers:
        w.transport.abort()
    for t in tasks:
        t.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)


if __name__ == "__main__":
    asyncio.run(main())
