-- The response cache: a hit costs nothing, and the record keeps what it would have cost from its provider
-- (nano-dollars, like cost_nanos). The cache column itself (HIT, MISS, BYPASS) has been there since V2.
ALTER TABLE requests ADD COLUMN saved_nanos BIGINT;
