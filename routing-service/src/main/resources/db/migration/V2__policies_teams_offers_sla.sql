-- Teams, response policies, business-hours calendars, inbox routing rules, offers, SLA clocks and sticky routing.

CREATE TABLE team (
    id               TEXT PRIMARY KEY,
    name             TEXT        NOT NULL,
    overflow_team_id TEXT REFERENCES team (id),
    created_at       TIMESTAMPTZ NOT NULL
);

ALTER TABLE agent ADD COLUMN teams TEXT NOT NULL DEFAULT '';

-- A response target per channel, optionally narrowed to an inbox and/or a priority ('*' = any).
CREATE TABLE response_policy (
    channel        TEXT    NOT NULL,
    inbox          TEXT    NOT NULL DEFAULT '*',
    priority       TEXT    NOT NULL DEFAULT '*',
    target_seconds INTEGER NOT NULL CHECK (target_seconds > 0),
    PRIMARY KEY (channel, inbox, priority)
);

CREATE TABLE business_calendar (
    id           TEXT PRIMARY KEY,
    time_zone    TEXT NOT NULL,
    -- one line per open period: 'MONDAY 09:00-17:00'
    weekly_hours TEXT NOT NULL,
    -- ISO dates, comma-separated
    holidays     TEXT NOT NULL DEFAULT ''
);

CREATE TABLE inbox_routing (
    inbox            TEXT PRIMARY KEY,
    calendar_id      TEXT REFERENCES business_calendar (id),
    team_id          TEXT REFERENCES team (id),
    required_skills  TEXT NOT NULL DEFAULT '',
    optional_skills  TEXT NOT NULL DEFAULT '',
    default_priority TEXT NOT NULL DEFAULT 'NORMAL'
);

ALTER TABLE work_item DROP CONSTRAINT work_item_status_valid;
ALTER TABLE work_item DROP CONSTRAINT work_item_assignment_complete;
DROP INDEX work_item_one_active_per_conversation;
DROP INDEX work_item_assigned_by_agent;

ALTER TABLE work_item
    ADD COLUMN priority          TEXT        NOT NULL DEFAULT 'NORMAL',
    ADD COLUMN required_skills   TEXT        NOT NULL DEFAULT '',
    ADD COLUMN optional_skills   TEXT        NOT NULL DEFAULT '',
    ADD COLUMN team_id           TEXT,
    ADD COLUMN excluded_agents   TEXT        NOT NULL DEFAULT '',
    ADD COLUMN preferred_agent   TEXT,
    ADD COLUMN prefer_until      TIMESTAMPTZ,
    ADD COLUMN escalated         BOOLEAN     NOT NULL DEFAULT false,
    -- the SLA clock: running while a customer message waits for an agent's response
    ADD COLUMN awaiting_response BOOLEAN     NOT NULL DEFAULT true,
    ADD COLUMN clock_started_at  TIMESTAMPTZ,
    ADD COLUMN warn_at           TIMESTAMPTZ,
    ADD COLUMN sla_state         TEXT        NOT NULL DEFAULT 'OK',
    ADD COLUMN first_response_at TIMESTAMPTZ,
    ADD COLUMN offer_expires_at  TIMESTAMPTZ,
    ADD COLUMN accepted_at       TIMESTAMPTZ,
    ADD COLUMN resolved_at       TIMESTAMPTZ,
    ADD COLUMN version           BIGINT      NOT NULL DEFAULT 0;

UPDATE work_item SET clock_started_at = arrived_at, warn_at = due_at, accepted_at = assigned_at;
ALTER TABLE work_item ALTER COLUMN clock_started_at SET NOT NULL;

ALTER TABLE work_item ADD CONSTRAINT work_item_status_valid
    CHECK (status IN ('WAITING', 'OFFERED', 'ASSIGNED', 'RESOLVED'));
ALTER TABLE work_item ADD CONSTRAINT work_item_agent_when_held
    CHECK ((status IN ('OFFERED', 'ASSIGNED')) = (assigned_agent_id IS NOT NULL) OR status = 'RESOLVED');
ALTER TABLE work_item ADD CONSTRAINT work_item_priority_valid
    CHECK (priority IN ('URGENT', 'HIGH', 'NORMAL', 'LOW'));
ALTER TABLE work_item ADD CONSTRAINT work_item_sla_state_valid
    CHECK (sla_state IN ('OK', 'WARNING', 'BREACHED'));

CREATE UNIQUE INDEX work_item_one_active_per_conversation ON work_item (conversation_key)
    WHERE status IN ('WAITING', 'OFFERED', 'ASSIGNED');
-- What an agent holds (offers count against capacity like assignments).
CREATE INDEX work_item_held_by_agent ON work_item (assigned_agent_id, channel) WHERE status IN ('OFFERED', 'ASSIGNED');
CREATE INDEX work_item_clock_running ON work_item (warn_at, due_at) WHERE awaiting_response AND status <> 'RESOLVED';
CREATE INDEX work_item_offers_expiring ON work_item (offer_expires_at) WHERE status = 'OFFERED';
CREATE INDEX work_item_resolved ON work_item (resolved_at) WHERE status = 'RESOLVED';

-- The agent who last served a customer (conversation key), for sticky routing.
CREATE TABLE customer_affinity (
    conversation_key TEXT PRIMARY KEY,
    agent_id         TEXT        NOT NULL,
    served_at        TIMESTAMPTZ NOT NULL
);

-- Every agent response to a running clock, for SLA attainment and pick-up statistics.
CREATE TABLE response_log (
    id           BIGSERIAL PRIMARY KEY,
    work_item_id UUID        NOT NULL,
    channel      TEXT        NOT NULL,
    inbox        TEXT        NOT NULL,
    agent_id     TEXT,
    due_at       TIMESTAMPTZ NOT NULL,
    responded_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX response_log_by_time ON response_log (responded_at);
