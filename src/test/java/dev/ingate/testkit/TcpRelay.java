package dev.ingate.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A loopback TCP relay in front of a server (PostgreSQL, typically) that a test can take away and bring back while
 * a client keeps its address: the client is pointed at {@link #port()} and the relay forwards each connection to
 * the target. {@link #cut} simulates the failures a database client meets:
 * <ul>
 *   <li>{@link Outage#REFUSE}: every open connection is closed and the port refuses new ones (a stopped server);</li>
 *   <li>{@link Outage#BLACKHOLE}: open connections are closed, new ones are accepted and never answered (a server
 *       that hangs, or a firewall that swallows packets after the handshake);</li>
 *   <li>{@link Outage#FREEZE}: nothing is closed, but no byte passes either way, on open connections as on new ones
 *       (a network partition: the client's sockets stay up and wait).</li>
 * </ul>
 * {@link #restore} lets traffic flow again (bytes held by a freeze are delivered then). Threads are virtual: a
 * blocked pump costs nothing.
 */
public final class TcpRelay implements AutoCloseable {

    public enum Outage { REFUSE, BLACKHOLE, FREEZE }

    private final InetSocketAddress target;
    private final int port;
    private final Object gate = new Object();
    /** Every socket the relay holds, both sides of each relayed connection and the black-holed ones. */
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket listener;
    private volatile Thread acceptor;
    private volatile Outage outage;
    private volatile boolean closed;

    private TcpRelay(InetSocketAddress target) {
        this.target = target;
        this.listener = bind(0);
        this.port = listener.getLocalPort();
        startAccepting(listener);
    }

    /** A relay on a free loopback port, forwarding to {@code host:port}. */
    public static TcpRelay to(String host, int port) {
        return new TcpRelay(new InetSocketAddress(host, port));
    }

    public int port() {
        return port;
    }

    /** Connections the relay currently holds open (each relayed one counts once). */
    public int openConnections() {
        return (int) sockets.stream().filter(s -> !s.isClosed()).count();
    }

    /** Takes the target away in the given way; see {@link Outage}. */
    public void cut(Outage how) {
        synchronized (gate) {
            if (outage != null) {
                throw new IllegalStateException("already cut: " + outage);
            }
            outage = how;
        }
        if (how != Outage.FREEZE) {
            closeAll();
        }
        if (how == Outage.REFUSE) {
            stopListening();
        }
    }

    /** Lets traffic through again: the port accepts and forwards; bytes held by a freeze go on their way. */
    public void restore() {
        Outage was;
        synchronized (gate) {
            was = outage;
            outage = null;
            gate.notifyAll();
        }
        if (was == Outage.REFUSE) {
            // the same port: the client's URL names it
            listener = bind(port);
            startAccepting(listener);
        }
    }

    @Override
    public void close() {
        closed = true;
        synchronized (gate) {
            outage = null;
            gate.notifyAll();
        }
        stopListening();
        closeAll();
    }

    private void startAccepting(ServerSocket server) {
        acceptor = Thread.ofVirtual().name("tcp-relay-accept-" + port).start(() -> accept(server));
    }

    /**
     * Closes the listener and waits for the accepting thread to leave: while a thread is blocked in accept(), the JDK
     * defers the real close, and a client connecting meanwhile is reset or even accepted instead of refused.
     */
    private void stopListening() {
        closeQuietly(listener);
        try {
            acceptor.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void accept(ServerSocket server) {
        while (!closed && !server.isClosed()) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                return;   // the listener was closed by cut(REFUSE) or close()
            }
            sockets.add(client);
            if (outage == Outage.BLACKHOLE) {
                continue;   // held open, never read, never answered, even after restore (as a hung server's are): close() ends it
            }
            Thread.ofVirtual().start(() -> connect(client));
        }
    }

    private void connect(Socket client) {
        Socket upstream = new Socket();
        sockets.add(upstream);
        try {
            upstream.connect(target, 5_000);
        } catch (IOException e) {
            closeQuietly(client);
            closeQuietly(upstream);
            return;
        }
        Thread.ofVirtual().start(() -> pump(client, upstream));
        Thread.ofVirtual().start(() -> pump(upstream, client));
    }

    /** Copies bytes one way until either side closes; while frozen, holds what it read until restore. */
    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                awaitThaw();
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            // one side went away (or the relay cut it): end the pair below
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            sockets.remove(from);
            sockets.remove(to);
        }
    }

    private void awaitThaw() throws InterruptedException {
        synchronized (gate) {
            while (outage == Outage.FREEZE && !closed) {
                gate.wait();
            }
        }
    }

    private void closeAll() {
        List<Socket> open = new ArrayList<>(sockets);
        sockets.removeAll(open);
        open.forEach(TcpRelay::closeQuietly);
    }

    private static ServerSocket bind(int port) {
        try {
            ServerSocket server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("tcp relay: cannot listen on port " + port, e);
        }
    }

    private static void closeQuietly(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // closing what may already be closed
        }
    }
}
