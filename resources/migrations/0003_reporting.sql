-- Reporting across currencies: the reporting currency, dated exchange rates, each delivery row
-- converted on ingest with its own day's rate, and roll-ups the analytics routes answer from.

CREATE TABLE preferences (
    pref_key TEXT PRIMARY KEY,
    pref_value TEXT NOT NULL
);

-- Units of base per one unit of currency on day, scaled by 10^9 (1.0842 EUR->USD is 1084200000).
-- A day without a row uses the latest earlier rate of the same pair.
CREATE TABLE fx_rates (
    day TEXT NOT NULL,
    currency TEXT NOT NULL,
    base TEXT NOT NULL,
    rate_e9 BIGINT NOT NULL,
    PRIMARY KEY (currency, base, day)
);

-- Spend and conversion value in the reporting currency at the rate of the row's own day;
-- NULL while no rate reaches that day.
ALTER TABLE metrics_daily ADD COLUMN spend_rpt_micros BIGINT;
ALTER TABLE metrics_daily ADD COLUMN conversion_value_rpt_micros BIGINT;

-- Covering indexes: a campaign filter, and the days at the edges of a range, are summed from the
-- index alone, without visiting the table.
DROP INDEX metrics_daily_by_campaign;
CREATE INDEX metrics_daily_by_campaign ON metrics_daily (campaign_id, day, platform, impressions, clicks,
    spend_rpt_micros, conversions_micros, conversion_value_rpt_micros);
CREATE INDEX metrics_daily_by_day ON metrics_daily (day, campaign_id, platform, impressions, clicks,
    spend_rpt_micros, conversions_micros, conversion_value_rpt_micros);

-- Roll-ups of metrics_daily, kept on ingest by adding each re-read's differences. Money is in the
-- reporting currency; unconverted_rows counts rows no rate reached; source_rows the rows summed,
-- so a roll-up row whose last source row went away is removed.

-- Per platform and report day, every campaign together: overview and trends.
CREATE TABLE rollup_platform_day (
    platform TEXT NOT NULL,
    day TEXT NOT NULL,
    impressions BIGINT NOT NULL,
    clicks BIGINT NOT NULL,
    spend_rpt_micros BIGINT NOT NULL,
    conversions_micros BIGINT NOT NULL,
    conversion_value_rpt_micros BIGINT NOT NULL,
    unconverted_rows BIGINT NOT NULL,
    source_rows BIGINT NOT NULL,
    PRIMARY KEY (platform, day)
);

-- Per campaign and report day, every platform together: ranking campaigns.
CREATE TABLE rollup_campaign_day (
    day TEXT NOT NULL,
    campaign_id TEXT NOT NULL,
    impressions BIGINT NOT NULL,
    clicks BIGINT NOT NULL,
    spend_rpt_micros BIGINT NOT NULL,
    conversions_micros BIGINT NOT NULL,
    conversion_value_rpt_micros BIGINT NOT NULL,
    unconverted_rows BIGINT NOT NULL,
    source_rows BIGINT NOT NULL,
    PRIMARY KEY (day, campaign_id)
);

-- Per campaign and calendar month (month = its first day), every platform together.
CREATE TABLE rollup_campaign_month (
    month TEXT NOT NULL,
    campaign_id TEXT NOT NULL,
    impressions BIGINT NOT NULL,
    clicks BIGINT NOT NULL,
    spend_rpt_micros BIGINT NOT NULL,
    conversions_micros BIGINT NOT NULL,
    conversion_value_rpt_micros BIGINT NOT NULL,
    unconverted_rows BIGINT NOT NULL,
    source_rows BIGINT NOT NULL,
    PRIMARY KEY (month, campaign_id)
);

-- Per campaign, platform and calendar month: platform filters and each campaign's platform split.
CREATE TABLE rollup_campaign_platform_month (
    month TEXT NOT NULL,
    campaign_id TEXT NOT NULL,
    platform TEXT NOT NULL,
    impressions BIGINT NOT NULL,
    clicks BIGINT NOT NULL,
    spend_rpt_micros BIGINT NOT NULL,
    conversions_micros BIGINT NOT NULL,
    conversion_value_rpt_micros BIGINT NOT NULL,
    unconverted_rows BIGINT NOT NULL,
    source_rows BIGINT NOT NULL,
    PRIMARY KEY (month, campaign_id, platform)
);

-- Delivery by the hour of the account's local day, where a platform reports it. Only recent days
-- are read by the hour; older days are kept by the day in metrics_daily.
CREATE TABLE metrics_hourly (
    platform TEXT NOT NULL,
    account_id TEXT NOT NULL,
    remote_campaign_id TEXT NOT NULL,
    day TEXT NOT NULL,
    hour INTEGER NOT NULL,
    campaign_id TEXT NOT NULL,
    time_zone TEXT NOT NULL,
    currency TEXT NOT NULL,
    impressions BIGINT NOT NULL,
    clicks BIGINT NOT NULL,
    spend_micros BIGINT NOT NULL,
    conversions_micros BIGINT NOT NULL,
    conversion_value_micros BIGINT NOT NULL,
    spend_rpt_micros BIGINT,
    conversion_value_rpt_micros BIGINT,
    synced_at TEXT NOT NULL,
    PRIMARY KEY (platform, account_id, remote_campaign_id, day, hour)
);

CREATE INDEX metrics_hourly_by_day ON metrics_hourly (day, campaign_id);
