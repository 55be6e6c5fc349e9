-- The first schema. Portable SQL: standard types, ISO 8601 UTC text for instants, JSON as TEXT.

CREATE TABLE campaigns (
    id TEXT PRIMARY KEY,
    seq BIGINT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    objective TEXT NOT NULL,
    platforms TEXT NOT NULL,
    budget_type TEXT NOT NULL,
    budget_micros BIGINT NOT NULL,
    currency TEXT NOT NULL,
    allocation TEXT NOT NULL,
    audience_ids TEXT NOT NULL,
    creative_ids TEXT NOT NULL,
    start_at TEXT,
    end_at TEXT,
    status TEXT NOT NULL,
    version INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE platform_status (
    campaign_id TEXT NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    platform TEXT NOT NULL,
    state TEXT NOT NULL,
    remote_ids TEXT NOT NULL,
    budget_micros BIGINT NOT NULL,
    currency TEXT NOT NULL,
    error TEXT,
    warnings TEXT NOT NULL,
    account_id TEXT,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (campaign_id, platform)
);

-- One row per platform and lifecycle operation in flight: the launch engine's to-do list.
CREATE TABLE launch_operations (
    campaign_id TEXT NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    platform TEXT NOT NULL,
    kind TEXT NOT NULL,
    state TEXT NOT NULL,
    attempts INTEGER NOT NULL,
    next_attempt_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (campaign_id, platform)
);

-- The launch journal: every step is written before its request is sent and updated with its answer.
CREATE TABLE launch_steps (
    campaign_id TEXT NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    platform TEXT NOT NULL,
    step_key TEXT NOT NULL,
    ordinal INTEGER NOT NULL,
    object_type TEXT NOT NULL,
    tag TEXT NOT NULL,
    state TEXT NOT NULL,
    remote_ids TEXT NOT NULL,
    attempts INTEGER NOT NULL,
    last_error TEXT,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (campaign_id, platform, step_key)
);

CREATE TABLE creatives (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE audiences (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE accounts (
    platform TEXT NOT NULL,
    account_id TEXT NOT NULL,
    name TEXT NOT NULL,
    currency TEXT NOT NULL,
    time_zone TEXT NOT NULL,
    sandbox INTEGER NOT NULL,
    is_default INTEGER NOT NULL,
    extra TEXT NOT NULL,
    PRIMARY KEY (platform, account_id)
);

-- Raw delivery per platform, account, remote campaign and report day, as the platform reported it.
CREATE TABLE metrics_daily (
    platform TEXT NOT NULL,
    account_id TEXT NOT NULL,
    remote_campaign_id TEXT NOT NULL,
    day TEXT NOT NULL,
    campaign_id TEXT NOT NULL,
    time_zone TEXT NOT NULL,
    currency TEXT NOT NULL,
    impressions BIGINT NOT NULL,
    clicks BIGINT NOT NULL,
    spend_micros BIGINT NOT NULL,
    conversions_micros BIGINT NOT NULL,
    conversion_value_micros BIGINT NOT NULL,
    synced_at TEXT NOT NULL,
    PRIMARY KEY (platform, account_id, remote_campaign_id, day)
);

CREATE INDEX metrics_daily_by_campaign ON metrics_daily (campaign_id, day);

CREATE TABLE sync_state (
    platform TEXT PRIMARY KEY,
    last_success_at TEXT,
    last_attempt_at TEXT,
    last_error TEXT,
    rows_last_sync INTEGER NOT NULL
);

CREATE TABLE change_history (
    id TEXT PRIMARY KEY,
    record_type TEXT NOT NULL,
    record_id TEXT NOT NULL,
    actor_kind TEXT NOT NULL,
    actor_subject TEXT NOT NULL,
    changed_at TEXT NOT NULL,
    before_json TEXT,
    after_json TEXT
);

CREATE INDEX change_history_by_record ON change_history (record_type, record_id, changed_at);
