-- Message templates, one row per tenant, name and language. The components (header, body, footer,
-- buttons) and the examples are kept as the JSON the admin wrote, validated before every write.
create table wa_template (
    id                   varchar(36)  not null primary key,
    tenant_id            varchar(64)  not null,
    name                 varchar(512) not null,
    language             varchar(16)  not null,
    category             varchar(16)  not null,
    parameter_format     varchar(16)  not null,
    definition           text         not null,
    tags                 varchar(256) not null default '',
    status               varchar(24)  not null,
    rejection_reason     varchar(512),
    quality              varchar(16)  not null default 'UNKNOWN',
    provider_template_id varchar(64),
    usage_count          bigint       not null default 0,
    last_used_at         timestamp with time zone,
    created_by           varchar(128),
    created_at           timestamp with time zone not null,
    updated_at           timestamp with time zone not null,
    version              bigint       not null default 0
);
create unique index wa_template_name on wa_template (tenant_id, name, language);
-- Lists are per tenant, newest first.
create index wa_template_list on wa_template (tenant_id, created_at desc, id desc);
-- Status webhooks and the sync find templates by Meta's id.
create index wa_template_provider_id on wa_template (provider_template_id);

-- A message sent from a template remembers which, and the exact content that was rendered and validated.
alter table wa_message add column template_id varchar(36);
alter table wa_message add column template_name varchar(512);
alter table wa_message add column content text;
