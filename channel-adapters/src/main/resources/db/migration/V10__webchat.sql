-- Web chat: agents' replies kept for the visitor's widget, so a widget that reconnects receives exactly what it missed.

-- One row per visitor conversation: the last cursor given out. Taking the next one locks the row until the
-- reply is committed, so within a conversation cursors become visible in order and a reader never skips one.
CREATE TABLE chat_conversation (
    inbox       TEXT   NOT NULL,
    visitor     TEXT   NOT NULL,
    last_cursor BIGINT NOT NULL,
    PRIMARY KEY (inbox, visitor)
);

-- The replies, by reply id (one row however often it is delivered), numbered 1, 2, 3... per conversation.
CREATE TABLE chat_reply (
    id           TEXT        PRIMARY KEY,
    inbox        TEXT        NOT NULL,
    visitor      TEXT        NOT NULL,
    cursor       BIGINT      NOT NULL,
    text         TEXT        NOT NULL,
    attachments  TEXT,
    agent_id     TEXT,
    sent_at      TIMESTAMPTZ NOT NULL,
    delivered_at TIMESTAMPTZ,
    read_at      TIMESTAMPTZ,
    CONSTRAINT chat_reply_cursor_unique UNIQUE (inbox, visitor, cursor)
);
-- The instances' periodic check for replies they may have missed the notification of.
CREATE INDEX chat_reply_sent_at ON chat_reply (sent_at);
