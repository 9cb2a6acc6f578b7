package dev.ingate.store;

import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * Where the SQLite driver loads its native library from: a copy in the database's directory, written at the first
 * start. The driver's own way writes the library to the temp dir at every start and then reads both copies back to
 * compare them a byte at a time, some 40 ms of a cold JVM plus the compilation of that loop. Given
 * {@code org.sqlite.lib.path} and {@code org.sqlite.lib.name} it loads that file instead, and falls back to its own
 * way if the file will not load (a {@code noexec} mount, another platform's copy). The copy is the owner's alone,
 * beside the master key, which a writer of that directory could read anyway.
 */
final class SqliteNativeLibrary {

    static final String PATH_PROPERTY = "org.sqlite.lib.path";
    static final String NAME_PROPERTY = "org.sqlite.lib.name";

    private SqliteNativeLibrary() {
    }

    /**
     * Points the driver at the copy in {@code dir}, written first if missing. Does nothing if either property is set
     * already (by the operator, or by an earlier database of this JVM: the library loads once) or the copy cannot be
     * made; the driver then finds its library as it would have.
     */
    static synchronized void preferCopyIn(Path dir) {
        if (System.getProperty(PATH_PROPERTY) != null || System.getProperty(NAME_PROPERTY) != null) {
            return;
        }
        try {
            String name = copyIn(dir);
            System.setProperty(PATH_PROPERTY, dir.toAbsolutePath().toString());
            System.setProperty(NAME_PROPERTY, name);
        } catch (IOException | RuntimeException e) {
            // the driver unpacks its library into the temp dir as usual
        }
    }

    /** Writes the library into {@code dir} unless this version's copy for this platform is there; returns its name. */
    static String copyIn(Path dir) throws IOException {
        String name = fileName();
        Path file = dir.resolve(name);
        if (Files.isRegularFile(file)) {
            return name;
        }
        String resource = LibraryLoaderUtil.getNativeLibResourcePath() + "/" + LibraryLoaderUtil.getNativeLibName();
        try (InputStream in = SQLiteJDBCLoader.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("no " + resource + " in the driver");
            }
            Files.createDirectories(dir);
            Path partial = Files.createTempFile(dir, name, ".partial");   // owner-only; renamed whole, never seen half written
            try {
                try (OutputStream out = Files.newOutputStream(partial)) {   // into the owner-only file (a copy would replace it)
                    in.transferTo(out);
                }
                Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(partial);
            }
        }
        return name;
    }

    /** The driver's version and the platform in the name: an upgrade or a data dir moved to another machine gets its own. */
    static String fileName() {
        String platform = (System.getProperty("os.name") + "-" + System.getProperty("os.arch")).toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9_.-]", "_");
        return "sqlite-" + SQLiteJDBCLoader.getVersion() + "-" + platform + "-" + LibraryLoaderUtil.getNativeLibName();
    }
}
