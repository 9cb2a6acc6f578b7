-- Issue 4: every proxied request (SPEC section 6) and the usage rollups the reports read instead of scanning it.
-- Rows stay slim: no bodies here (they would get their own table and retention). Costs are BIGINT nano-dollars
-- (exact sums, no floating point), overhead_ms is kept as BIGINT microseconds, times as epoch milliseconds.
-- The end user's column is end_user: "user" is a reserved word in PostgreSQL.

CREATE TABLE requests (
    id                  TEXT    NOT NULL PRIMARY KEY,
    created_at          BIGINT  NOT NULL,
    key_id              TEXT,
    key_name            TEXT,
    provider            TEXT,
    served_by           TEXT,
    model               TEXT,
    served_model        TEXT,
    path                TEXT,
    status              INTEGER NOT NULL,
    attempts            INTEGER NOT NULL,
    latency_ms          BIGINT  NOT NULL,
    ttft_ms             BIGINT,
    overhead_us         BIGINT  NOT NULL,
    input_tokens        BIGINT,
    output_tokens       BIGINT,
    cached_input_tokens BIGINT,
    cost_nanos          BIGINT,
    session_id          TEXT,
    end_user            TEXT,
    cache               TEXT,
    error               TEXT
);

-- The request list is newest first with keyset paging on (created_at, id): the unfiltered list and the
-- since/until window walk this index backwards, and a cursor seeks straight into it.
CREATE INDEX requests_created ON requests (created_at, id);

-- One index per filter of GET /api/v1/requests, each followed by the paging order, so a filtered page is a
-- range scan of its index in order (no sort, no scan of other values). Combined filters use the most selective
-- of these and check the rest row by row; one index per combination would cost every insert far more.
CREATE INDEX requests_provider ON requests (provider, created_at, id);
CREATE INDEX requests_model ON requests (model, created_at, id);
CREATE INDEX requests_status ON requests (status, created_at, id);
CREATE INDEX requests_key ON requests (key_id, created_at, id);
CREATE INDEX requests_session ON requests (session_id, created_at, id);
CREATE INDEX requests_user ON requests (end_user, created_at, id);

-- Sums per dimension (provider, model, key, user, session, day), value and UTC day ('YYYY-MM-DD', which sorts
-- as it reads). Kept by the record writer in the transaction that inserts the requests. A request without a
-- value for a dimension (no key, user or session) counts under the value '' there.
CREATE TABLE usage_rollups (
    dimension           TEXT   NOT NULL,
    value               TEXT   NOT NULL,
    day                 TEXT   NOT NULL,
    requests            BIGINT NOT NULL,
    input_tokens        BIGINT NOT NULL,
    output_tokens       BIGINT NOT NULL,
    cached_input_tokens BIGINT NOT NULL,
    cost_nanos          BIGINT NOT NULL,
    PRIMARY KEY (dimension, value, day)
);
