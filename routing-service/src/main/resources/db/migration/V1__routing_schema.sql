-- Agents, their per-channel capacity, the queue of waiting work and the outbox of routing events.

CREATE TABLE agent (
    id                  TEXT PRIMARY KEY,
    name                TEXT        NOT NULL,
    skills              TEXT        NOT NULL DEFAULT '',
    presence            TEXT        NOT NULL DEFAULT 'OFFLINE',
    presence_changed_at TIMESTAMPTZ NOT NULL,
    last_assigned_at    TIMESTAMPTZ,
    created_at          TIMESTAMPTZ NOT NULL,
    updated_at          TIMESTAMPTZ NOT NULL,
    CONSTRAINT agent_presence_valid CHECK (presence IN ('ONLINE', 'AWAY', 'OFFLINE'))
);

CREATE TABLE agent_capacity (
    agent_id TEXT    NOT NULL REFERENCES agent (id) ON DELETE CASCADE,
    channel  TEXT    NOT NULL,
    capacity INTEGER NOT NULL CHECK (capacity BETWEEN 1 AND 50),
    PRIMARY KEY (agent_id, channel)
);

CREATE TABLE work_item (
    id                UUID PRIMARY KEY,
    conversation_key  TEXT        NOT NULL,
    message_id        TEXT        NOT NULL UNIQUE,
    channel           TEXT        NOT NULL,
    inbox             TEXT        NOT NULL,
    status            TEXT        NOT NULL,
    arrived_at        TIMESTAMPTZ NOT NULL,
    due_at            TIMESTAMPTZ NOT NULL,
    assigned_agent_id TEXT REFERENCES agent (id),
    assigned_at       TIMESTAMPTZ,
    CONSTRAINT work_item_status_valid CHECK (status IN ('WAITING', 'ASSIGNED')),
    CONSTRAINT work_item_assignment_complete CHECK ((status = 'ASSIGNED') = (assigned_agent_id IS NOT NULL))
);
-- One active work item per conversation: a customer's further messages join it.
CREATE UNIQUE INDEX work_item_one_active_per_conversation ON work_item (conversation_key)
    WHERE status IN ('WAITING', 'ASSIGNED');
-- The router's order: earliest due first.
CREATE INDEX work_item_waiting_by_due ON work_item (due_at, arrived_at) WHERE status = 'WAITING';
CREATE INDEX work_item_assigned_by_agent ON work_item (assigned_agent_id, channel) WHERE status = 'ASSIGNED';

CREATE TABLE processed_event (
    event_id     TEXT PRIMARY KEY,
    processed_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE outbox_event (
    id           BIGSERIAL PRIMARY KEY,
    event_id     TEXT        NOT NULL UNIQUE,
    topic        TEXT        NOT NULL,
    record_key   TEXT        NOT NULL,
    event_type   TEXT        NOT NULL,
    payload      BYTEA       NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    published_at TIMESTAMPTZ
);
CREATE INDEX outbox_event_unpublished ON outbox_event (id) WHERE published_at IS NULL;
