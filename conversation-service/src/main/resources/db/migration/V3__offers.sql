-- Chat and phone conversations are offered to an agent before they are assigned: the agent accepts or
-- rejects the offer from the desktop. The offered agent sees the conversation while the offer stands.
ALTER TABLE conversation
    ADD COLUMN offered_agent_id text,
    ADD COLUMN offered_at       timestamptz;

CREATE INDEX conversation_by_offered_agent ON conversation (offered_agent_id) WHERE offered_agent_id IS NOT NULL;
