-- The last report day each sync has read for a platform's account. A platform that leaves days
-- without delivery out of its reports says nothing about days it was never asked for, so only days
-- up to this one can be zero days; later ones are unknown until a sync reads them.
CREATE TABLE report_reads (
    platform TEXT NOT NULL,
    account_id TEXT NOT NULL,
    read_through TEXT NOT NULL,
    PRIMARY KEY (platform, account_id)
);

-- Rows stored before this table: their accounts were read at least up to their last reported day.
-- Later days read since then count as unknown until the next sync, never as zero.
INSERT INTO report_reads (platform, account_id, read_through)
SELECT platform, account_id, MAX(day) FROM metrics_daily GROUP BY platform, account_id;
