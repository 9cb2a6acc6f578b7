package dev.ingate.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/** HTTP/1.1 by hand, for what client libraries refuse to send (hop-by-hop headers, odd framing). */
public final class RawHttp {

    private RawHttp() {
    }

    /**
     * Sends the request bytes as given and reads until the server closes the connection or stays
     * silent for a second and a half (a kept-alive connection).
     */
    public static String exchange(int port, String request) throws IOException {
        return exchange(port, request.getBytes(StandardCharsets.UTF_8));
    }

    public static String exchange(int port, byte[] request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(1500);
            socket.getOutputStream().write(request);
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    out.write(buffer, 0, n);
                }
            } catch (SocketTimeoutException keptAlive) {
                // the answer is complete; the server just kept the connection open
            }
            return out.toString(StandardCharsets.UTF_8);
        }
    }
}
