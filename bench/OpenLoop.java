// Open-loop HTTP/1.1 load generator (JDK only; run as `java bench/OpenLoop.java ...`).
//
// Request i is intended to start at t0 + i/rate, whatever happened to earlier requests.
// Its latency runs from that intended time to the last byte of the response, so a stall
// of the target shows up in the figures (coordinated omission corrected, as in wrk2).
//
// Each of --connections keep-alive connections is owned by one thread that claims the next
// request number, sleeps until its intended time (park, then a short spin for precision),
// writes the request with one write, and reads the response to its end (Content-Length,
// chunked, or connection close). When every connection is busy, claimed requests are
// already late and their waiting time counts.
//
// Prints one JSON line: achieved rate, completed and failed requests, percentiles in µs.
//
// Options: --url http://127.0.0.1:8080/v1/chat/completions --rate 1000 --duration 20
//          --warmup 2 --connections 32 --body '{...}' --header 'Name: value' (repeatable)
//          --label text
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

public class OpenLoop {
    static final long SPIN_NS = 100_000;          // last 100 µs before a send: spin, not park
    static final int READ_TIMEOUT_MS = 10_000;

    final String host;
    final int port;
    final double rate;
    final long warmupTickets, totalTickets;
    final byte[] request;
    final AtomicLong nextTicket = new AtomicLong();
    final AtomicLong errors = new AtomicLong();
    final AtomicLong non2xx = new AtomicLong();
    final AtomicLong answered = new AtomicLong();     // responses read, warm-up included
    volatile boolean stop;
    long t0;

    OpenLoop(Map<String, List<String>> o) {
        java.net.URI url = java.net.URI.create(one(o, "url", "http://127.0.0.1:8080/v1/chat/completions"));
        host = url.getHost();
        port = url.getPort() < 0 ? 80 : url.getPort();
        rate = Double.parseDouble(one(o, "rate", "1000"));
        double duration = Double.parseDouble(one(o, "duration", "20"));
        double warmup = Double.parseDouble(one(o, "warmup", "2"));
        warmupTickets = (long) (warmup * rate);
        totalTickets = warmupTickets + (long) (duration * rate);
        String path = url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        if (url.getRawQuery() != null) path += "?" + url.getRawQuery();
        byte[] body = one(o, "body", "").getBytes(StandardCharsets.UTF_8);
        StringBuilder h = new StringBuilder();
        h.append(body.length > 0 ? "POST " : "GET ").append(path).append(" HTTP/1.1\r\n");
        h.append("Host: ").append(host).append(':').append(port).append("\r\n");
        for (String header : o.getOrDefault("header", List.of())) h.append(header).append("\r\n");
        if (body.length > 0) h.append("Content-Length: ").append(body.length).append("\r\n");
        h.append("\r\n");
        byte[] head = h.toString().getBytes(StandardCharsets.UTF_8);
        request = Arrays.copyOf(head, head.length + body.length);
        System.arraycopy(body, 0, request, head.length, body.length);
    }

    static String one(Map<String, List<String>> o, String k, String def) {
        List<String> v = o.get(k);
        return v == null ? def : v.get(v.size() - 1);
    }

    long intended(long ticket) {
        return t0 + (long) (ticket * 1e9 / rate);
    }

    static void sleepUntil(long due) {
        long now;
        while ((now = System.nanoTime()) < due - SPIN_NS) LockSupport.parkNanos(due - SPIN_NS - now);
        while (System.nanoTime() < due) Thread.onSpinWait();
    }

    /** One connection, driven by one thread. */
    final class Worker implements Runnable {
        long[] samples = new long[1024];
        int count;
        long lastEnd;
        Socket socket;
        InputStream in;
        OutputStream out;

        void connect() throws IOException {
            close();
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(READ_TIMEOUT_MS);
            socket.connect(new InetSocketAddress(host, port), 5_000);
            in = new BufferedInputStream(socket.getInputStream(), 65536);
            out = socket.getOutputStream();
        }

        void close() {
            if (socket != null) try { socket.close(); } catch (IOException ignored) { }
            socket = null;
        }

        public void run() {
            try {
                while (!stop) {
                    long ticket = nextTicket.getAndIncrement();
                    if (ticket >= totalTickets) break;
                    long due = intended(ticket);
                    sleepUntil(due);
                    try {
                        if (socket == null) connect();
                        out.write(request);
                        boolean keepAlive = readResponse(in);
                        long end = System.nanoTime();
                        answered.incrementAndGet();
                        if (!keepAlive) close();
                        if (ticket >= warmupTickets) record(end - due, end);
                    } catch (IOException e) {
                        if (!stop) errors.incrementAndGet();
                        close();
                    }
                }
            } finally {
                close();
            }
        }

        void record(long latency, long end) {
            if (count == samples.length) samples = Arrays.copyOf(samples, count * 2);
            samples[count++] = latency;
            lastEnd = Math.max(lastEnd, end);
        }

        /** Reads one response to its last byte; answers whether the connection stays usable. */
        boolean readResponse(InputStream in) throws IOException {
            int status;
            long contentLength;
            boolean chunked, close;
            do {
                String statusLine = readLine(in);
                String[] parts = statusLine.split(" ", 3);
                if (parts.length < 2 || !parts[0].startsWith("HTTP/")) throw new IOException("bad status line: " + statusLine);
                status = Integer.parseInt(parts[1]);
                contentLength = -1;
                chunked = false;
                close = parts[0].equals("HTTP/1.0");
                for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
                    int colon = line.indexOf(':');
                    if (colon < 0) continue;
                    String name = line.substring(0, colon).trim().toLowerCase();
                    String value = line.substring(colon + 1).trim().toLowerCase();
                    switch (name) {
                        case "content-length" -> contentLength = Long.parseLong(value);
                        case "transfer-encoding" -> chunked = value.contains("chunked");
                        case "connection" -> close = value.contains("close") || (close && !value.contains("keep-alive"));
                        default -> { }
                    }
                }
            } while (status >= 100 && status < 200);
            if (status < 200 || status > 299) non2xx.incrementAndGet();
            if (chunked) {
                while (true) {
                    String sizeLine = readLine(in);
                    int semi = sizeLine.indexOf(';');
                    long size = Long.parseLong((semi < 0 ? sizeLine : sizeLine.substring(0, semi)).trim(), 16);
                    if (size == 0) {
                        while (!readLine(in).isEmpty()) { }   // trailers
                        break;
                    }
                    skip(in, size);
                    readLine(in);
                }
            } else if (contentLength >= 0) {
                skip(in, contentLength);
            } else if (status != 204 && status != 304) {
                while (in.read() >= 0) { }                  // body ends at connection close
                return false;
            }
            return !close;
        }
    }

    static String readLine(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder(64);
        int c;
        while ((c = in.read()) != '\n') {
            if (c < 0) throw new EOFException("connection closed");
            if (c != '\r') sb.append((char) c);
        }
        return sb.toString();
    }

    static void skip(InputStream in, long n) throws IOException {
        while (n > 0) {
            long s = in.skip(n);
            if (s <= 0) {
                if (in.read() < 0) throw new EOFException("connection closed in body");
                s = 1;
            }
            n -= s;
        }
    }

    static long pct(long[] sorted, double p) {
        if (sorted.length == 0) return -1;
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1000;
    }

    String run(int connections, String label) throws InterruptedException {
        List<Worker> workers = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        t0 = System.nanoTime() + 300_000_000L;       // let the connections open first
        for (int i = 0; i < connections; i++) {
            Worker w = new Worker();
            try { w.connect(); } catch (IOException e) { errors.incrementAndGet(); }
            workers.add(w);
            Thread t = new Thread(w, "openloop-" + i);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        long deadline = intended(totalTickets) + 15_000_000_000L;
        for (Thread t : threads) t.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
        boolean timedOut = threads.stream().anyMatch(Thread::isAlive);
        if (timedOut) {
            stop = true;
            for (Worker w : workers) w.close();
            for (Thread t : threads) t.join(2_000);
        }
        int n = 0;
        long lastEnd = 0;
        for (Worker w : workers) { n += w.count; lastEnd = Math.max(lastEnd, w.lastEnd); }
        long[] all = new long[n];
        int k = 0;
        for (Worker w : workers) { System.arraycopy(w.samples, 0, all, k, w.count); k += w.count; }
        Arrays.sort(all);
        double seconds = (lastEnd - intended(warmupTickets)) / 1e9;
        double achieved = seconds > 0 ? n / seconds : 0;
        return String.format(java.util.Locale.ROOT,
                "{\"label\":\"%s\",\"target_rate\":%.0f,\"achieved_rate\":%.1f,\"completed\":%d,\"expected\":%d,\"answered_total\":%d,"
                        + "\"errors\":%d,\"non_2xx\":%d,\"timed_out\":%b,"
                        + "\"p50_us\":%d,\"p90_us\":%d,\"p99_us\":%d,\"p999_us\":%d,\"max_us\":%d}",
                label, rate, achieved, n, totalTickets - warmupTickets, answered.get(), errors.get(), non2xx.get(), timedOut,
                pct(all, 50), pct(all, 90), pct(all, 99), pct(all, 99.9), pct(all, 100));
    }

    public static void main(String[] args) throws Exception {
        Map<String, List<String>> o = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) throw new IllegalArgumentException("expected --option, got " + args[i]);
            o.computeIfAbsent(args[i].substring(2), k -> new ArrayList<>()).add(args[i + 1]);
        }
        OpenLoop load = new OpenLoop(o);
        int connections = Integer.parseInt(one(o, "connections", "32"));
        System.out.println(load.run(connections, one(o, "label", "")));
    }
}
