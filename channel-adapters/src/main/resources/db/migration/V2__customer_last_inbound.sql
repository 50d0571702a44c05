-- When each customer last wrote, per conversation key: Meta's platforms (WhatsApp, Messenger,
-- Instagram) allow free-form replies only within 24 hours of it; outside, a template or tag is required.
CREATE TABLE customer_last_inbound (
    conversation_key TEXT        PRIMARY KEY,
    last_inbound_at  TIMESTAMPTZ NOT NULL
);
