package dev.ingate.store;

import dev.ingate.audit.Actor;
import dev.ingate.audit.AuditEntry;
import dev.ingate.audit.AuditLog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuditLogStoreTest extends StoreTestBase {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant T0 = Instant.ofEpochMilli(1_700_000_000_000L);
    private static final Actor ALICE = Actor.admin("alice", "10.0.0.7", "curl/8.5");

    private AuditLog log;

    @BeforeEach
    void openLog() throws SQLException {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM audit_log");
        }
        log = new JdbcAuditLog(database);
    }

    @Test
    void anEntryRoundTripsWithItsActorAndBothSides() {
        AuditEntry entry = new AuditEntry("aud_1", T0, ALICE, "provider.update", "openai",
                JSON.readTree("{\"name\":\"openai\",\"api_key\":\"***\"}"), JSON.readTree("{\"name\":\"openai\",\"base_url\":\"http://x\"}"));
        log.append(entry);
        log.append(new AuditEntry("aud_2", T0.plusMillis(1), Actor.CONFIG_FILE, "key.create", "file-ci", null, JSON.readTree("{\"id\":\"file-ci\"}")));

        List<AuditEntry> all = log.list(AuditLog.Filter.ANY, 0, null).entries();

        assertThat(all).extracting(AuditEntry::id).containsExactly("aud_2", "aud_1");
        assertThat(all.get(1)).usingRecursiveComparison().isEqualTo(entry);
        assertThat(all.get(0).before()).isNull();
        assertThat(all.get(0).actor()).isEqualTo(Actor.CONFIG_FILE);
    }

    @Test
    void filtersByActionTargetActorAndTimeWindow() {
        log.append(entry("a", T0, ALICE, "provider.create", "groq"));
        log.append(entry("b", T0.plusSeconds(1), Actor.admin(null, "127.0.0.1", null), "key.create", "key_1"));
        log.append(entry("c", T0.plusSeconds(2), ALICE, "key.revoke", "key_1"));
        log.append(entry("d", T0.plusSeconds(3), Actor.CONFIG_FILE, "provider.update", "groq"));

        assertThat(ids(new AuditLog.Filter("key.create", null, null, null, null))).containsExactly("b");
        assertThat(ids(new AuditLog.Filter(null, "groq", null, null, null))).containsExactly("d", "a");
        assertThat(ids(new AuditLog.Filter(null, null, "alice", null, null))).containsExactly("c", "a");
        assertThat(ids(new AuditLog.Filter(null, null, "admin", null, null))).containsExactly("b");
        assertThat(ids(new AuditLog.Filter(null, null, null, T0.plusSeconds(1), T0.plusSeconds(3)))).as("since inclusive, until exclusive")
                .containsExactly("c", "b");
        assertThat(ids(new AuditLog.Filter("key.revoke", "key_1", "alice", T0, null))).containsExactly("c");
    }

    @Test
    void theCursorWalksEveryEntryOnceNewestFirst() {
        for (int i = 0; i < 7; i++) {
            // two entries share each millisecond: the id breaks the tie
            log.append(entry("e" + i, T0.plusMillis(i / 2), ALICE, "route.create", "m" + i));
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            AuditLog.Page page = log.list(AuditLog.Filter.ANY, 3, cursor);
            page.entries().forEach(e -> seen.add(e.id()));
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null);

        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactly("e6", "e5", "e4", "e3", "e2", "e1", "e0");
        assertThatThrownBy(() -> log.list(AuditLog.Filter.ANY, 3, "not a cursor")).isInstanceOf(IllegalArgumentException.class);
    }

    private List<String> ids(AuditLog.Filter filter) {
        return log.list(filter, 100, null).entries().stream().map(AuditEntry::id).toList();
    }

    private static AuditEntry entry(String id, Instant at, Actor actor, String action, String target) {
        return new AuditEntry(id, at, actor, action, target, null, JSON.readTree("{\"v\":1}"));
    }
}
