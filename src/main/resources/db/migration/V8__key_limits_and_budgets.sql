-- Rate limits and budgets of a gateway key (issue: limits and budgets). One schema for SQLite and PostgreSQL,
-- as V1: rpm and tpm 0 for "not set on the key" (the config's limits: defaults apply), the budget in nano-dollars
-- (exact, as cost_nanos), NULL for none, and its period day | month | total.
-- Spend itself has no table: it is seeded from usage_rollups and kept live in memory or Redis.

ALTER TABLE gateway_keys ADD COLUMN rpm BIGINT NOT NULL DEFAULT 0;
ALTER TABLE gateway_keys ADD COLUMN tpm BIGINT NOT NULL DEFAULT 0;
ALTER TABLE gateway_keys ADD COLUMN budget_nanos BIGINT;
ALTER TABLE gateway_keys ADD COLUMN budget_period TEXT NOT NULL DEFAULT 'month';
