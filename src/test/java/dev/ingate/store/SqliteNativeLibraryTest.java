package dev.ingate.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

import static org.assertj.core.api.Assertions.assertThat;

/** The driver's native library copied beside the database: the jar's bytes, written once, never seen half written. */
class SqliteNativeLibraryTest {

    @Test
    void theCopyIsTheDriversLibraryWrittenOnce(@TempDir Path dir) throws IOException {
        Path native_ = dir.resolve("native");
        String name = SqliteNativeLibrary.copyIn(native_);
        Path copy = native_.resolve(name);
        assertThat(name).contains(SQLiteJDBCLoader.getVersion()).endsWith(LibraryLoaderUtil.getNativeLibName());
        try (InputStream in = SQLiteJDBCLoader.class.getResourceAsStream(
                LibraryLoaderUtil.getNativeLibResourcePath() + "/" + LibraryLoaderUtil.getNativeLibName())) {
            assertThat(Files.readAllBytes(copy)).isEqualTo(in.readAllBytes());
        }
        if (Files.getFileAttributeView(copy, java.nio.file.attribute.PosixFileAttributeView.class) != null) {
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(copy))).isEqualTo("rw-------");
        }
        try (var files = Files.list(native_)) {
            assertThat(files).as("no partial file left").containsExactly(copy);
        }

        FileTime written = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(copy, written);
        assertThat(SqliteNativeLibrary.copyIn(native_)).isEqualTo(name);
        assertThat(Files.getLastModifiedTime(copy)).as("a second start reuses it").isEqualTo(written);
    }

    @Test
    void theOperatorsChoiceStands() {
        // set by the operator, or by the first database of this JVM (the driver loads its library once)
        String path = System.getProperty(SqliteNativeLibrary.PATH_PROPERTY);
        String name = System.getProperty(SqliteNativeLibrary.NAME_PROPERTY);
        System.setProperty(SqliteNativeLibrary.PATH_PROPERTY, "/operator/lib");
        try {
            SqliteNativeLibrary.preferCopyIn(Path.of("/elsewhere"));
            assertThat(System.getProperty(SqliteNativeLibrary.PATH_PROPERTY)).isEqualTo("/operator/lib");
        } finally {
            restore(SqliteNativeLibrary.PATH_PROPERTY, path);
            restore(SqliteNativeLibrary.NAME_PROPERTY, name);
        }
    }

    private static void restore(String property, String value) {
        if (value == null) {
            System.clearProperty(property);
        } else {
            System.setProperty(property, value);
        }
    }
}
