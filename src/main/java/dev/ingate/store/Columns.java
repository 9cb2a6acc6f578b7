package dev.ingate.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Conversions between Java values and the portable column types: the same statements must bind and read alike on
 * SQLite and PostgreSQL, so times are epoch millis (BIGINT), bytes are base64 or hex (TEXT), booleans 0/1.
 */
final class Columns {

    private static final HexFormat HEX = HexFormat.of();

    private Columns() {
    }

    static void setNullableLong(PreparedStatement ps, int index, Optional<Instant> time) throws SQLException {
        if (time.isPresent()) {
            ps.setLong(index, time.get().toEpochMilli());
        } else {
            ps.setNull(index, Types.BIGINT);
        }
    }

    static void setNullableText(PreparedStatement ps, int index, String text) throws SQLException {
        if (text != null) {
            ps.setString(index, text);
        } else {
            ps.setNull(index, Types.VARCHAR);
        }
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        return Instant.ofEpochMilli(rs.getLong(column));
    }

    static Optional<Instant> optionalInstant(ResultSet rs, String column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(millis));
    }

    static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    static Optional<byte[]> optionalBase64(ResultSet rs, String column) throws SQLException {
        String text = rs.getString(column);
        return text == null ? Optional.empty() : Optional.of(Base64.getDecoder().decode(text));
    }

    static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    static byte[] fromHex(String text) {
        return HEX.parseHex(text);
    }
}
