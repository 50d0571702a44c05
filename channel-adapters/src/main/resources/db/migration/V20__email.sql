-- Each customer mail's References chain, by inbox and Message-ID: a reply's References header is the
-- chain of the mail it answers followed by that mail's own id (RFC 5322 section 3.6.4).
CREATE TABLE email_thread (
    inbox            TEXT        NOT NULL,
    message_id       TEXT        NOT NULL,
    references_chain TEXT        NOT NULL,
    recorded_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (inbox, message_id)
);

-- The attachments of inbound mail, served at /email/attachments/{id}; the id is random, so the URL is
-- the capability. A message taken in twice (a provider retry) keeps the rows of the first time.
CREATE TABLE email_attachment (
    id           UUID        PRIMARY KEY,
    message_id   TEXT        NOT NULL,
    part_index   INT         NOT NULL,
    name         TEXT,
    content_type TEXT        NOT NULL,
    size         BIGINT      NOT NULL,
    content      BYTEA       NOT NULL,
    stored_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (message_id, part_index)
);
