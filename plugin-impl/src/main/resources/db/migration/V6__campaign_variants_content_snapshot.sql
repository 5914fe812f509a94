-- Campaign content: one template (template_id + bindings), A/B variants (JSON list of key, templateId,
-- bindings, percent) or direct content (JSON: type, text, mediaUrl, mediaType); exactly one is set.
alter table wa_campaign alter column template_id drop not null;
alter table wa_campaign add column variants text;
alter table wa_campaign add column content text;
-- What a launch does with leads missing a variable value: refuse the launch, or skip those leads.
alter table wa_campaign add column missing_variables varchar(8) not null default 'refuse';
-- A run whose audience snapshot is still being written (in batches, each its own transaction) is not
-- fed or finished; after a crash the poller resumes the snapshot. snapshot_cursor is the last recipient
-- id vetted by the shared-database snapshot's second pass.
alter table wa_campaign add column snapshot_pending boolean not null default false;
alter table wa_campaign add column snapshot_cursor varchar(36);
