#!/usr/bin/env python3
"""Turns a bench/run results.jsonl into BENCHMARKS.md (medians, ratios, targets, machine facts).

    report.py --results results.jsonl --out BENCHMARKS.md --java JAVA [settings...]
"""
import argparse
import datetime
import json
import os
import platform
import statistics
import subprocess

TARGETS = ("direct", "nginx", "ingate")
NAMES = {"direct": "direct (no proxy)", "nginx": "nginx reverse proxy", "ingate": "**Ingate**"}
SCENARIOS = {
    "json-c64": "JSON chat completion, 64 connections",
    "json-c256": "JSON chat completion, 256 connections",
    "sse-c64": "SSE stream (23 events), 64 connections",
}


# ------------------------------------------------------------------ facts

def run(cmd):
    try:
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=20)
        return (p.stdout + p.stderr).strip()
    except (OSError, subprocess.TimeoutExpired):
        return ""


def machine(java):
    cpu = "unknown"
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    mem_kb = 0
    with open("/proc/meminfo") as f:
        for line in f:
            if line.startswith("MemTotal:"):
                mem_kb = int(line.split()[1])
    java_version = run([java, "-version"]).splitlines()
    nginx = run(["nginx", "-v"]).replace("nginx version: ", "")
    wrk = run(["wrk", "-v"]).splitlines()
    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    commit = run(["git", "-C", repo, "rev-parse", "--short", "HEAD"])
    dirty = run(["git", "-C", repo, "status", "--porcelain", "--", ".", ":!BENCHMARKS.md"])
    if commit and " " not in commit and dirty:
        commit += " + uncommitted changes"
    return {
        "nproc": run(["nproc"]) or str(os.cpu_count()),
        "cpu": cpu,
        "memory": f"{mem_kb / 1024 / 1024:.1f} GiB",
        "kernel": platform.release(),
        "os": run(["sh", "-c", ". /etc/os-release && echo $PRETTY_NAME"]),
        "jdk": " / ".join(java_version[:2]) if java_version else "unknown",
        "nginx": nginx,
        "wrk": wrk[0].split(" Copyright")[0] if wrk else "unknown",
        "commit": commit if commit and not commit.startswith("fatal") else "none",
    }


# ------------------------------------------------------------------ numbers

def median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def wrk_rows(records):
    """(scenario, target) -> list of per-run dicts."""
    rows = {}
    for r in records:
        if r.get("kind") != "wrk":
            continue
        w = r.get("wrk")
        run_ = {"rps": None, "p50": None, "p99": None, "cpu": None, "up_cpu": None, "errors": None}
        if w and w["requests"] > 0:
            n = w["requests"]
            tick_us = 1e6 / r["clk_tck"]
            run_ = {
                "rps": n / (w["duration_us"] / 1e6),
                "p50": w["p50_us"] / 1000, "p99": w["p99_us"] / 1000,
                "cpu": r["cpu_ticks"] * tick_us / n if r["target"] != "direct" else None,
                "up_cpu": r["upstream_ticks"] * tick_us / n,
                "errors": sum(w[k] for k in w if k.startswith("err_")),
            }
        rows.setdefault((r["scenario"], r["target"]), []).append(run_)
    return rows


def paired_ratios(records, scenario, a, b):
    """Ingate/nginx req/s of each round: runs of one round are back to back, so drift cancels."""
    by_rep = {}
    for r in records:
        if r.get("kind") == "wrk" and r["scenario"] == scenario and r.get("wrk") and r["wrk"]["requests"] > 0:
            by_rep.setdefault(r["rep"], {})[r["target"]] = r["wrk"]["requests"] / r["wrk"]["duration_us"]
    return [x[a] / x[b] for _, x in sorted(by_rep.items()) if a in x and b in x and x[b] > 0]


def summarize(runs):
    if not runs:
        return None
    s = {k: median([r[k] for r in runs]) for k in ("rps", "p50", "p99", "cpu", "up_cpu")}
    s["errors"] = sum(r["errors"] or 0 for r in runs)
    s["failed_runs"] = sum(1 for r in runs if r["rps"] is None)
    s["runs"] = [r["rps"] for r in runs]
    return s


def openloop_rows(records):
    rows = {}
    for r in records:
        if r.get("kind") != "openloop":
            continue
        x = r.get("result")
        if not x or x.get("completed", 0) == 0:
            rows.setdefault(r["target"], []).append(None)
            continue
        answered = x.get("answered_total") or x["completed"]     # CPU was read around the warm-up too
        cpu = r["cpu_ticks"] * 1e6 / r["clk_tck"] / answered if r["target"] != "direct" else None
        rows.setdefault(r["target"], []).append({
            "rate": x["achieved_rate"], "p50": x["p50_us"] / 1000, "p90": x["p90_us"] / 1000,
            "p99": x["p99_us"] / 1000, "max": x["max_us"] / 1000, "cpu": cpu,
            "errors": x["errors"] + x["non_2xx"] + (x["expected"] - x["completed"] if x.get("timed_out") else 0)})
    out = {}
    for t, runs in rows.items():
        ok = [r for r in runs if r]
        out[t] = {k: median([r[k] for r in ok]) for k in ("rate", "p50", "p90", "p99", "max", "cpu")} if ok else {}
        out[t]["errors"] = sum(r["errors"] for r in ok)
        out[t]["failed_runs"] = len(runs) - len(ok)
        out[t]["p50_runs"] = [r["p50"] for r in ok]
    return out


# ------------------------------------------------------------------ formatting

def f_int(v):
    return "n/a" if v is None else f"{v:,.0f}"


def f_ms(v, digits=2):
    return "n/a" if v is None else f"{v:.{digits}f}"


def f_us(v):
    return "—" if v is None else f"{v:.1f}"


def f_ratio(a, b):
    return None if a is None or b in (None, 0) else a / b


def f_x(v):
    return "n/a" if v is None else f"{v:.2f}"


def check(value, ok):
    if value is None:
        return "not measured"
    return "✅ met" if ok(value) else "❌ not met"


def table(header, rows, numeric=True):
    align = ["---"] + ["---:" if numeric else "---"] * (len(header) - 1)
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(align) + "|"]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--results", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--java", required=True)
    ap.add_argument("--java-opts", default="")
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--wrk-seconds", type=int, default=10)
    ap.add_argument("--openloop-seconds", type=int, default=20)
    ap.add_argument("--openloop-rate", type=int, default=1000)
    ap.add_argument("--streams", type=int, default=2000)
    ap.add_argument("--elapsed", type=int, default=0)
    ap.add_argument("--run-dir", default="bench/results/latest")
    ap.add_argument("--ingate-problem", default="")
    ap.add_argument("--load", default="", help="load averages at the start / end of the run")
    a = ap.parse_args()

    with open(a.results) as f:
        records = [json.loads(line) for line in f if line.strip()]
    m = machine(a.java)
    wrk = {k: summarize(v) for k, v in wrk_rows(records).items()}
    ol = openloop_rows(records)
    memory = next((r["result"] for r in records if r.get("kind") == "memory"), None)
    starts = {t: [r["result"] for r in records if r.get("kind") == "startup" and r["target"] == t]
              for t in ("ingate", "nginx")}

    def w(scenario, target, key):
        s = wrk.get((scenario, target))
        return s[key] if s else None

    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    md = []
    md.append("# Benchmarks\n")
    md.append(f"Ingate next to a direct call and an nginx reverse proxy, all on the same mock "
              f"upstream, measured in one run on {now}.\n")
    md.append("**How to run:** `bench/run` (as root; installs `nginx-light` and `wrk` from Debian when "
              "missing, builds `target/ingate.jar` when missing or stale, takes about 10 minutes, "
              f"overwrites this file; raw outputs land in `bench/results/`). This run took {a.elapsed // 60} min "
              f"{a.elapsed % 60} s; raw outputs: `{a.run_dir}/`.\n")
    if a.ingate_problem:
        md.append(f"> **Ingate was not measured in this run:** {a.ingate_problem}. "
                  "The direct and nginx figures below are still valid.\n")

    # ---- machine
    md.append("## Machine\n")
    md.append(table(["fact", "value"], [
        ["CPUs (`nproc`)", m["nproc"]], ["CPU model", m["cpu"]], ["memory", m["memory"]],
        ["kernel", m["kernel"]], ["OS", m["os"]], ["JDK", m["jdk"]],
        ["Ingate JVM options", f"`{a.java_opts}`" if a.java_opts else "none (plain `java -jar`)"],
        ["nginx", m["nginx"]], ["wrk", m["wrk"]], ["commit", m["commit"]], ["date", now],
        ["load average (1, 5, 15 min) at start / end", a.load or "n/a"],
    ], numeric=False))
    md.append("")

    # ---- method
    md.append("## Method\n")
    md.append(
        f"* **Mock upstream:** its own nginx instance (1 worker) answering `POST /v1/chat/completions` with a "
        "canned 698-byte OpenAI `chat.completion`, and `/sse/v1/chat/completions` with a canned OpenAI stream "
        "(role chunk, 20 content chunks, finish chunk, usage chunk, `data: [DONE]`; `text/event-stream`, chunked).\n"
        "* **Targets**, same request for each (POST, `Content-Type: application/json`, gateway key in "
        "`Authorization`, `X-Ingate-Provider`, the same JSON body):\n"
        "  * *direct*: wrk straight to the mock upstream;\n"
        "  * *nginx*: a second nginx (`worker_processes auto`, `upstream` with `keepalive 256`, "
        "`proxy_http_version 1.1`, `proxy_buffering off`, `proxy_request_buffering off`);\n"
        "  * *Ingate*: `java -jar target/ingate.jar` with `bench/ingate.yaml` (gateway key checked, "
        "upstream key injected).\n"
        f"* **Closed loop:** `wrk -t2 -cN -d{a.wrk_seconds}s --latency`, after a JVM warm-up. "
        f"Each figure is the **median of {a.reps} runs**; the runs are interleaved "
        "(direct, nginx, Ingate, then the next round) so drift on this shared VM hits all three alike.\n"
        "* **CPU per request:** utime + stime from `/proc/PID/stat` of the proxy process(es) (the nginx "
        "workers; the Ingate JVM) before and after each run, divided by the requests completed. "
        "The mock upstream is not counted; its own CPU per request is shown for reference.\n"
        f"* **Open loop:** `bench/OpenLoop.java` sends {a.openloop_rate:,} requests/s on a fixed schedule "
        f"for {a.openloop_seconds} s over 32 keep-alive connections and measures from each request's "
        "*intended* send time to the last byte of its response (coordinated omission corrected).\n"
        f"* **Memory:** a fresh Ingate; RSS idle after start, then with {a.streams:,} streams held open at once "
        "(each has its headers and first events; the upstream then trickles 100 bytes/s).\n"
        "* **Start time:** from process launch to the first successfully proxied request "
        "(polled every 10 ms), fresh data dir each time.\n"
        "* Load generator, upstream and proxy share the same CPUs, as they would on a small VM; "
        "compare the rows with each other rather than with other machines.\n")

    # ---- targets
    md.append("## Targets\n")
    ig_ng_json = f_ratio(w("json-c64", "ingate", "rps"), w("json-c64", "nginx", "rps"))
    ig_ng_json256 = f_ratio(w("json-c256", "ingate", "rps"), w("json-c256", "nginx", "rps"))
    cpu_json = f_ratio(w("json-c64", "ingate", "cpu"), w("json-c64", "nginx", "cpu"))
    cpu_json256 = f_ratio(w("json-c256", "ingate", "cpu"), w("json-c256", "nginx", "cpu"))
    added = None
    if ol.get("ingate", {}).get("p50") is not None and ol.get("direct", {}).get("p50") is not None:
        added = ol["ingate"]["p50"] - ol["direct"]["p50"]
    rss = memory.get("rss_mb") if memory and memory.get("streams_with_first_byte") == a.streams else None
    ig_starts = [s["first_request_ms"] for s in starts["ingate"] if s and s.get("ok")]
    start_med = median(ig_starts) if len(ig_starts) == len(starts["ingate"]) and ig_starts else None
    rows = [
        ["Ingate / nginx throughput, JSON, 64 conn.", "≥ 0.65", f_x(ig_ng_json), check(ig_ng_json, lambda v: v >= 0.65)],
        ["Ingate / nginx throughput, JSON, 256 conn.", "≥ 0.65", f_x(ig_ng_json256), check(ig_ng_json256, lambda v: v >= 0.65)],
        ["Ingate / nginx CPU per request, JSON, 64 conn.", "≤ 2.5", f_x(cpu_json), check(cpu_json, lambda v: v <= 2.5)],
        ["Ingate / nginx CPU per request, JSON, 256 conn.", "≤ 2.5", f_x(cpu_json256), check(cpu_json256, lambda v: v <= 2.5)],
        [f"added p50 latency over direct at {a.openloop_rate:,} req/s", "< 0.3 ms",
         "n/a" if added is None else f"{added:.3f} ms", check(added, lambda v: v < 0.3)],
        [f"RSS with {a.streams:,} open streams", "< 400 MB",
         "n/a" if rss is None else f"{rss:.0f} MB", check(rss, lambda v: v < 400)],
        ["start to first served request (median)", "< 1.5 s",
         "n/a" if start_med is None else f"{start_med / 1000:.2f} s", check(start_med, lambda v: v < 1500)],
    ]
    md.append(table(["target", "goal", "measured", "result"], rows, numeric=False))
    md.append("")
    failed = [f"{t} {sc}: {s['errors']} errors" + (f", {s['failed_runs']} failed runs" if s["failed_runs"] else "")
              for (sc, t), s in sorted(wrk.items()) if s and (s["errors"] or s["failed_runs"])]
    failed += [f"{t} open loop: {s['errors']} errors" for t, s in sorted(ol.items()) if s.get("errors") or s.get("failed_runs")]
    if failed:
        md.append("> **Errors during the run** (non-2xx answers, socket errors or timeouts; see the tables): "
                  + "; ".join(failed) + ".\n")

    # ---- closed loop
    md.append("## Closed loop (wrk)\n")
    for scenario, title in SCENARIOS.items():
        md.append(f"### {title}\n")
        body = []
        for t in TARGETS:
            s = wrk.get((scenario, t))
            if not s:
                continue
            runs = " · ".join(f_int(v) for v in s["runs"])
            errs = str(s["errors"]) + (f" ({s['failed_runs']} failed runs)" if s["failed_runs"] else "")
            body.append([NAMES[t], f_int(s["rps"]), f_ms(s["p50"]), f_ms(s["p99"]), f_us(s["cpu"]),
                         f_us(s["up_cpu"]), errs, runs])
        md.append(table(["target", "req/s", "p50 ms", "p99 ms", "proxy CPU µs/req",
                         "upstream CPU µs/req", "errors", "req/s of each run"], body))
        md.append("")

    md.append("### Ratios (medians)\n")
    body = []
    for scenario, title in SCENARIOS.items():
        p50_delta = None
        if w(scenario, "ingate", "p50") is not None and w(scenario, "nginx", "p50") is not None:
            p50_delta = w(scenario, "ingate", "p50") - w(scenario, "nginx", "p50")
        body.append([title,
                     f_x(f_ratio(w(scenario, "ingate", "rps"), w(scenario, "nginx", "rps"))),
                     f_x(f_ratio(w(scenario, "ingate", "rps"), w(scenario, "direct", "rps"))),
                     f_x(f_ratio(w(scenario, "nginx", "rps"), w(scenario, "direct", "rps"))),
                     f_x(f_ratio(w(scenario, "ingate", "cpu"), w(scenario, "nginx", "cpu"))),
                     "n/a" if p50_delta is None else f"{p50_delta:+.2f}",
                     " · ".join(f_x(v) for v in paired_ratios(records, scenario, "ingate", "nginx")) or "n/a"])
    md.append(table(["scenario", "Ingate / nginx req/s", "Ingate / direct req/s", "nginx / direct req/s",
                     "Ingate / nginx CPU per req", "Ingate − nginx p50 ms", "Ingate / nginx req/s, each round"], body))
    md.append("")

    # ---- open loop
    md.append(f"## Open loop: {a.openloop_rate:,} requests/s for {a.openloop_seconds} s (JSON)\n")
    body = []
    for t in TARGETS:
        s = ol.get(t)
        if not s or s.get("p50") is None:
            continue
        errs = str(s["errors"]) + (f" ({s['failed_runs']} failed runs)" if s["failed_runs"] else "")
        body.append([NAMES[t], f_int(s["rate"]), f_ms(s["p50"], 3), f_ms(s["p90"], 3), f_ms(s["p99"], 3),
                     f_ms(s["max"], 1), f_us(s["cpu"]), errs,
                     " · ".join(f_ms(v, 3) for v in s["p50_runs"])])
    md.append(table(["target", "achieved req/s", "p50 ms", "p90 ms", "p99 ms", "max ms",
                     "proxy CPU µs/req", "errors", "p50 ms of each run"], body))
    md.append("")
    if ol.get("ingate", {}).get("p50") is not None:
        d = ol.get("direct", {}).get("p50")
        n = ol.get("nginx", {}).get("p50")
        parts = []
        if d is not None:
            parts.append(f"**{(ol['ingate']['p50'] - d) * 1000:.0f} µs** over direct")
        if n is not None:
            parts.append(f"{(ol['ingate']['p50'] - n) * 1000:+.0f} µs against nginx")
        if d is not None and n is not None:
            parts.append(f"nginx adds {(n - d) * 1000:.0f} µs over direct")
        md.append("Added p50 latency of Ingate: " + "; ".join(parts) + ". "
                  f"p99: Ingate {f_ms(ol['ingate'].get('p99'), 3)} ms, nginx {f_ms((ol.get('nginx') or {}).get('p99'), 3)} ms, "
                  f"direct {f_ms((ol.get('direct') or {}).get('p99'), 3)} ms (medians of the runs' percentiles).\n")

    # ---- memory
    md.append(f"## Memory with {a.streams:,} open streams\n")
    if memory:
        md.append(table(["figure", "value"], [
            ["RSS idle after start (one request served)", f"{memory['idle_rss_mb']:.0f} MB"],
            [f"RSS with the streams open", f"**{memory['rss_mb']:.0f} MB**"],
            ["peak RSS (VmHWM)", f"{memory['hwm_mb']:.0f} MB"],
            ["streams that got headers and first bytes", f"{memory['streams_with_first_byte']:,} of {a.streams:,}"],
            ["streams still open when RSS was read", f"{memory['streams_open']:,}"],
            ["failed streams", str(memory["failures"]) + (f" (e.g. {memory['failure_sample'][0]})" if memory["failure_sample"] else "")],
            ["seconds to open them all", str(memory["seconds_to_open_all"])],
            ["JVM threads", str(memory["threads"])],
        ]))
    else:
        md.append("Not measured in this run.")
    md.append("")

    # ---- start time
    md.append("## Start time (launch to first proxied request)\n")
    body = []
    for t, label in (("ingate", "**Ingate** (`java -jar`, fresh data dir)"), ("nginx", "nginx reverse proxy, for reference")):
        runs = starts[t]
        if not runs:
            continue
        vals = [s["first_request_ms"] if s and s.get("ok") else None for s in runs]
        ok = [v for v in vals if v is not None]
        body.append([label, "n/a" if not ok else f"{median(ok):.0f}",
                     " · ".join("failed" if v is None else f"{v:.0f}" for v in vals)])
    md.append(table(["process", "median ms", "each start, ms"], body) if body else "Not measured in this run.")
    md.append("")

    with open(a.out, "w") as f:
        f.write("\n".join(md).rstrip() + "\n")


if __name__ == "__main__":
    main()
