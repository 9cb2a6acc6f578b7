package dev.ingate.budget;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Spend from the usage rollups (per key and UTC day; the {@code day} dimension holds all of it), so a restarted
 * gateway, or the first instance on an empty Redis, starts a period from what was already spent in it.
 */
public final class JdbcSpendHistory implements SpendHistory {

    private final DataSource dataSource;

    public JdbcSpendHistory(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public long spentNanos(String keyId, String firstDay) {
        String sql = "SELECT COALESCE(SUM(cost_nanos), 0) FROM usage_rollups WHERE dimension = ? AND day >= ?"
                + (keyId == null ? "" : " AND value = ?");
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, keyId == null ? "day" : "key");
            ps.setString(2, firstDay);
            if (keyId != null) {
                ps.setString(3, keyId);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read spend from usage_rollups: " + e.getMessage(), e);
        }
    }
}
