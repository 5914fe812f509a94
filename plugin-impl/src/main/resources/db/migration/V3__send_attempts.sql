-- Retries of a refused send: how many attempts were made, and when the next one is due. The message
-- waits in 'queued' with a delayed dispatch request on the queue; next_attempt_at says when to expect it.
alter table wa_message add column attempts integer not null default 0;
alter table wa_message add column next_attempt_at timestamp with time zone;
