-- A tenant's sender numbers. Credentials are AES-GCM ciphertext under the key named in
-- credentials_key_id (see docs/providers.md); the plaintext is never stored.
create table wa_sender_account (
    id                  varchar(36)  not null primary key,
    tenant_id           varchar(64)  not null,
    name                varchar(100) not null,
    phone_number        varchar(16)  not null,
    provider            varchar(32)  not null,
    sender_id           varchar(128) not null,
    credentials         text,
    credentials_key_id  varchar(64),
    status              varchar(16)  not null,
    status_reason       varchar(300),
    is_primary          boolean      not null default false,
    mps_limit           integer      not null default 80,
    daily_limit         integer,
    health_score        integer      not null default 100,
    health_checked_at   timestamp with time zone,
    last_connection_ok  boolean,
    created_at          timestamp with time zone not null,
    updated_at          timestamp with time zone not null,
    version             bigint       not null default 0
);
create unique index wa_sender_account_phone on wa_sender_account (tenant_id, phone_number);
create index wa_sender_account_tenant on wa_sender_account (tenant_id, status);
