-- Issue 6: one row per admin change (admin API calls, and the config file applied at start as actor config-file).
-- One schema for SQLite and PostgreSQL alike, as V1: TEXT and BIGINT only, times in epoch milliseconds.
-- before_json / after_json hold the entity as JSON with every secret already masked ("***"); null when there was
-- no entity before (a creation) or after (a deletion). Rows are never updated or deleted by Ingate.

CREATE TABLE audit_log (
    id          TEXT    NOT NULL PRIMARY KEY,
    created_at  BIGINT  NOT NULL,
    actor       TEXT    NOT NULL,
    via         TEXT    NOT NULL,
    address     TEXT,
    user_agent  TEXT,
    action      TEXT    NOT NULL,
    target      TEXT,
    before_json TEXT,
    after_json  TEXT
);

-- Newest first with keyset paging on (created_at, id), like the request list; one index per filter, each
-- followed by the paging order, so a filtered page is a range scan in order.
CREATE INDEX audit_log_created ON audit_log (created_at, id);
CREATE INDEX audit_log_action ON audit_log (action, created_at, id);
CREATE INDEX audit_log_target ON audit_log (target, created_at, id);
CREATE INDEX audit_log_actor ON audit_log (actor, created_at, id);
