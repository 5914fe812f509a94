-- Inbound messages, the service window, replies, pricing.
alter table wa_message add column message_type varchar(32);
alter table wa_message add column pricing_category varchar(32);
alter table wa_message add column responded_at timestamp with time zone;
-- The 24-hour window and "responded": the latest inbound / outbound message of a lead.
create index wa_message_lead_direction on wa_message (tenant_id, lead_id, direction, created_at desc);
-- Which tenant wrote to a phone last (numbers shared by tenants), and erasure by phone.
create index wa_message_phone on wa_message (phone, created_at desc);

-- Inbound messages whose sender matched no lead (or more than one tenant): kept for admins.
create table wa_unmatched_inbound (
    id                  varchar(36)  not null primary key,
    tenant_id           varchar(64)  not null,
    phone_number_id     varchar(64),
    phone               varchar(16),
    provider_message_id varchar(128) not null,
    message_type        varchar(32),
    body                text,
    profile_name        varchar(256),
    reason              varchar(32)  not null,
    received_at         timestamp with time zone not null
);
create unique index wa_unmatched_inbound_provider_id on wa_unmatched_inbound (provider_message_id);
create index wa_unmatched_inbound_list on wa_unmatched_inbound (tenant_id, received_at desc, id desc);

-- Consent per tenant and phone. Keyed by a keyed hash (HMAC) of the number, so that an erased number
-- (phone set to null) is still recognised and never messaged again.
create table wa_consent (
    tenant_id   varchar(64)  not null,
    phone_hash  varchar(64)  not null,
    phone       varchar(16),
    state       varchar(16)  not null,
    source      varchar(32)  not null,
    detail      varchar(256),
    created_at  timestamp with time zone not null,
    updated_at  timestamp with time zone not null,
    primary key (tenant_id, phone_hash)
);
create index wa_consent_list on wa_consent (tenant_id, state, updated_at desc);

-- Provider ids of erased messages (hashed): a late webhook for one of them recreates nothing.
create table wa_erased_message (
    provider_id_hash varchar(64) not null primary key,
    tenant_id        varchar(64) not null,
    erased_at        timestamp with time zone not null
);

-- A lead's conversion to a customer, recorded once per customer, attributed to the last message
-- delivered to the lead inside the attribution window.
create table wa_conversion (
    id                     varchar(36)  not null primary key,
    tenant_id              varchar(64)  not null,
    lead_id                varchar(128) not null,
    customer_id            varchar(128) not null,
    converted_at           timestamp with time zone not null,
    source                 varchar(16)  not null,
    attributed_message_id  varchar(36),
    attributed_campaign_id varchar(64),
    recorded_at            timestamp with time zone not null
);
create unique index wa_conversion_customer on wa_conversion (tenant_id, customer_id);
create index wa_conversion_lead on wa_conversion (tenant_id, lead_id);
