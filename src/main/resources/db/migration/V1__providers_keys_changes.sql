-- One schema for SQLite and PostgreSQL alike: TEXT, BIGINT and INTEGER only. Times are epoch milliseconds,
-- booleans 0/1, lists and maps JSON text, sealed secrets base64 and hashes hex (BLOB and BYTEA differ).
-- No foreign keys: chains and the default may name built-in providers that have no row here.

-- settings: JSON of the config file's provider keys, minus api_key (sealed, in its own column)
CREATE TABLE providers (
    name           TEXT    NOT NULL PRIMARY KEY,
    settings       TEXT    NOT NULL,
    sealed_api_key TEXT,
    origin         TEXT    NOT NULL,
    file_hash      TEXT,
    updated_at     BIGINT  NOT NULL
);

-- small global values, e.g. name = 'default_provider'
CREATE TABLE settings (
    name  TEXT NOT NULL PRIMARY KEY,
    value TEXT NOT NULL
);

-- fallback chains: primary_provider -> entries in ordinal order (gaps allowed)
CREATE TABLE fallbacks (
    primary_provider TEXT    NOT NULL,
    ordinal          INTEGER NOT NULL,
    provider         TEXT    NOT NULL,
    model            TEXT,
    PRIMARY KEY (primary_provider, ordinal)
);

-- finds the chains an entry appears in, when its provider is deleted
CREATE INDEX fallbacks_provider ON fallbacks (provider);

-- gateway keys: the secret's SHA-256 (hex), never the secret
CREATE TABLE gateway_keys (
    id           TEXT    NOT NULL PRIMARY KEY,
    name         TEXT    NOT NULL,
    prefix       TEXT    NOT NULL,
    sha256       TEXT    NOT NULL,
    providers    TEXT    NOT NULL,
    models       TEXT    NOT NULL,
    expires_at   BIGINT,
    enabled      INTEGER NOT NULL,
    origin       TEXT    NOT NULL,
    created_at   BIGINT  NOT NULL,
    last_used_at BIGINT
);

CREATE UNIQUE INDEX gateway_keys_sha256 ON gateway_keys (sha256);

-- one row: bumped by every configuration change, polled by every instance
CREATE TABLE change_version (
    id      INTEGER NOT NULL PRIMARY KEY,
    version BIGINT  NOT NULL
);

INSERT INTO change_version (id, version) VALUES (1, 0);
