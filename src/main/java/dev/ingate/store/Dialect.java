package dev.ingate.store;

/** The two databases Ingate runs on. The migrations are shared; only a few statements differ. */
public enum Dialect {
    SQLITE, POSTGRES
}
