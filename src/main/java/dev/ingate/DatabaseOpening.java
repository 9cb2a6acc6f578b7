package dev.ingate;

import dev.ingate.store.Database;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The database, opened and migrated on a thread of its own: on a cold JVM that takes a good part of the start (the
 * SQLite driver unpacks its native library, the pool and the migrations run for the first time), and the config
 * file and everything built from it alone need none of it.
 */
final class DatabaseOpening {

    private final CompletableFuture<Database> opened;

    private DatabaseOpening(CompletableFuture<Database> opened) {
        this.opened = opened;
    }

    static DatabaseOpening begin(String jdbcUrl) {
        return new DatabaseOpening(CompletableFuture.supplyAsync(() -> Database.open(jdbcUrl), Listening::ownThread));
    }

    /** The open database; its failure is rethrown as {@link Database#open} threw it. */
    Database await() {
        try {
            return opened.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /** The start failed: the database is closed now if it is open, else as soon as it is. */
    void abandon() {
        opened.thenAccept(Database::close);
    }
}
