package dev.ingate.store;

import dev.ingate.audit.Actor;
import dev.ingate.audit.AuditEntry;
import dev.ingate.audit.AuditLog;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** {@link AuditLog} over the audit_log table. Thread-safe; every call blocks. */
public final class JdbcAuditLog implements AuditLog {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1_000;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String COLUMNS = "id, created_at, actor, via, address, user_agent, action, target, before_json, after_json";

    private final Sql sql;

    public JdbcAuditLog(Database database) {
        this.sql = new Sql(database.dataSource());
    }

    @Override
    public void append(AuditEntry e) {
        sql.run("append to the audit log", c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_log (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, e.id());
                ps.setLong(2, e.createdAt().toEpochMilli());
                ps.setString(3, e.actor().name());
                ps.setString(4, e.actor().via());
                Columns.setNullableText(ps, 5, e.actor().address());
                Columns.setNullableText(ps, 6, e.actor().userAgent());
                ps.setString(7, e.action());
                Columns.setNullableText(ps, 8, e.target());
                Columns.setNullableText(ps, 9, e.before() == null ? null : JSON.writeValueAsString(e.before()));
                Columns.setNullableText(ps, 10, e.after() == null ? null : JSON.writeValueAsString(e.after()));
                return ps.executeUpdate();
            }
        });
    }

    /** {@code limit} 0 or less means 100, above 1000 means 1000. */
    @Override
    public Page list(Filter filter, int limit, String cursor) {
        int size = limit <= 0 ? DEFAULT_LIMIT : Math.min(limit, MAX_LIMIT);
        List<String> clauses = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        equal(clauses, params, "action", filter.action());
        equal(clauses, params, "target", filter.target());
        equal(clauses, params, "actor", filter.actor());
        if (filter.since() != null) {
            clauses.add("created_at >= ?");
            params.add(filter.since().toEpochMilli());
        }
        if (filter.until() != null) {
            clauses.add("created_at < ?");
            params.add(filter.until().toEpochMilli());
        }
        if (cursor != null && !cursor.isBlank()) {
            KeysetCursor after = KeysetCursor.decode(cursor);
            clauses.add("(created_at, id) < (?, ?)");
            params.add(after.createdAt());
            params.add(after.id());
        }
        String where = clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
        params.add(size + 1);
        List<AuditEntry> rows = sql.run("list the audit log", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM audit_log" + where
                    + " ORDER BY created_at DESC, id DESC LIMIT ?")) {
                for (int i = 0; i < params.size(); i++) {
                    ps.setObject(i + 1, params.get(i));
                }
                List<AuditEntry> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(entry(rs));
                    }
                }
                return out;
            }
        });
        if (rows.size() <= size) {
            return new Page(List.copyOf(rows), null);
        }
        AuditEntry last = rows.get(size - 1);
        return new Page(List.copyOf(rows.subList(0, size)), new KeysetCursor(last.createdAt().toEpochMilli(), last.id()).encode());
    }

    private static void equal(List<String> clauses, List<Object> params, String column, String value) {
        if (value != null && !value.isBlank()) {
            clauses.add(column + " = ?");
            params.add(value);
        }
    }

    private static AuditEntry entry(ResultSet rs) throws SQLException {
        return new AuditEntry(rs.getString("id"), Columns.instant(rs, "created_at"),
                new Actor(rs.getString("actor"), rs.getString("via"), rs.getString("address"), rs.getString("user_agent")),
                rs.getString("action"), rs.getString("target"), json(rs.getString("before_json")), json(rs.getString("after_json")));
    }

    private static JsonNode json(String text) {
        return text == null ? null : JSON.readTree(text);
    }
}
