-- A campaign message whose campaign is paused when it would be claimed stays queued, held (why, in
-- hold_reason) until the campaign resumes and releases it for publishing again.
alter table wa_message add column hold_reason varchar(128);
create index wa_message_held on wa_message (campaign_id, hold_reason);

-- A campaign may send from one sender number of its choice, with its own retry schedule; the sender note
-- says when its messages left from another number (failover) or why none could leave.
alter table wa_campaign add column sender_account_id varchar(36);
alter table wa_campaign add column retry_backoff varchar(200);
alter table wa_campaign add column max_attempts integer;
alter table wa_campaign add column sender_note varchar(512);
alter table wa_message add column preferred_account_id varchar(36);
