package dev.ingate.store;

/**
 * A counter that every configuration change increments in the same database, so that each instance
 * sharing it notices a change by polling one row. Blocking.
 */
public interface ChangeFeed {

    long version();

    /** Increments and returns the new version. */
    long bump();
}
