package dev.ingate.store;

import dev.ingate.config.Origin;
import dev.ingate.config.RouteRule;
import dev.ingate.config.RouteStrategy;
import dev.ingate.provider.RouteStore;
import dev.ingate.provider.StoredRoute;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** {@link RouteStore} over the routes table. Thread-safe: state lives in the database. */
public final class JdbcRouteStore implements RouteStore {

    private static final String COLUMNS = "model, position, strategy, targets, origin, file_hash, updated_at";
    private static final String INSERT = "INSERT INTO routes (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)";

    private final Sql sql;

    public JdbcRouteStore(Database database) {
        this.sql = new Sql(database.dataSource());
    }

    @Override
    public List<StoredRoute> list() {
        return sql.run("list routes", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM routes ORDER BY position, model");
                 ResultSet rs = ps.executeQuery()) {
                List<StoredRoute> routes = new ArrayList<>();
                while (rs.next()) {
                    routes.add(route(rs));
                }
                return List.copyOf(routes);
            }
        });
    }

    @Override
    public Optional<StoredRoute> get(String model) {
        return sql.run("get route " + model, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM routes WHERE model = ?")) {
                ps.setString(1, model);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(route(rs)) : Optional.empty();
                }
            }
        });
    }

    /** ON CONFLICT DO NOTHING rather than read-then-insert: two instances creating the same rule get one 201, one 409. */
    @Override
    public boolean insert(StoredRoute route) {
        return sql.run("insert route " + route.model(), c -> write(c, INSERT + " ON CONFLICT (model) DO NOTHING", route) == 1);
    }

    @Override
    public void put(StoredRoute route) {
        sql.run("put route " + route.model(), c -> write(c, INSERT + " ON CONFLICT (model) DO UPDATE SET position = excluded.position,"
                + " strategy = excluded.strategy, targets = excluded.targets, origin = excluded.origin,"
                + " file_hash = excluded.file_hash, updated_at = excluded.updated_at", route));
    }

    @Override
    public boolean delete(String model) {
        return sql.run("delete route " + model, c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM routes WHERE model = ?")) {
                ps.setString(1, model);
                return ps.executeUpdate() > 0;
            }
        });
    }

    private static int write(Connection c, String statement, StoredRoute route) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(statement)) {
            ps.setString(1, route.model());
            ps.setLong(2, route.position());
            ps.setString(3, route.rule().strategy().configName());
            ps.setString(4, JsonColumns.routeTargets(route.rule().targets()));
            ps.setString(5, route.origin().wireName());
            Columns.setNullableText(ps, 6, route.fileHash());
            ps.setLong(7, route.updatedAt().toEpochMilli());
            return ps.executeUpdate();
        }
    }

    private static StoredRoute route(ResultSet rs) throws SQLException {
        String strategy = rs.getString("strategy");
        RouteRule rule = new RouteRule(rs.getString("model"),
                RouteStrategy.parse(strategy).orElseThrow(() -> new SQLException("unknown route strategy in the database: " + strategy)),
                JsonColumns.routeTargets(rs.getString("targets")));
        return new StoredRoute(rule, rs.getLong("position"), Origin.valueOf(rs.getString("origin").toUpperCase(Locale.ROOT)),
                rs.getString("file_hash"), Columns.instant(rs, "updated_at"));
    }
}
