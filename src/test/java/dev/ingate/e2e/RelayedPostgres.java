package dev.ingate.e2e;

import dev.ingate.testkit.TcpRelay;
import dev.ingate.testkit.TestDatabases;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fresh PostgreSQL schema reached through a {@link TcpRelay}: {@link #url()} is what Ingate gets, so the test can
 * take the database away under it and bring it back. Closing drops the schema (directly, not through the relay).
 */
final class RelayedPostgres implements AutoCloseable {

    private static final Pattern SERVER = Pattern.compile("^jdbc:postgresql://([^/:?]+)(?::(\\d+))?(/.*)$");

    private final TestDatabases.Place place;
    private final TcpRelay relay;
    private final String url;

    private RelayedPostgres(TestDatabases.Place place, TcpRelay relay, String url) {
        this.place = place;
        this.relay = relay;
        this.url = url;
    }

    /** @param extraParams appended to the JDBC URL (e.g. {@code "socketTimeout=3"}), or empty */
    static RelayedPostgres open(String schemaPrefix, String extraParams) {
        TestDatabases.Place place = TestDatabases.postgres(schemaPrefix);
        Matcher m = SERVER.matcher(place.url());
        if (!m.matches()) {
            place.close();
            throw new IllegalStateException("not a jdbc:postgresql://host[:port]/… URL: " + place.url());
        }
        TcpRelay relay = TcpRelay.to(m.group(1), m.group(2) == null ? 5432 : Integer.parseInt(m.group(2)));
        String url = "jdbc:postgresql://127.0.0.1:" + relay.port() + m.group(3) + (extraParams.isEmpty() ? "" : "&" + extraParams);
        return new RelayedPostgres(place, relay, url);
    }

    String url() {
        return url;
    }

    TcpRelay relay() {
        return relay;
    }

    @Override
    public void close() {
        try {
            relay.close();
        } finally {
            place.close();
        }
    }
}
