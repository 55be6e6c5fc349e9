-- The report days a platform delivers on, in its account's time zone, when it runs a campaign's
-- schedule differently (Google runs whole days only). NULL: the campaign's own schedule.
ALTER TABLE platform_status ADD COLUMN delivery_from TEXT;
ALTER TABLE platform_status ADD COLUMN delivery_until TEXT;

-- The stretches each platform was live for a campaign, in UTC by the platform's clock: opened when
-- the platform confirms the campaign active, closed when it confirms a pause or an end. A day
-- outside every stretch was not live, so a platform that reports nothing for it misses nothing.
CREATE TABLE platform_activity (
    campaign_id TEXT NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    platform TEXT NOT NULL,
    active_from TEXT NOT NULL,
    active_until TEXT,
    PRIMARY KEY (campaign_id, platform, active_from)
);

-- Campaigns launched before this table: live from their start while active, and until their last
-- status change when paused or ended. The nearest the earlier records allow.
INSERT INTO platform_activity (campaign_id, platform, active_from, active_until)
SELECT p.campaign_id, p.platform, c.start_at,
       CASE WHEN p.state IN ('paused', 'ended') THEN p.updated_at END
FROM platform_status p JOIN campaigns c ON c.id = p.campaign_id
WHERE c.start_at IS NOT NULL AND p.remote_ids LIKE '%"campaign"%'
  AND p.state IN ('active', 'pausing', 'paused', 'ended');
