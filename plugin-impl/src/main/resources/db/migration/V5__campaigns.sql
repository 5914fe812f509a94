-- Campaigns: one approved template sent to an audience (host leads by criteria, or an uploaded list),
-- now, at a time or on a cron schedule, throttled and inside a daily send window.
create table wa_campaign (
    id                  varchar(36)  not null primary key,
    tenant_id           varchar(64)  not null,
    name                varchar(200) not null,
    description         varchar(2000),
    template_id         varchar(36)  not null,
    bindings            text         not null default '{}',
    audience            text         not null default '{}',
    schedule_kind       varchar(8)   not null default 'NOW',
    schedule_at         timestamp with time zone,
    schedule_cron       varchar(120),
    time_zone           varchar(64)  not null default 'UTC',
    next_run_at         timestamp with time zone,
    run_no              integer      not null default 0,
    throttle_per_minute integer      not null default 100,
    window_start        varchar(5),
    window_end          varchar(5),
    status              varchar(16)  not null,
    status_reason       varchar(512),
    resumes_at          timestamp with time zone,
    last_fed_at         timestamp with time zone,
    ad_hoc              boolean      not null default false,
    created_by          varchar(128),
    created_at          timestamp with time zone not null,
    updated_at          timestamp with time zone not null,
    started_at          timestamp with time zone,
    completed_at        timestamp with time zone,
    version             bigint       not null default 0
);
create index wa_campaign_list on wa_campaign (tenant_id, created_at desc, id desc);
-- The timers and the poller look for what is due or running.
create index wa_campaign_due on wa_campaign (status, next_run_at);

-- The audience snapshot: one row per phone per run, made at launch (or uploaded while draft, run 0).
create table wa_campaign_recipient (
    id            varchar(36)  not null primary key,
    tenant_id     varchar(64)  not null,
    campaign_id   varchar(36)  not null references wa_campaign (id) on delete cascade,
    run_no        integer      not null,
    lead_id       varchar(128),
    name          varchar(512),
    phone         varchar(20)  not null,
    time_zone     varchar(64),
    variables     text,
    variant       varchar(8),
    status        varchar(16)  not null,
    attempts      integer      not null default 0,
    message_id    varchar(36),
    error_code    integer,
    error_message varchar(512),
    created_at    timestamp with time zone not null,
    updated_at    timestamp with time zone not null
);
create unique index wa_campaign_recipient_phone on wa_campaign_recipient (campaign_id, run_no, phone);
create index wa_campaign_recipient_feed on wa_campaign_recipient (campaign_id, status, id);
create unique index wa_campaign_recipient_message on wa_campaign_recipient (message_id);

-- A campaign message names its campaign and recipient; a recipient can never get two messages.
alter table wa_message add column campaign_id varchar(36);
alter table wa_message add column campaign_recipient_id varchar(36);
alter table wa_message add constraint wa_message_campaign_recipient unique (campaign_recipient_id);
