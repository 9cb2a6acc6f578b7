package dev.ingate.e2e;

import dev.ingate.testkit.IngateUnderTest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/** A client that sends a streamed call over a bare socket and hangs up after a few events: Ingate's 499. */
final class ClientThatLeaves {

    private ClientThatLeaves() {
    }

    /**
     * Sends {@code call}, reads {@code events} SSE data lines, closes the socket; returns the request id. OpenAI's
     * first event only names the role: the first token comes with the second.
     */
    static String leaveAfterEvents(IngateUnderTest ingate, Call call, int events) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", ingate.port())) {
            socket.setSoTimeout(10_000);
            byte[] body = call.bodyBytes();
            StringBuilder head = new StringBuilder("POST " + call.path() + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n");
            for (Map.Entry<String, String> header : call.headers().entrySet()) {
                head.append(header.getKey()).append(": ").append(header.getValue()).append("\r\n");
            }
            OutputStream out = socket.getOutputStream();
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            BufferedReader reader = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            String requestId = null;
            int seen = 0;
            for (String line; seen < events && (line = reader.readLine()) != null; ) {
                if (line.startsWith("data:")) {
                    seen++;
                } else if (line.toLowerCase(Locale.ROOT).startsWith("x-ingate-request-id:")) {
                    requestId = line.substring(line.indexOf(':') + 1).trim();
                }
            }
            if (seen < events || requestId == null) {
                throw new AssertionError("the stream ended after " + seen + " of " + events + " events (request id " + requestId + ")");
            }
            return requestId;
        }
    }
}
