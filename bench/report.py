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

TARGETS = ("direct", "nginx", "ingate", "ingate-norec")
NAMES = {"direct": "direct (no proxy)", "nginx": "nginx reverse proxy", "ingate": "**Ingate**",
         "ingate-norec": "Ingate, recording off"}
DATABASES = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}
WRITER_GOAL = 20_000        # records/s
RECORDING_GOAL = 0.95       # throughput with recording on / off
GOVERNANCE_GOAL = 0.90      # throughput with rate limits, budget and cache checks on / off
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


def median_paired(records, scenario, a, b):
    return median(paired_ratios(records, scenario, a, b))


def settle_rows(records):
    """scenario -> settle records of the measured runs (the warm-up's is left out)."""
    rows = {}
    for r in records:
        if r.get("kind") == "settle" and r.get("scenario") in SCENARIOS:
            rows.setdefault(r["scenario"], []).append(r)
    return rows


def sent_to_ingate(records):
    """Requests wrk completed against the main Ingate (measured runs and warm-ups, the JIT's slices included), and
    those runs' connections; not the governance phase's, which comes after the recorded figures are read."""
    total = connections = 0
    for r in records:
        if r.get("scenario") == "gov-json-c64":
            continue
        if r.get("kind") in ("wrk", "warmup") and r.get("target") == "ingate" and r.get("wrk"):
            total += r["wrk"]["requests"]
            connections += r.get("connections", 64)   # the warm-ups use 64
    return total, connections


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


def recording_section(records, wrk, settles, recording, a):
    def w(scenario, target, key):
        s = wrk.get((scenario, target))
        return s[key] if s else None

    if w("json-c64", "ingate-norec", "rps") is None and not settles:
        return "Not measured in this run."
    body = []
    for scenario, title in SCENARIOS.items():
        rounds = paired_ratios(records, scenario, "ingate", "ingate-norec")
        secs = [r.get("seconds") for r in settles.get(scenario, [])]
        body.append([title, f_int(w(scenario, "ingate", "rps")), f_int(w(scenario, "ingate-norec", "rps")),
                     " · ".join(f_x(v) for v in rounds) or "n/a", f"**{f_x(median(rounds))}**",
                     f_us(w(scenario, "ingate", "cpu")), f_us(w(scenario, "ingate-norec", "cpu")),
                     " · ".join("> 120" if v is None else f"{v:.1f}" for v in secs) or "n/a"])
    out = [table(["scenario", "req/s on", "req/s off", "on / off, each round", "on / off (median)",
                  "CPU µs/req on", "CPU µs/req off", "settle s, each run"], body), ""]

    all_settles = [r for rs in settles.values() for r in rs]
    secs = [r.get("seconds") for r in all_settles]
    if all_settles:
        pending = [((r.get("metrics") or {}).get("pending")) for r in all_settles]
        known = [p for p in pending if p is not None]
        line = (f"Records of a {a.wrk_seconds} s saturated run were all written **{f_ms(median(secs), 1)} s** (median) "
                f"after it ended: the time until the Ingate process was idle, measured in 1 s windows "
                f"(0.0: idle in the first second)")
        if any(v is None for v in secs):
            line += f"; {sum(v is None for v in secs)} of {len(secs)} runs were not idle within 120 s"
        if known:
            line += (f". At those points every request Ingate had served was written in {sum(p == 0 for p in known)} of "
                     f"{len(known)} runs" + (f" (at most {max(known):,} still pending)" if max(known) > 0 else ""))
        out.append(line + ".\n")

    out.append(recorded_table(records, recording))
    return "\n".join(out).rstrip()


def recorded_table(records, recording):
    if not recording:
        return "Recorded requests: not measured in this run."
    if recording.get("error") or not recording.get("metrics"):
        return f"Recorded requests: could not be read ({recording.get('error', 'no metrics')})."
    m = recording["metrics"]
    sent, connections = sent_to_ingate(records)
    checks = recording.get("check_requests", 0)
    usage = recording.get("usage") or {}
    rolled = usage.get("requests")
    per_provider = ", ".join(f"{k or '(none)'} {v:,}" for k, v in sorted((usage.get("by_provider") or {}).items()))
    rows = [
        ["requests wrk completed against Ingate (measured runs and warm-ups) + check requests",
         f"{sent:,} + {checks}"],
        ["requests Ingate finished (`ingate_requests_total`)", f_int(m.get("requests"))],
        ["records written from the queue (`ingate_records_written_total`)", f_int(m.get("written"))],
        ["records journaled (`ingate_records_spilled_total`)", f_int(m.get("spilled"))],
        ["records replayed from the journal (`ingate_records_replayed_total`)", f_int(m.get("replayed"))],
        ["records lost (`ingate_records_lost_total`)", f_int(m.get("lost"))],
        ["failed database writes (`ingate_records_write_failures_total`)", f_int(m.get("write_failures"))],
        ["requests in the usage rollups (`GET /api/v1/usage?group_by=provider`, summed)",
         "n/a" if rolled is None else f"**{rolled:,}**" + (f" ({per_provider})" if per_provider else "")],
    ]
    out = ["Requests recorded by the Ingate with recording on, read after the closed loop:\n",
           table(["figure", "count"], rows), ""]
    if rolled is not None:
        expected = sent + checks
        verdict = "✅" if rolled >= expected else "❌"
        note = (f"{verdict} recorded {rolled:,} ≥ sent {expected:,}" if rolled >= expected
                else f"{verdict} recorded {rolled:,} < sent {expected:,}: {expected - rolled:,} requests missing")
        if rolled > expected:
            note += (f" (+{rolled - expected:,}, at most one per connection of each wrk run, {connections:,}: "
                     "requests in flight when a run stopped, which wrk does not count and Ingate records)")
        stored = (m.get("written") or 0) + (m.get("replayed") or 0)
        note += f"; written + replayed = {stored:,}"
        if m.get("requests") is not None:
            note += (", every request Ingate finished" if stored == m["requests"] and not m.get("lost")
                     else f", against {m['requests']:,} requests finished")
        out.append(note + ".\n")
    return "\n".join(out)


def writer_section(writers, a):
    rows = []
    notes = []
    for db, title in DATABASES.items():
        r = writers.get(db)
        if r and r.get("where"):
            title += f" ({r['where']})"
        if r is None:
            rows.append([title] + ["n/a"] * 6)
            notes.append(f"{title}: not measured (WriterRate gave no result; see `{a.run_dir}/writer-rate.log`).")
            continue
        if r.get("error"):
            rows.append([title] + ["n/a"] * 6)
            notes.append(f"{title}: {r['error']}.")
            continue
        runs = r.get("runs") or []
        spilled = sum(x.get("spilled", 0) for x in runs)
        rows.append([title, f"**{f_int(r.get('rate'))}**", " · ".join(f_int(x.get("rate")) for x in runs),
                     f_us(r.get("writer_cpu_us")), f_us(r.get("process_cpu_us")), f_us(r.get("server_cpu_us")),
                     f"{spilled:,}"])
        if r.get("failed_runs"):
            notes.append(f"{title}: {r['failed_runs']} run(s) did not finish (no progress for 60 s or records lost).")
    out = [f"{a.writer_records:,} records a run, from the first submit to the last commit:\n",
           table(["database", "records/s (median)", "records/s of each run", "writer thread CPU µs/record",
                  "JVM CPU µs/record", "database server CPU µs/record", "records journaled"], rows), ""]
    out.append("The writer thread's CPU includes SQLite's own work (it runs in the JVM); PostgreSQL's work is in its "
               "server processes, shown in the next column (its WAL writer and checkpointer not counted). "
               "Records journaled: batches the writer sent to its journal instead of the database (and replayed "
               "before the run ended); 0 unless it deferred database work.\n")
    if notes:
        out.append("\n".join(f"> {n}" for n in notes) + "\n")
    return "\n".join(out).rstrip()


def governance_section(records, wrk, ol, a):
    """Rate limits, budget and response cache checks on vs off, and the latency of a cache hit."""
    if a.gov_problem:
        return f"Not measured in this run: {a.gov_problem}."
    on, off = wrk.get(("gov-json-c64", "ingate-gov")), wrk.get(("gov-json-c64", "ingate"))
    if not on or not off:
        return "Not measured in this run."
    ratios = paired_ratios(records, "gov-json-c64", "ingate-gov", "ingate")
    out = [
        "The same Ingate build twice, recording on in both, JSON chat completions over 64 connections, every request "
        "with a different text (so the response cache looks up and stores every answer and never hits): once as "
        "shipped (no limits, no budget, no cache), once with an RPM and TPM limit and a USD budget on the key (far above "
        "what the run spends: every check runs, none refuses) and the response cache on (in-process). Rounds "
        "interleave the two; the ratio is the median of the per-round ratios.\n",
        table(["target", "req/s", "p50 ms", "p99 ms", "proxy CPU µs/req", "errors", "req/s of each run"], [
            ["Ingate, governance off", f_int(off["rps"]), f_ms(off["p50"]), f_ms(off["p99"]), f_us(off["cpu"]),
             str(off["errors"]), " · ".join(f_int(v) for v in off["runs"])],
            ["Ingate, limits + budget + cache on", f_int(on["rps"]), f_ms(on["p50"]), f_ms(on["p99"]), f_us(on["cpu"]),
             str(on["errors"]), " · ".join(f_int(v) for v in on["runs"])],
        ]),
        "",
        f"On / off throughput: **{f_x(median(ratios))}** (rounds: {', '.join(f_x(r) for r in ratios)}); CPU per request "
        f"on / off: {f_x(f_ratio(on['cpu'], off['cpu']))}.\n",
    ]
    hit = ol.get("ingate-gov-hit") or {}
    if hit.get("p50") is not None:
        d = (ol.get("direct") or {}).get("p50")
        miss = (ol.get("ingate") or {}).get("p50")
        out.append(f"**Cache hit latency** at {a.openloop_rate:,} req/s (open loop, the same request every time, so "
                   f"every answer after the first is a HIT from the in-process cache): p50 **{f_ms(hit['p50'], 3)} ms**, "
                   f"p90 {f_ms(hit.get('p90'), 3)} ms, p99 {f_ms(hit.get('p99'), 3)} ms; for comparison the same request "
                   f"through Ingate to the upstream: p50 {f_ms(miss, 3)} ms, and straight to the upstream: p50 {f_ms(d, 3)} ms "
                   f"(the mock upstream answers from memory, so a HIT saves little here; against a real model it saves the "
                   f"whole generation). Errors: {hit.get('errors', 0)}.\n")
    return "\n".join(out)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--results", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--java", required=True)
    ap.add_argument("--java-opts", default="")
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--wrk-seconds", type=int, default=10)
    ap.add_argument("--warmup-seconds", type=int, default=10)
    ap.add_argument("--openloop-seconds", type=int, default=20)
    ap.add_argument("--openloop-rate", type=int, default=1000)
    ap.add_argument("--streams", type=int, default=2000)
    ap.add_argument("--elapsed", type=int, default=0)
    ap.add_argument("--run-dir", default="bench/results/latest")
    ap.add_argument("--ingate-problem", default="")
    ap.add_argument("--norec-problem", default="")
    ap.add_argument("--gov-problem", default="")
    ap.add_argument("--writer-records", type=int, default=200_000)
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
    settles = settle_rows(records)
    recording = next((r for r in records if r.get("kind") == "recording"), None)
    writers = {}
    for r in records:
        if r.get("kind") == "writer":
            writers.setdefault(r["database"], r)

    def w(scenario, target, key):
        s = wrk.get((scenario, target))
        return s[key] if s else None

    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    md = []
    md.append("# Benchmarks\n")
    md.append(f"Ingate next to a direct call and an nginx reverse proxy, all on the same mock "
              f"upstream, measured in one run on {now}. Ingate runs as shipped, every request recorded to its "
              "embedded SQLite database; a second Ingate with recording off runs beside it in the closed-loop "
              "scenarios, for the cost of recording. Then the record writer's sustained rate into SQLite and "
              "PostgreSQL.\n")
    md.append("**How to run:** `bench/run` (as root; installs `nginx-light` and `wrk` from Debian when "
              "missing, builds `target/ingate.jar` when missing or stale, takes about 15 minutes, "
              f"overwrites this file; raw outputs land in `bench/results/`). This run took {a.elapsed // 60} min "
              f"{a.elapsed % 60} s; raw outputs: `{a.run_dir}/`.\n")
    if a.ingate_problem:
        md.append(f"> **Ingate was not measured in this run:** {a.ingate_problem}. "
                  "The direct and nginx figures below are still valid.\n")
    elif a.norec_problem:
        md.append(f"> **Ingate with recording off was not measured in this run:** {a.norec_problem}.\n")

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
        "upstream key injected), as shipped: every request recorded to the embedded SQLite database in its "
        "data dir;\n"
        "  * *Ingate, recording off*: a second Ingate process from the same jar, on its own port and data dir, with "
        "the same config plus `recording: { enabled: false }` (metrics still count every request). Both JVMs are up "
        "through the whole closed-loop phase, each warmed up alike; only the closed loop measures this one.\n"
        f"* **Closed loop:** `wrk -t2 -cN -d{a.wrk_seconds}s --latency`, after a JVM warm-up: {a.warmup_seconds} s of "
        "JSON and half as long of SSE, then more 5 s slices of load until the JIT compiler threads used under 5% of "
        "one core in a slice (at most 12; on 2 cores C2 goes on compiling for 30-60 s, and a JVM still compiling "
        "measures its compiler). Every Ingate process, the governance one included, is warmed up by this rule. "
        f"Each figure is the **median of {a.reps} runs**; the runs are interleaved "
        "(direct, nginx, Ingate, Ingate with recording off, then the next round) so drift on this shared VM hits "
        "them all alike. Recording on / off ratios are taken per round (the two runs are back to back), then "
        "their median.\n"
        "* **Settle:** Ingate's record writer defers database work while the machine is saturated and catches up "
        "afterwards from its journal. So after each run of Ingate (recording on) the next run waits until the "
        "Ingate process is idle (under 3% of one core over a 1 s window, at most 120 s); that settle time is "
        "reported, with the writer's counters from `/metrics` at that moment.\n"
        "* **Recorded requests:** after the closed loop, the writer's counters from Ingate's `GET /metrics` and the "
        "requests summed over `GET /api/v1/usage?group_by=provider` (the usage rollups) are compared with the "
        "requests wrk completed against Ingate (warm-up included) and the 2 check requests.\n"
        f"* **Record writer:** `bench/WriterRate.java` (run with the jar on the class path) submits "
        f"{a.writer_records:,} pre-built records (5 providers, 12 models, 40 keys, 5,000 sessions, 800 end users, "
        "time-ordered UUID v7 ids, 10% errors) to a `RecordWriter` (batches of 4,000 as shipped, no pacing; queue and high-water mark "
        "above the record count, so nothing is journaled for lack of room) and times from the first submit until "
        f"every record is committed. A fresh database each time (a new SQLite file; a new PostgreSQL schema); "
        f"one untimed warm-up, then the median of {a.reps} runs. CPU: the writer thread's (`ThreadMXBean`), the "
        "whole JVM's, and for PostgreSQL the server backends serving the run's connections (from `/proc`), each "
        "divided by the records.\n"
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
    on_off = {sc: median_paired(records, sc, "ingate", "ingate-norec") for sc in SCENARIOS}
    rows = [
        ["**Ingate recording on / off throughput, JSON, 64 conn.**", f"≥ {RECORDING_GOAL}", f_x(on_off["json-c64"]),
         check(on_off["json-c64"], lambda v: v >= RECORDING_GOAL)],
        ["Ingate recording on / off throughput, JSON, 256 conn.", f"≥ {RECORDING_GOAL}", f_x(on_off["json-c256"]),
         check(on_off["json-c256"], lambda v: v >= RECORDING_GOAL)],
        ["Ingate recording on / off throughput, SSE, 64 conn.", f"≥ {RECORDING_GOAL}", f_x(on_off["sse-c64"]),
         check(on_off["sse-c64"], lambda v: v >= RECORDING_GOAL)],
    ]
    for db in DATABASES:
        rate = (writers.get(db) or {}).get("rate")
        rows.append([f"record writer's sustained rate, {DATABASES[db]}",
                     f"≥ {WRITER_GOAL:,} records/s", "n/a" if rate is None else f"{rate:,.0f} records/s",
                     check(rate, lambda v: v >= WRITER_GOAL)])
    rows += [
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
    gov = median_paired(records, "gov-json-c64", "ingate-gov", "ingate")
    rows.append(["Ingate governance on / off throughput (limits, budget, cache checks), JSON, 64 conn.",
                 f"≥ {GOVERNANCE_GOAL}", f_x(gov), check(gov, lambda v: v >= GOVERNANCE_GOAL)])
    md.append(table(["target", "goal", "measured", "result"], rows, numeric=False))
    md.append("")
    md.append("Recording on / off is the median of the per-round ratios; the JSON 64-connection row is the target, "
              "256 connections and SSE are shown beside it. The Ingate / nginx rows compare the default build "
              "(recording on) and are ratios of the medians.\n")
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

    # ---- recording on vs off
    md.append("## Recording on vs off\n")
    md.append(recording_section(records, wrk, settles, recording, a))
    md.append("")

    # ---- governance
    md.append("## Governance on vs off\n")
    md.append(governance_section(records, wrk, ol, a))
    md.append("")

    # ---- record writer
    md.append("## Record writer\n")
    md.append(writer_section(writers, a))
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
