-- The router's order within a channel: due time, then priority, then arrival, then id. Used by the
-- assignment pass to read waiting work page by page (keyset) and by the queue API.
CREATE INDEX work_item_waiting_in_order ON work_item (channel, due_at,
    (CASE priority WHEN 'URGENT' THEN 0 WHEN 'HIGH' THEN 1 WHEN 'NORMAL' THEN 2 ELSE 3 END), arrived_at, id)
    WHERE status = 'WAITING';
