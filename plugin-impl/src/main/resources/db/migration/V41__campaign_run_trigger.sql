-- What started the campaign's current run: a user's launch, its schedule's timer, or the catch-up poll
-- (a timer that never fired: lost with the instance that armed it).
alter table wa_campaign add column run_started_by varchar(16);
