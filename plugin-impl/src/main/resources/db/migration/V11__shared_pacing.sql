-- Pacing shared by several instances (wa.dispatch.shared-pacing): each sender number's next free send
-- slot, in microseconds of the database's clock. Instances lease slots from it in small batches.
create table wa_sender_pace (
    sender_key   varchar(200) not null primary key,
    next_slot_us bigint       not null
);
