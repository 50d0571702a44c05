-- State of the channel adapters that must survive a restart. The inbound hot path never touches it.

-- Each reply's way to the provider, keyed by the reply's id: a reply is handed to the provider at most once.
CREATE TABLE outbound_delivery (
    message_id       TEXT PRIMARY KEY,
    conversation_key TEXT        NOT NULL,
    channel          TEXT        NOT NULL,
    provider         TEXT        NOT NULL,
    inbox            TEXT        NOT NULL,
    state            TEXT        NOT NULL,
    attempts         INTEGER     NOT NULL,
    external_id      TEXT,
    reason           TEXT,
    created_at       TIMESTAMPTZ NOT NULL,
    updated_at       TIMESTAMPTZ NOT NULL,
    CONSTRAINT outbound_delivery_state_valid CHECK (state IN ('SENDING', 'SENT', 'DELIVERED', 'READ', 'FAILED'))
);

-- The provider's ids of a reply (a long SMS may be several provider messages), for its status callbacks.
CREATE TABLE provider_message (
    provider    TEXT NOT NULL,
    external_id TEXT NOT NULL,
    message_id  TEXT NOT NULL REFERENCES outbound_delivery (message_id) ON DELETE CASCADE,
    PRIMARY KEY (provider, external_id)
);

-- Status callbacks already reported, e.g. Twilio (MessageSid, MessageStatus).
CREATE TABLE provider_status_seen (
    provider        TEXT        NOT NULL,
    external_id     TEXT        NOT NULL,
    provider_status TEXT        NOT NULL,
    seen_at         TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (provider, external_id, provider_status)
);

-- Parts of concatenated SMS until the whole message is published; kept a while after, to drop late retries.
CREATE TABLE concat_part (
    provider     TEXT        NOT NULL,
    external_id  TEXT        NOT NULL,
    inbox        TEXT        NOT NULL,
    sender       TEXT        NOT NULL,
    concat_ref   TEXT        NOT NULL,
    part_total   INTEGER     NOT NULL,
    part_number  INTEGER     NOT NULL,
    text         TEXT        NOT NULL,
    sent_at      TIMESTAMPTZ,
    received_at  TIMESTAMPTZ NOT NULL,
    published_at TIMESTAMPTZ,
    PRIMARY KEY (provider, external_id)
);
CREATE INDEX concat_part_open ON concat_part (provider, inbox, sender, concat_ref) WHERE published_at IS NULL;
