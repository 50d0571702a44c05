-- What each agent holds (offered or assigned work) per channel, kept by the database itself on every change of
-- work_item, whatever statement makes it: checking an agent's capacity under their lock reads a row per channel
-- instead of counting their held work (a cost that grew with every conversation an agent holds).
CREATE TABLE agent_load (
    agent_id TEXT    NOT NULL,
    channel  TEXT    NOT NULL,
    -- no CHECK (held >= 0): an upsert's proposed row, whose held is the change (-1 for a release), is checked
    -- before it meets the existing row it updates
    held     INTEGER NOT NULL,
    PRIMARY KEY (agent_id, channel)
);

INSERT INTO agent_load (agent_id, channel, held)
SELECT assigned_agent_id, channel, count(*) FROM work_item
WHERE status IN ('OFFERED', 'ASSIGNED')
GROUP BY assigned_agent_id, channel;

-- Once per statement, from the rows it changed: what left the held states is taken off, what entered them is added.
-- Agents are upserted in key order, so two statements never wait for each other's agent_load rows in a cycle.
CREATE FUNCTION agent_load_follow_work_item() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO agent_load (agent_id, channel, held)
        SELECT assigned_agent_id, channel, count(*) FROM new_rows
        WHERE status IN ('OFFERED', 'ASSIGNED')
        GROUP BY assigned_agent_id, channel ORDER BY assigned_agent_id, channel
        ON CONFLICT (agent_id, channel) DO UPDATE SET held = agent_load.held + excluded.held;
    ELSIF TG_OP = 'UPDATE' THEN
        INSERT INTO agent_load (agent_id, channel, held)
        SELECT agent_id, channel, sum(change) FROM (
            SELECT assigned_agent_id AS agent_id, channel, -1 AS change FROM old_rows
            WHERE status IN ('OFFERED', 'ASSIGNED')
            UNION ALL
            SELECT assigned_agent_id, channel, 1 FROM new_rows
            WHERE status IN ('OFFERED', 'ASSIGNED')
        ) AS changes
        GROUP BY agent_id, channel HAVING sum(change) <> 0 ORDER BY agent_id, channel
        ON CONFLICT (agent_id, channel) DO UPDATE SET held = agent_load.held + excluded.held;
    ELSE
        UPDATE agent_load SET held = agent_load.held - gone.held
        FROM (SELECT assigned_agent_id, channel, count(*) AS held FROM old_rows
              WHERE status IN ('OFFERED', 'ASSIGNED')
              GROUP BY assigned_agent_id, channel) AS gone
        WHERE agent_load.agent_id = gone.assigned_agent_id AND agent_load.channel = gone.channel;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER work_item_inserted_agent_load AFTER INSERT ON work_item
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION agent_load_follow_work_item();
CREATE TRIGGER work_item_updated_agent_load AFTER UPDATE ON work_item
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION agent_load_follow_work_item();
CREATE TRIGGER work_item_deleted_agent_load AFTER DELETE ON work_item
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION agent_load_follow_work_item();

CREATE FUNCTION agent_load_clear() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM agent_load;
    RETURN NULL;
END $$;

CREATE TRIGGER work_item_truncated_agent_load AFTER TRUNCATE ON work_item
    FOR EACH STATEMENT EXECUTE FUNCTION agent_load_clear();
