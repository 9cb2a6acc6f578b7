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
        CompletableFuture<Database> opened = new CompletableFuture<>();
        Listening.ownThread(() -> {
            Database database;
            try {
                database = Database.openUnreported(jdbcUrl);
            } catch (RuntimeException | Error e) {
                opened.completeExceptionally(e);
                return;
            }
            opened.complete(database);
            database.reportMigrations();   // after the hand-over: the start goes on meanwhile
        });
        return new DatabaseOpening(opened);
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
