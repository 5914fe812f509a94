-- The dispatch's pollers find messages by status every second (due retries: queued with next_attempt_at
-- passed) or minute (sends left sending: to unknown); without an index each poll read the whole table
-- (140 ms a poll at 1,000,000 messages, growing with the history; 0.1 ms with it).
create index wa_message_status_due on wa_message (status, next_attempt_at);
