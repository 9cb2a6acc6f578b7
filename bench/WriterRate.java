// bench/WriterRate.java — the record writer's sustained rate into SQLite and PostgreSQL.
//
//   java -cp target/ingate.jar bench/WriterRate.java --dir DIR [--postgres JDBC_URL]
//        [--records 200000] [--reps 3] [--warmup 20000] [--clk-tck 100]
//
// For each database: a warm-up run (not reported), then --reps timed runs, each into a fresh database (a new SQLite
// file in DIR; a new PostgreSQL schema, created with plain JDBC and dropped afterwards; the journal under DIR). A timed run pre-builds N realistic records, submits them all
// to a RecordWriter whose queue and high-water mark hold all N (nothing is journaled because of the queue), and
// times from the first submit until written() + replayed() == N. Prints one JSON line per database on stdout
// (for bench/results/<stamp>/results.jsonl); progress goes to stderr.
//
// CPU: the writer thread's own CPU time (ThreadMXBean) and the whole process's (OperatingSystemMXBean: the writer,
// the submitting loop, GC, JIT), each divided by N; for PostgreSQL also the CPU of the server backends that served the
// run's connections (from /proc, when the server runs on this machine; its WAL writer and checkpointer not counted).

import dev.ingate.observe.record.RecordWriter;
import dev.ingate.observe.record.RequestRecord;
import dev.ingate.store.Database;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

public class WriterRate {

    /** No progress for this long: the run is reported as failed instead of waiting for ever. */
    private static final Duration STALL = Duration.ofSeconds(60);

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = options(args);
        int records = Integer.parseInt(opt.getOrDefault("records", "200000"));
        int reps = Integer.parseInt(opt.getOrDefault("reps", "3"));
        int warmup = Integer.parseInt(opt.getOrDefault("warmup", String.valueOf(Math.min(records, 20_000))));
        clkTck = Long.parseLong(opt.getOrDefault("clk-tck", "100"));
        Path workDir = Path.of(opt.getOrDefault("dir", "writer-rate")).toAbsolutePath();
        String postgres = opt.get("postgres");
        Logger.getLogger("").setLevel(Level.WARNING);   // no migration chatter between the JSON lines' progress

        Files.createDirectories(workDir);
        System.out.println(measure(new Sqlite(workDir), workDir, records, reps, warmup));
        if (postgres != null) {
            String unreachable = Postgres.unreachable(postgres);
            System.out.println(unreachable == null
                    ? measure(new Postgres(postgres), workDir, records, reps, warmup)
                    : json(unmeasured("postgresql", records, unreachable)));
        }
    }

    static Map<String, Object> unmeasured(String database, int records, String why) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("kind", "writer");
        out.put("database", database);
        out.put("records", records);
        out.put("error", why);
        return out;
    }

    // ------------------------------------------------------------------ databases

    /** A fresh, empty database per run, and what it takes to remove it. */
    interface Target {
        String name();

        /** Where the data goes: the file system of a SQLite file, a PostgreSQL server's host and port. */
        String where() throws Exception;

        String freshUrl(String tag) throws Exception;

        void drop(String tag) throws Exception;

        /** CPU time so far (ns) of the database server processes serving this run, by pid; empty when in-process. */
        default Map<Long, Long> serverCpu(String tag) throws Exception {
            return Map.of();
        }
    }

    /** A new database file per run in {@code dir}. */
    record Sqlite(Path dir) implements Target {
        public String name() {
            return "sqlite";
        }

        public String where() throws Exception {
            return "file on " + Files.getFileStore(dir).type();
        }

        public String freshUrl(String tag) {
            return "jdbc:sqlite:" + dir.resolve("writer-" + tag + ".db").toAbsolutePath();
        }

        public void drop(String tag) throws Exception {
            for (String suffix : List.of("", "-wal", "-shm", "-journal")) {
                Files.deleteIfExists(dir.resolve("writer-" + tag + ".db" + suffix));
            }
        }
    }

    /** A new schema per run, created here with plain JDBC and dropped after the run. */
    record Postgres(String baseUrl) implements Target {
        public String name() {
            return "postgresql";
        }

        /** Null when a connection works, else why it does not. */
        static String unreachable(String url) {
            DriverManager.setLoginTimeout(3);
            try (Connection c = DriverManager.getConnection(url)) {
                return null;
            } catch (SQLException e) {
                System.err.println("writer rate: PostgreSQL not reachable: " + e.getMessage());
                return "not measured: no PostgreSQL at " + hostPort(url);
            }
        }

        static String hostPort(String url) {
            return url.replaceFirst("^jdbc:postgresql://([^/?]*).*$", "$1");
        }

        public String where() {
            return hostPort(baseUrl);
        }

        private String schema(String tag) {
            return "bench_writer_" + ProcessHandle.current().pid() + "_" + tag.replace('-', '_');
        }

        public String freshUrl(String tag) throws SQLException {
            sql("DROP SCHEMA IF EXISTS " + schema(tag) + " CASCADE");
            sql("CREATE SCHEMA " + schema(tag));
            return baseUrl + (baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema(tag) + "&ApplicationName=" + schema(tag);
        }

        /** The backends of this run's pool (found by their application_name), from /proc: the server on this machine. */
        public Map<Long, Long> serverCpu(String tag) throws Exception {
            Map<Long, Long> cpu = new LinkedHashMap<>();
            try (Connection c = DriverManager.getConnection(baseUrl);
                 var ps = c.prepareStatement("SELECT pid FROM pg_stat_activity WHERE application_name = ?")) {
                ps.setString(1, schema(tag));
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long pid = rs.getLong(1);
                        Long ns = procCpuNanos(pid);
                        if (ns == null) {
                            return null;   // not on this machine, or not readable: not measured
                        }
                        cpu.put(pid, ns);
                    }
                }
            }
            return cpu;
        }

        public void drop(String tag) throws SQLException {
            sql("DROP SCHEMA IF EXISTS " + schema(tag) + " CASCADE");
        }

        private void sql(String statement) throws SQLException {
            try (Connection c = DriverManager.getConnection(baseUrl); Statement s = c.createStatement()) {
                s.execute(statement);
            }
        }
    }

    // ------------------------------------------------------------------ measuring

    /** serverCpuUs: NaN when the database runs in-process (SQLite) or its processes could not be read. */
    record Run(double seconds, double rate, double writerCpuUs, double processCpuUs, double serverCpuUs, long spilled,
               long replayed, long lost, boolean complete) {
    }

    /** Clock ticks a second of /proc/PID/stat times (getconf CLK_TCK; 100 on Linux x86-64 and arm64). */
    static long clkTck = 100;

    /** utime + stime of a process, in ns; null when it is gone or unreadable. */
    static Long procCpuNanos(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 1_000_000_000L / clkTck;
        } catch (Exception e) {
            return null;
        }
    }

    /** CPU used between two serverCpu readings; NaN when either is unknown or there are no server processes. */
    static double serverCpuDelta(Map<Long, Long> before, Map<Long, Long> after) {
        if (before == null || after == null || after.isEmpty()) {
            return Double.NaN;
        }
        long ns = 0;
        for (Map.Entry<Long, Long> e : after.entrySet()) {
            ns += e.getValue() - before.getOrDefault(e.getKey(), 0L);
        }
        return ns;
    }

    static String measure(Target target, Path workDir, int records, int reps, int warmup) throws Exception {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("kind", "writer");
        out.put("database", target.name());
        out.put("records", records);
        try {
            out.put("where", target.where());
            if (warmup > 0) {
                Run w = once(target, workDir, "warmup", warmup);
                System.err.printf(Locale.ROOT, "writer rate: %s warm-up, %,d records: %,.0f records/s%n", target.name(), warmup, w.rate);
            }
            List<Run> runs = new ArrayList<>();
            for (int rep = 1; rep <= reps; rep++) {
                Run r = once(target, workDir, "r" + rep, records);
                System.err.printf(Locale.ROOT, "writer rate: %s run %d: %,.0f records/s; CPU µs/record: writer thread %.1f, JVM %.1f, server %s; journaled %d%n",
                        target.name(), rep, r.rate, r.writerCpuUs, r.processCpuUs,
                        Double.isNaN(r.serverCpuUs) ? "n/a" : String.format(Locale.ROOT, "%.1f", r.serverCpuUs), r.spilled);
                runs.add(r);
            }
            List<Run> ok = runs.stream().filter(Run::complete).toList();
            out.put("rate", round(median(ok.stream().mapToDouble(Run::rate).toArray()), 0));
            out.put("writer_cpu_us", round(median(ok.stream().mapToDouble(Run::writerCpuUs).toArray()), 2));
            out.put("process_cpu_us", round(median(ok.stream().mapToDouble(Run::processCpuUs).toArray()), 2));
            out.put("server_cpu_us", round(median(ok.stream().mapToDouble(Run::serverCpuUs).filter(v -> !Double.isNaN(v)).toArray()), 2));
            out.put("failed_runs", runs.size() - ok.size());
            out.put("runs", runs.stream().map(WriterRate::runJson).toList());
        } catch (Exception | Error e) {
            System.err.println("writer rate: " + target.name() + " failed");
            e.printStackTrace();
            out.put("error", e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        return json(out);
    }

    static Run once(Target target, Path workDir, String tag, int n) throws Exception {
        List<RequestRecord> batch = Records.build(n, tag.hashCode());
        String url = target.freshUrl(tag);
        Path dataDir = Files.createDirectories(workDir.resolve("data-" + target.name() + "-" + tag));   // its journal/
        RecordWriter.Settings settings = new RecordWriter.Settings(n + 1_000, 4_000, n + 1_000, 64L << 20, false,
                Duration.ofSeconds(5), Duration.ofMillis(250), Duration.ofSeconds(10));
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try (Database db = Database.open(url)) {
            System.gc();   // the records just built: collected now, not inside the timed window
            RecordWriter writer = RecordWriter.start(db.dataSource(), db.dialect(), dataDir, settings);
            try {
                long writerThread = writerThreadId();
                Map<Long, Long> server0 = target.serverCpu(tag);
                long thread0 = threads.getThreadCpuTime(writerThread);
                long cpu0 = os.getProcessCpuTime();
                long t0 = System.nanoTime();
                for (RequestRecord r : batch) {
                    writer.submit(r);
                }
                long done = 0;
                long lastProgress = System.nanoTime();
                while ((done = writer.written() + writer.replayed()) < n && writer.lost() == 0) {
                    Thread.sleep(2);
                    if (done != writer.written() + writer.replayed()) {
                        lastProgress = System.nanoTime();
                    } else if (System.nanoTime() - lastProgress > STALL.toNanos()) {
                        break;
                    }
                }
                long t1 = System.nanoTime();
                long thread1 = threads.getThreadCpuTime(writerThread);
                long cpu1 = os.getProcessCpuTime();
                double server = serverCpuDelta(server0, target.serverCpu(tag));
                double seconds = (t1 - t0) / 1e9;
                return new Run(seconds, done / seconds, (thread1 - thread0) / 1e3 / n, (cpu1 - cpu0) / 1e3 / n,
                        server / 1e3 / n, writer.spilled(), writer.replayed(), writer.lost(), done >= n);
            } finally {
                writer.close();
            }
        } finally {
            target.drop(tag);
            deleteTree(dataDir);
        }
    }

    static void deleteTree(Path dir) throws Exception {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** The thread RecordWriter.start just started (named ingate-record-writer; there is one at a time here). */
    static long writerThreadId() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("ingate-record-writer") && t.isAlive())
                .mapToLong(Thread::threadId).max()
                .orElseThrow(() -> new IllegalStateException("no ingate-record-writer thread"));
    }

    // ------------------------------------------------------------------ records

    /** Realistic request records: a mix of providers, models, keys, sessions, end users and outcomes. */
    static final class Records {
        private static final String[][] PROVIDERS = {
                // provider, path, models...
                {"openai", "/v1/chat/completions", "gpt-4o-mini", "gpt-4o", "gpt-4.1", "o3-mini"},
                {"anthropic", "/v1/messages", "claude-3-5-haiku-latest", "claude-sonnet-4-5", "claude-opus-4-1"},
                {"azure-gpt4", "/v1/chat/completions", "gpt-4o"},
                {"together", "/v1/chat/completions", "meta-llama/Llama-3.3-70B-Instruct-Turbo", "Qwen/Qwen2.5-72B-Instruct"},
                {"ollama", "/api/chat", "llama3.2", "qwen2.5:7b"},
        };
        private static final int[] PROVIDER_WEIGHTS = {50, 25, 10, 10, 5};
        private static final int KEYS = 40;
        private static final int SESSIONS = 5_000;
        private static final int USERS = 800;

        static List<RequestRecord> build(int n, long seed) {
            SplittableRandom random = new SplittableRandom(seed);
            String[] keyIds = new String[KEYS];
            for (int k = 0; k < KEYS; k++) {
                keyIds[k] = new UUID(random.nextLong(), random.nextLong()).toString();
            }
            List<RequestRecord> out = new ArrayList<>(n);
            long startMicros = Instant.now().toEpochMilli() * 1000;
            for (int i = 0; i < n; i++) {
                Instant at = Instant.ofEpochMilli((startMicros + i * 50L) / 1000);   // 20,000 requests a second
                String[] p = PROVIDERS[pick(random, PROVIDER_WEIGHTS)];
                String model = p[2 + random.nextInt(p.length - 2)];
                int status = status(random);
                boolean answered = status < 300;
                boolean streamed = random.nextInt(2) == 0;
                int key = status == 401 ? -1 : (int) Math.min(KEYS - 1, Math.abs(random.nextGaussian()) * KEYS / 3);
                Long input = answered ? 20L + random.nextInt(6_000) : null;
                Long output = answered ? 1L + random.nextInt(1_200) : null;
                Long cached = answered ? (random.nextInt(4) == 0 ? input / 2 : 0L) : null;
                BigDecimal cost = answered && !p[0].equals("ollama")
                        ? BigDecimal.valueOf(input * 150 + output * 600, 9) : null;   // $0.15 and $0.60 a million
                long latency = 200 + random.nextInt(8_000);
                out.add(record(
                        id(at, random), at,
                        key < 0 ? null : keyIds[key], key < 0 ? null : "team-" + key,
                        status == 404 ? null : p[0], answered || status >= 500 ? p[0] : null,
                        model, answered ? model + "-2025-01-01" : null, p[1],
                        status, status == 502 ? 3 : status >= 500 ? 2 : 1, latency,
                        answered && streamed ? (Long) (long) (50 + random.nextInt(900)) : null,
                        0.05 + random.nextInt(400) / 1000.0,
                        input, output, cached, cost,
                        random.nextInt(3) == 0 ? null : "sess-" + random.nextInt(SESSIONS),
                        random.nextInt(2) == 0 ? null : "user-" + random.nextInt(USERS) + "@example.com",
                        answered ? null : error(status)));
            }
            return out;
        }

        /**
         * The one place that calls RequestRecord's constructor: when the record gains a field, fix it here.
         */
        static RequestRecord record(String id, Instant createdAt, String keyId, String keyName, String provider,
                                    String servedBy, String model, String servedModel, String path, int status,
                                    int attempts, long latencyMs, Long ttftMs, double overheadMs, Long inputTokens,
                                    Long outputTokens, Long cachedInputTokens, BigDecimal costUsd, String sessionId,
                                    String user, String error) {
            return new RequestRecord(id, createdAt, keyId, keyName, provider, servedBy, model, servedModel, path,
                    status, attempts, latencyMs, ttftMs, overheadMs, inputTokens, outputTokens, cachedInputTokens,
                    costUsd, sessionId, user, null, error);
        }

        /** A UUID version 7 (millisecond time, then random bits), as Ingate's request ids. */
        static String id(Instant at, SplittableRandom random) {
            long high = (at.toEpochMilli() << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);
            long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
            return new UUID(high, low).toString();
        }

        private static int status(SplittableRandom random) {
            int x = random.nextInt(1000);
            if (x < 900) return 200;
            if (x < 930) return 429;
            if (x < 950) return 400;
            if (x < 965) return 500;
            if (x < 975) return 502;
            if (x < 985) return 401;
            if (x < 990) return 404;
            if (x < 995) return 504;
            return 499;
        }

        private static String error(int status) {
            return switch (status) {
                case 429 -> "upstream rate limit: Rate limit reached for requests";
                case 400 -> "invalid_request_error: messages: field required";
                case 401 -> "missing or invalid gateway key";
                case 404 -> "unknown provider";
                case 499 -> "client closed the connection";
                case 502 -> "upstream unreachable: connection refused";
                case 504 -> "upstream timeout after 600s";
                default -> "upstream error: 500 Internal Server Error";
            };
        }

        private static int pick(SplittableRandom random, int[] weights) {
            int x = random.nextInt(Arrays.stream(weights).sum());
            for (int i = 0; i < weights.length; i++) {
                if ((x -= weights[i]) < 0) {
                    return i;
                }
            }
            return weights.length - 1;
        }
    }

    // ------------------------------------------------------------------ plumbing

    static Map<String, String> options(String[] args) {
        Map<String, String> opt = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("usage: WriterRate --dir DIR [--postgres URL] [--records N] [--reps R] [--warmup N] [--clk-tck N]");
            }
            opt.put(args[i].substring(2), args[++i]);
        }
        return opt;
    }

    static Double median(double[] values) {
        if (values.length == 0) {
            return null;
        }
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    static Map<String, Object> runJson(Run r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seconds", round(r.seconds, 3));
        m.put("rate", round(r.rate, 0));
        m.put("writer_cpu_us", round(r.writerCpuUs, 2));
        m.put("process_cpu_us", round(r.processCpuUs, 2));
        m.put("server_cpu_us", Double.isNaN(r.serverCpuUs) ? null : round(r.serverCpuUs, 2));
        m.put("spilled", r.spilled);
        m.put("replayed", r.replayed);
        m.put("lost", r.lost);
        m.put("complete", r.complete);
        return m;
    }

    static Double round(Double v, int digits) {
        if (v == null || v.isNaN()) {
            return null;
        }
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }

    /** Enough JSON for flat maps of strings, numbers, booleans, nulls and lists of such maps. */
    static String json(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Map<?, ?> m) {
            StringBuilder b = new StringBuilder("{");
            for (Map.Entry<?, ?> e : m.entrySet()) {
                b.append(b.length() > 1 ? "," : "").append(json(e.getKey().toString())).append(':').append(json(e.getValue()));
            }
            return b.append('}').toString();
        }
        if (v instanceof List<?> l) {
            StringBuilder b = new StringBuilder("[");
            for (Object o : l) {
                b.append(b.length() > 1 ? "," : "").append(json(o));
            }
            return b.append(']').toString();
        }
        if (v instanceof Double d) {
            return d.isNaN() || d.isInfinite() ? "null" : (d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString(d.longValue()) : d.toString());
        }
        if (v instanceof Number || v instanceof Boolean) {
            return v.toString();
        }
        String s = v.toString();
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> b.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return b.append('"').toString();
    }
}
