-- wrk script: the same OpenAI chat request for every target, and a one-line JSON summary.
-- Environment: BENCH_BODY (request body), BENCH_PROVIDER (optional X-Ingate-Provider),
-- BENCH_UNIQUE=1: every request's text differs (a response cache then never hits: the governance run).
wrk.method = "POST"
wrk.body = os.getenv("BENCH_BODY") or '{"model":"gpt-4o-mini","messages":[{"role":"user","content":"hi"}]}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer sk-ingate-bench0123456789abcdefghijklmnopqrstuv"
local provider = os.getenv("BENCH_PROVIDER")
if provider and provider ~= "" then
  wrk.headers["X-Ingate-Provider"] = provider
end

if os.getenv("BENCH_UNIQUE") == "1" then
  local prefix, count
  function init(args)
    -- each wrk thread has its own Lua state: a per-thread random prefix keeps the texts apart across threads
    math.randomseed(os.time() + math.floor(os.clock() * 1e6) + tonumber(tostring({}):match("0x(%x+)") or "0", 16) % 100000)
    prefix = tostring(math.random(1, 1000000000))
    count = 0
  end
  function request()
    count = count + 1
    local body = wrk.body:gsub('"content":"hi"', '"content":"hi ' .. prefix .. '-' .. count .. '"', 1)
    return wrk.format(nil, nil, nil, body)
  end
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'BENCH_JSON {"requests":%d,"duration_us":%d,"bytes":%d,"p50_us":%d,"p90_us":%d,"p99_us":%d,"max_us":%d,' ..
    '"err_connect":%d,"err_read":%d,"err_write":%d,"err_status":%d,"err_timeout":%d}\n',
    summary.requests, summary.duration, summary.bytes,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max,
    e.connect, e.read, e.write, e.status, e.timeout))
end
