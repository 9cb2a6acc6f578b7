-- Model routing rules (config routes:, /api/v1/routes): requested model (exact name, alias or glob) -> targets.
-- One schema for SQLite and PostgreSQL alike, as V1: TEXT and BIGINT only, the targets as JSON text
-- ([{"provider":…,"model":…,"weight":…}], in the rule's order), times in epoch milliseconds.
-- position orders the globs: file rules take their index in the file, API-created ones 1048576 and up.
-- No foreign keys to providers: a target may name a built-in provider that has no row.

CREATE TABLE routes (
    model      TEXT    NOT NULL PRIMARY KEY,
    position   BIGINT  NOT NULL,
    strategy   TEXT    NOT NULL,
    targets    TEXT    NOT NULL,
    origin     TEXT    NOT NULL,
    file_hash  TEXT,
    updated_at BIGINT  NOT NULL
);
