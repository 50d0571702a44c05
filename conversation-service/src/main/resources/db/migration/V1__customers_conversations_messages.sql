-- Customers, their conversations and the messages in them, plus the ids of the events already consumed.

CREATE TABLE customer (
    id               uuid        PRIMARY KEY,
    channel          text        NOT NULL CHECK (channel IN ('email', 'chat', 'social', 'sms', 'phone')),
    handle           text        NOT NULL,
    display_name     text,
    first_contact_at timestamptz NOT NULL,
    CONSTRAINT customer_channel_handle_key UNIQUE (channel, handle)
);

CREATE TABLE conversation (
    id                   uuid        PRIMARY KEY,
    conversation_key     text        NOT NULL,
    customer_id          uuid        NOT NULL REFERENCES customer (id),
    channel              text        NOT NULL CHECK (channel IN ('email', 'chat', 'social', 'sms', 'phone')),
    inbox                text        NOT NULL,
    status               text        NOT NULL CHECK (status IN ('open', 'resolved')),
    assignee_agent_id    text,
    routing_work_item_id text,
    due_at               timestamptz,
    created_at           timestamptz NOT NULL,
    updated_at           timestamptz NOT NULL,
    last_message_at      timestamptz
);

-- At most one conversation per key is not resolved: a customer's new message joins it, a message
-- after resolution opens a new one. The consumers rely on it to create conversations race-free.
CREATE UNIQUE INDEX conversation_one_open_per_key ON conversation (conversation_key) WHERE status <> 'resolved';
-- The agents' lists, newest activity first, with (updated_at, id) as the paging cursor.
CREATE INDEX conversation_by_assignee ON conversation (assignee_agent_id, status, updated_at DESC, id DESC)
    WHERE assignee_agent_id IS NOT NULL;
CREATE INDEX conversation_by_status ON conversation (status, updated_at DESC, id DESC);
CREATE INDEX conversation_by_customer ON conversation (customer_id);

CREATE TABLE message (
    id              text        PRIMARY KEY, -- the gateway's message id: a redelivered message is recognized
    conversation_id uuid        NOT NULL REFERENCES conversation (id),
    direction       text        NOT NULL CHECK (direction IN ('inbound', 'outbound')),
    provider        text        NOT NULL,
    external_id     text        NOT NULL,
    thread_ref      text,
    subject         text,
    text            text        NOT NULL,
    html            text,
    language        text,
    sent_at         timestamptz,
    received_at     timestamptz NOT NULL,
    attachments     jsonb       NOT NULL DEFAULT '[]'::jsonb
);

CREATE INDEX message_by_conversation ON message (conversation_id, received_at, id);

-- Ids of the events whose effects are committed; written in the same transaction as those effects.
CREATE TABLE processed_event (
    event_id     text        PRIMARY KEY,
    processed_at timestamptz NOT NULL
);

CREATE INDEX processed_event_by_time ON processed_event (processed_at);
