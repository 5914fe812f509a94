-- The last WhatsApp Web session status a gateway (WAHA) reported for a sender number, and when the
-- gateway says it changed, so that an older session.status webhook arriving late does not win.
alter table wa_sender_account add column session_status varchar(32);
alter table wa_sender_account add column session_status_at timestamp with time zone;
-- A gateway webhook is stored with source 'gateway:<account id>' (44 characters).
alter table wa_webhook_event alter column source set data type varchar(64);
