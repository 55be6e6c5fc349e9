-- Answers to POST requests that carried an Idempotency-Key, so a client's retry gets the first
-- answer again instead of doing the work twice.

CREATE TABLE idempotency_keys (
    subject TEXT NOT NULL,
    idem_key TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    state TEXT NOT NULL,
    status INTEGER,
    body TEXT,
    location TEXT,
    created_at TEXT NOT NULL,
    PRIMARY KEY (subject, idem_key)
);
