-- A sender number's 24-hour messaging tier counts its recent recipients (MessagingTier): the number's
-- messages by claim time. The claim now names the number, so in-flight sends count too.
create index wa_message_sender_recent on wa_message (sender_id, sending_at);
