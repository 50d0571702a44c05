-- The relay deletes what the broker acknowledged: the outbox holds only events still to be published,
-- so it stays as small as the relay's backlog instead of growing with every event ever written.
DELETE FROM outbox_event WHERE published_at IS NOT NULL;
DROP INDEX outbox_event_unpublished;
ALTER TABLE outbox_event DROP COLUMN published_at;
