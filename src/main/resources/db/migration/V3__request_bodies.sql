-- Captured request and response bodies (recording.capture_bodies), one row per request id, in a table of their own:
-- the requests rows stay slim for the list and its indexes, and bodies get their own (usually shorter) retention.
-- created_at repeats the request's, so pruning by age needs no join.
--
-- A body is stored as its *_encoding says:
--   NULL       UTF-8 text, as sent
--   'base64'   the bytes were not valid UTF-8: base64 of them
--   any other  a Content-Encoding (gzip, deflate, br, ...): base64 of the bytes as encoded on the wire
-- *_truncated is 1 when the body was longer than recording.max_body_size and only its start is kept.
-- A NULL body with encoding NULL was not captured (no upstream answer, say).

CREATE TABLE request_bodies (
    id                  TEXT    NOT NULL PRIMARY KEY,
    created_at          BIGINT  NOT NULL,
    request_body        TEXT,
    request_encoding    TEXT,
    request_truncated   INTEGER NOT NULL DEFAULT 0,
    response_body       TEXT,
    response_encoding   TEXT,
    response_truncated  INTEGER NOT NULL DEFAULT 0
);

-- Retention deletes the oldest rows in chunks: (created_at, id) lets the chunk's ids be read from the index alone.
CREATE INDEX request_bodies_created ON request_bodies (created_at, id);
