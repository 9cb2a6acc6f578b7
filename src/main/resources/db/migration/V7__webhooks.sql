-- Issue 6: webhook subscriptions, the deliveries still to be made, and the log of every attempt.
-- One schema for SQLite and PostgreSQL alike, as V1: TEXT and BIGINT only, times in epoch milliseconds.

-- events is a JSON array of event names (or ["*"]); the signing secret is sealed under the master key
-- (AES-256-GCM, associated data = the webhook id), base64.
CREATE TABLE webhooks (
    id            TEXT    NOT NULL PRIMARY KEY,
    url           TEXT    NOT NULL,
    events        TEXT    NOT NULL,
    sealed_secret TEXT    NOT NULL,
    enabled       INTEGER NOT NULL,
    origin        TEXT    NOT NULL,
    file_hash     TEXT,
    created_at    BIGINT  NOT NULL,
    updated_at    BIGINT  NOT NULL
);

-- One row per (event, webhook) not yet delivered nor given up: a restart resumes them. payload holds the exact
-- body bytes (as UTF-8 text), so every retry sends and signs the same body. owner is the instance that produced
-- the event and alone delivers it while its lease_until is renewed; an instance gone for good lets its lease
-- lapse and another takes the row over with one conditional UPDATE, so no row is delivered twice at once.
CREATE TABLE webhook_outbox (
    id              TEXT    NOT NULL PRIMARY KEY,
    webhook_id      TEXT    NOT NULL,
    event_id        TEXT    NOT NULL,
    event_type      TEXT    NOT NULL,
    payload         TEXT    NOT NULL,
    attempts        INTEGER NOT NULL,
    next_attempt_at BIGINT  NOT NULL,
    owner           TEXT    NOT NULL,
    lease_until     BIGINT  NOT NULL,
    created_at      BIGINT  NOT NULL
);

CREATE INDEX webhook_outbox_due ON webhook_outbox (owner, next_attempt_at);
CREATE INDEX webhook_outbox_lease ON webhook_outbox (lease_until);

-- The delivery log: one row per attempt. outcome: delivered | retrying | failed.
CREATE TABLE webhook_deliveries (
    id            TEXT    NOT NULL PRIMARY KEY,
    delivery_id   TEXT    NOT NULL,
    webhook_id    TEXT    NOT NULL,
    event_id      TEXT    NOT NULL,
    event_type    TEXT    NOT NULL,
    attempt       INTEGER NOT NULL,
    status_code   INTEGER,
    error         TEXT,
    outcome       TEXT    NOT NULL,
    created_at    BIGINT  NOT NULL,
    next_retry_at BIGINT
);

CREATE INDEX webhook_deliveries_hook ON webhook_deliveries (webhook_id, created_at, id);
