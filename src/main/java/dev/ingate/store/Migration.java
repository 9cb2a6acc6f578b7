package dev.ingate.store;

import dev.ingate.keys.KeyHash;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One SQL file of db/migration: its version (the number in {@code V<number>__<what>.sql}), its name and its text,
 * whose SHA-256 {@code ingate_schema_history} keeps so a file changed after it was applied is noticed.
 */
record Migration(int version, String name, String sql) {

    static final String LOCATION = "db/migration/";

    /** The file {@code name} from {@link #LOCATION} on the class path. */
    static Migration load(String name) {
        return new Migration(version(name), name, read(name));
    }

    String checksum() {
        return KeyHash.sha256Hex(sql);
    }

    /** Splits the file at {@code ;} line ends, leaving out comment lines. */
    List<String> statements() {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : sql.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String statement = current.toString().strip();
                statements.add(statement.substring(0, statement.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            throw new StoreException("migration SQL must end each statement with ';' at a line end: " + current.toString().strip());
        }
        return statements;
    }

    /**
     * The number in the file's name ({@code V8__…} is 8): numbers are reserved per feature as work goes on in
     * parallel, so the list may have gaps while some are still to come.
     */
    static int version(String name) {
        int end = name.indexOf("__");
        if (!name.startsWith("V") || end < 2) {
            throw new StoreException("migration " + name + " is not named V<number>__<what>.sql");
        }
        return Integer.parseInt(name.substring(1, end));
    }

    private static String read(String name) {
        try (InputStream in = Migration.class.getClassLoader().getResourceAsStream(LOCATION + name)) {
            if (in == null) {
                throw new StoreException("migration " + LOCATION + name + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
