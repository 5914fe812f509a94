-- What each instance saw of each sender number's sends since its previous flush (once a minute): the
-- health score reads the last hour, summed over instances. Rows older than two days are pruned.
create table wa_sender_outcome (
    sender_key  varchar(200) not null,
    instance_id varchar(36)  not null,
    flushed_at  timestamp with time zone not null,
    accepted    bigint       not null,
    refused     bigint       not null,
    unreached   bigint       not null,
    latency_ms  bigint       not null,
    timed       bigint       not null,
    primary key (sender_key, instance_id, flushed_at)
);
create index wa_sender_outcome_recent on wa_sender_outcome (sender_key, flushed_at);
