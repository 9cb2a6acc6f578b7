package dev.ingate.testkit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The relay in front of the test PostgreSQL: forwards, and fails the three ways it promises, then recovers. */
class TcpRelayTest {

    private static final Pattern SERVER = Pattern.compile("^jdbc:postgresql://([^/:?]+)(?::(\\d+))?(/.*)$");

    private TcpRelay relay;
    private String url;

    @BeforeEach
    void start() {
        Matcher m = SERVER.matcher(TestDatabases.postgresServer());
        assertThat(m.matches()).as(TestDatabases.postgresServer()).isTrue();
        relay = TcpRelay.to(m.group(1), m.group(2) == null ? 5432 : Integer.parseInt(m.group(2)));
        url = "jdbc:postgresql://127.0.0.1:" + relay.port() + m.group(3);
    }

    @AfterEach
    void stop() {
        relay.close();
    }

    private Connection connect() throws SQLException {
        // a bounded login: a black-holed connection must fail the test, not hang it
        return DriverManager.getConnection(url + (url.contains("?") ? "&" : "?") + "loginTimeout=2");
    }

    private static int selectOne(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT 1")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Test
    void forwardsToTheServer() throws Exception {
        try (Connection c = connect()) {
            assertThat(selectOne(c)).isEqualTo(1);
            assertThat(relay.openConnections()).isEqualTo(2);
        }
    }

    @Test
    void refuseClosesOpenConnectionsAndRefusesNewOnesUntilRestored() throws Exception {
        try (Connection open = connect()) {
            relay.cut(TcpRelay.Outage.REFUSE);
            assertThatThrownBy(() -> selectOne(open)).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> new Socket("127.0.0.1", relay.port()).close()).isInstanceOf(ConnectException.class);
        }
        relay.restore();
        try (Connection again = connect()) {
            assertThat(selectOne(again)).isEqualTo(1);
        }
    }

    @Test
    void blackholeAcceptsButNeverAnswers() throws Exception {
        try (Connection open = connect()) {
            relay.cut(TcpRelay.Outage.BLACKHOLE);
            assertThatThrownBy(() -> selectOne(open)).isInstanceOf(SQLException.class);
        }
        try (Socket socket = new Socket("127.0.0.1", relay.port())) {
            assertThat(socket.isConnected()).isTrue();   // the handshake works; nothing ever comes back
        }
        long start = System.nanoTime();
        assertThatThrownBy(this::connect).isInstanceOf(SQLException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(1500));
        relay.restore();
        try (Connection again = connect()) {
            assertThat(selectOne(again)).isEqualTo(1);
        }
    }

    @Test
    void freezeHoldsTrafficOnOpenConnectionsAndDeliversItOnRestore() throws Exception {
        try (Connection open = connect()) {
            relay.cut(TcpRelay.Outage.FREEZE);
            CompletableFuture<Integer> query = CompletableFuture.supplyAsync(() -> {
                try {
                    return selectOne(open);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(500);   // proving an absence: nothing may arrive in this time
            assertThat(query).isNotDone();
            relay.restore();
            assertThat(query.get(5, TimeUnit.SECONDS)).isEqualTo(1);
        }
    }
}
