-- The desktop API: one customer across channels (identities), conversation workflow (pending, snoozed,
-- priority, team, tags, SLA state), replies with their delivery status, notes and system events on the
-- timeline, the outbox of replies and agent states, and the per-agent live event stream.

-- ---------------------------------------------------------------------------------------------------
-- Customers and their identities
-- ---------------------------------------------------------------------------------------------------

CREATE TABLE customer_identity (
    id          uuid        PRIMARY KEY,
    customer_id uuid        NOT NULL REFERENCES customer (id),
    kind        text        NOT NULL CHECK (kind IN ('email', 'phone', 'whatsapp', 'messenger', 'instagram',
                                                     'chat-visitor', 'other')),
    value       text        NOT NULL, -- normalized: E.164 number, lower-case address, platform id
    verified    boolean     NOT NULL, -- the channel itself proves it belongs to the sender (a number that texted)
    linked_by   text        NOT NULL, -- 'auto' or the agent who linked it
    created_at  timestamptz NOT NULL,
    CONSTRAINT customer_identity_kind_value_key UNIQUE (kind, value)
);
CREATE INDEX customer_identity_by_customer ON customer_identity (customer_id);

-- Where an identity last wrote to us per channel: what a reply on that channel is sent from.
CREATE TABLE identity_channel (
    identity_id  uuid        NOT NULL REFERENCES customer_identity (id),
    channel      text        NOT NULL CHECK (channel IN ('email', 'chat', 'social', 'sms', 'phone')),
    handle       text        NOT NULL, -- the handle as the channel spells it: the reply's recipient
    inbox        text        NOT NULL,
    provider     text        NOT NULL,
    last_seen_at timestamptz NOT NULL,
    PRIMARY KEY (identity_id, channel)
);

-- Every existing customer becomes the owner of the identity its channel and handle name.
INSERT INTO customer_identity (id, customer_id, kind, value, verified, linked_by, created_at)
SELECT gen_random_uuid(), id,
       CASE channel WHEN 'email' THEN 'email' WHEN 'sms' THEN 'phone' WHEN 'phone' THEN 'phone'
                    WHEN 'chat' THEN 'chat-visitor' ELSE 'other' END,
       CASE channel WHEN 'email' THEN lower(handle) ELSE handle END,
       channel IN ('sms', 'phone'), 'auto', first_contact_at
FROM customer
ORDER BY first_contact_at
ON CONFLICT (kind, value) DO NOTHING;

CREATE TABLE customer_note (
    id          uuid        PRIMARY KEY,
    customer_id uuid        NOT NULL REFERENCES customer (id),
    author      text        NOT NULL,
    text        text        NOT NULL,
    created_at  timestamptz NOT NULL
);
CREATE INDEX customer_note_by_customer ON customer_note (customer_id, created_at);

-- ---------------------------------------------------------------------------------------------------
-- Conversations
-- ---------------------------------------------------------------------------------------------------

ALTER TABLE conversation
    ADD COLUMN identity_id          uuid REFERENCES customer_identity (id),
    ADD COLUMN customer_handle      text,
    ADD COLUMN provider             text,
    ADD COLUMN priority             text        NOT NULL DEFAULT 'normal'
        CHECK (priority IN ('urgent', 'high', 'normal', 'low')),
    ADD COLUMN team_id              text,
    ADD COLUMN tags                 text[]      NOT NULL DEFAULT '{}',
    ADD COLUMN sla_state            text CHECK (sla_state IN ('ok', 'warning', 'breached', 'met')),
    ADD COLUMN snoozed_until        timestamptz,
    ADD COLUMN first_response_at    timestamptz,
    ADD COLUMN resolved_at          timestamptz,
    ADD COLUMN escalated_at         timestamptz,
    ADD COLUMN transfer_requested_to text,
    ADD COLUMN satisfaction_score   smallint CHECK (satisfaction_score BETWEEN 1 AND 5);

UPDATE conversation SET customer_handle = substring(conversation_key FROM length(channel) + length(inbox) + 3);

UPDATE conversation c
SET identity_id = i.id, customer_id = i.customer_id
FROM customer cu, customer_identity i
WHERE cu.id = c.customer_id
  AND i.kind = CASE cu.channel WHEN 'email' THEN 'email' WHEN 'sms' THEN 'phone' WHEN 'phone' THEN 'phone'
                               WHEN 'chat' THEN 'chat-visitor' ELSE 'other' END
  AND i.value = CASE cu.channel WHEN 'email' THEN lower(cu.handle) ELSE cu.handle END;

INSERT INTO identity_channel (identity_id, channel, handle, inbox, provider, last_seen_at)
SELECT DISTINCT ON (c.identity_id, c.channel) c.identity_id, c.channel, c.customer_handle, c.inbox,
       coalesce(m.provider, 'unknown'), coalesce(c.last_message_at, c.created_at)
FROM conversation c
LEFT JOIN LATERAL (SELECT provider FROM message WHERE conversation_id = c.id AND direction = 'inbound'
                   ORDER BY received_at DESC LIMIT 1) m ON true
ORDER BY c.identity_id, c.channel, coalesce(c.last_message_at, c.created_at) DESC;

UPDATE conversation c
SET provider = (SELECT provider FROM message WHERE conversation_id = c.id AND direction = 'inbound'
                ORDER BY received_at DESC LIMIT 1);

ALTER TABLE conversation
    ALTER COLUMN identity_id SET NOT NULL,
    ALTER COLUMN customer_handle SET NOT NULL,
    DROP CONSTRAINT conversation_status_check,
    ADD CONSTRAINT conversation_status_check CHECK (status IN ('open', 'pending', 'snoozed', 'resolved'));

-- Customers whose identity turned out to belong to an older customer (an SMS and a call from one number).
DELETE FROM customer cu
WHERE NOT EXISTS (SELECT 1 FROM customer_identity i WHERE i.customer_id = cu.id)
  AND NOT EXISTS (SELECT 1 FROM conversation c WHERE c.customer_id = cu.id);

ALTER TABLE customer
    DROP CONSTRAINT customer_channel_handle_key,
    DROP COLUMN channel,
    DROP COLUMN handle,
    ADD COLUMN merged_into uuid REFERENCES customer (id);

CREATE INDEX conversation_by_team ON conversation (team_id, status, updated_at DESC, id DESC) WHERE team_id IS NOT NULL;
CREATE INDEX conversation_by_identity ON conversation (identity_id);
CREATE INDEX conversation_snoozed ON conversation (snoozed_until) WHERE status = 'snoozed';
-- The latest resolved conversation of a key, which a customer writing again within the window reopens.
CREATE INDEX conversation_resolved_by_key ON conversation (conversation_key, resolved_at DESC) WHERE status = 'resolved';

-- ---------------------------------------------------------------------------------------------------
-- The timeline: messages, notes and system events, ordered by time and then by a shared sequence
-- ---------------------------------------------------------------------------------------------------

CREATE SEQUENCE timeline_seq;

ALTER TABLE message
    ADD COLUMN seq                 bigint      NOT NULL DEFAULT nextval('timeline_seq'),
    ADD COLUMN channel             text CHECK (channel IN ('email', 'chat', 'social', 'sms', 'phone')),
    ADD COLUMN inbox               text,
    ADD COLUMN recipient           text,
    ADD COLUMN agent_id            text,
    ADD COLUMN delivery_status     text CHECK (delivery_status IN ('queued', 'sent', 'delivered', 'read', 'failed')),
    ADD COLUMN delivery_reason     text,
    ADD COLUMN delivery_updated_at timestamptz,
    ADD COLUMN idempotency_key     text,
    ALTER COLUMN external_id DROP NOT NULL;

UPDATE message m SET channel = c.channel, inbox = c.inbox FROM conversation c WHERE c.id = m.conversation_id;
ALTER TABLE message ALTER COLUMN channel SET NOT NULL, ALTER COLUMN inbox SET NOT NULL;

DROP INDEX message_by_conversation;
CREATE INDEX message_by_conversation ON message (conversation_id, received_at, seq);
-- A reply retried with the same Idempotency-Key is the same reply.
CREATE UNIQUE INDEX message_idempotency ON message (conversation_id, idempotency_key) WHERE idempotency_key IS NOT NULL;
-- Text search over what customers and agents wrote.
CREATE INDEX message_text_search ON message USING gin (to_tsvector('simple', coalesce(subject, '') || ' ' || text));

CREATE TABLE conversation_event (
    id              uuid        PRIMARY KEY,
    conversation_id uuid        NOT NULL REFERENCES conversation (id),
    seq             bigint      NOT NULL DEFAULT nextval('timeline_seq'),
    kind            text        NOT NULL,
    actor           text        NOT NULL, -- an agent id, 'routing', 'customer' or 'system'
    text            text,                 -- a note's text, an escalation's reason
    data            jsonb       NOT NULL DEFAULT '{}'::jsonb,
    occurred_at     timestamptz NOT NULL
);
CREATE INDEX conversation_event_by_conversation ON conversation_event (conversation_id, occurred_at, seq);

-- ---------------------------------------------------------------------------------------------------
-- Agents: the team their token named, and their live event stream
-- ---------------------------------------------------------------------------------------------------

CREATE TABLE agent_profile (
    agent_id   text        PRIMARY KEY,
    team_id    text,
    updated_at timestamptz NOT NULL
);

-- Each agent's events are numbered 1, 2, 3 ... in commit order: the row lock on agent_stream is held
-- until the writing transaction ends, so a resuming client never misses an event behind its Last-Event-ID.
CREATE TABLE agent_stream (
    agent_id text   PRIMARY KEY,
    last_seq bigint NOT NULL
);

CREATE TABLE agent_event (
    agent_id        text        NOT NULL,
    seq             bigint      NOT NULL,
    type            text        NOT NULL,
    conversation_id uuid,
    data            jsonb       NOT NULL,
    created_at      timestamptz NOT NULL,
    PRIMARY KEY (agent_id, seq)
);
CREATE INDEX agent_event_by_time ON agent_event (created_at);

-- ---------------------------------------------------------------------------------------------------
-- The outbox: replies for gateway.outbound.v1 and agent states for gateway.agents.v1
-- ---------------------------------------------------------------------------------------------------

CREATE TABLE outbox_event (
    id           bigserial   PRIMARY KEY,
    event_id     text        NOT NULL UNIQUE,
    topic        text        NOT NULL,
    record_key   text        NOT NULL,
    event_type   text        NOT NULL,
    payload      bytea       NOT NULL,
    created_at   timestamptz NOT NULL,
    published_at timestamptz
);
CREATE INDEX outbox_event_unpublished ON outbox_event (id) WHERE published_at IS NULL;
