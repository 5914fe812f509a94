-- Files a rep uploaded to send to a lead (an image, a video, a document), kept until the signed link the
-- provider fetches them through expires. In the database rather than on disk so that every instance of a
-- cluster can answer the provider's fetch.
create table wa_media (
    id          varchar(36)  not null primary key,
    tenant_id   varchar(64)  not null,
    lead_id     varchar(128) not null,
    mime_type   varchar(100) not null,
    filename    varchar(255) not null,
    size_bytes  bigint       not null,
    content     bytea        not null,
    created_by  varchar(128),
    created_at  timestamp with time zone not null,
    expires_at  timestamp with time zone not null
);
create index wa_media_expiry on wa_media (expires_at);
create index wa_media_lead on wa_media (tenant_id, lead_id);
