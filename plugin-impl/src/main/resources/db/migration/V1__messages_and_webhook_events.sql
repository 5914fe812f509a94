-- Every message to or from a lead: the per-lead history and the unit of dispatch for single sends.
create table wa_message (
    id                  varchar(36)  not null primary key,
    tenant_id           varchar(64)  not null,
    lead_id             varchar(128) not null,
    direction           varchar(8)   not null,
    phone               varchar(16)  not null,
    body                text,
    status              varchar(16)  not null,
    provider            varchar(32),
    sender_id           varchar(64),
    provider_message_id varchar(128),
    error_code          integer,
    error_message       varchar(512),
    created_by          varchar(128),
    created_at          timestamp with time zone not null,
    queued_at           timestamp with time zone,
    sending_at          timestamp with time zone,
    sent_at             timestamp with time zone,
    delivered_at        timestamp with time zone,
    read_at             timestamp with time zone,
    failed_at           timestamp with time zone,
    version             bigint not null default 0
);
-- History of one lead, newest first, with keyset pagination on (created_at, id).
create index wa_message_lead_history on wa_message (tenant_id, lead_id, created_at desc, id desc);
-- Status webhooks find their message by the provider's id.
create unique index wa_message_provider_id on wa_message (provider_message_id);

-- Every webhook request as received, stored before it is answered, so that nothing a provider told us
-- is lost when processing fails or the server dies after answering. The tenant is not known on arrival.
create table wa_webhook_event (
    id           varchar(36)  not null primary key,
    source       varchar(32)  not null,
    received_at  timestamp with time zone not null,
    body         text         not null,
    processed_at timestamp with time zone,
    attempts     integer      not null default 0,
    last_error   varchar(512)
);
create index wa_webhook_event_unprocessed on wa_webhook_event (processed_at, received_at);
