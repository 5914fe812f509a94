package dev.crm.whatsapp.dispatch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Publishes the messages that are due: retries, and any {@code queued} row given a
 * {@code next_attempt_at} (the way a bulk path queues many messages without a JMS publish per row). The
 * schedule's truth is the message row ({@code next_attempt_at}),
 * not a delayed broker message, so that a retry survives any restart and is published once whichever
 * instance takes it: each is taken by a guarded UPDATE and published in the same transaction, under a
 * duplicate-detection id naming its attempt.
 */
@ApplicationScoped
public class DueRetries {
  static final int BATCH = 500;

  @Inject SendAttempts attempts;
  @Inject DispatchQueue queue;
  @Inject Clock clock;

  /**
   * Takes one batch of due messages and publishes them on one JMS session: a statement to lock them, one
   * to take them, and one XA commit for the whole batch (a round trip and a broker session per message
   * capped the feeder near the dispatch rate; docs/architecture.md, "Dispatch throughput").
   *
   * @return how many were published
   */
  @Transactional
  public int publishDue() {
    List<SendAttempts.Due> due = attempts.takeDue(OffsetDateTime.now(clock), BATCH);
    queue.publishRetries(due.stream()
        .map(m -> new DispatchQueue.Attempt(new DispatchRequest(m.id(), m.tenant(), m.preferredAccount()),
            m.attempts() + 1, m.due()))
        .toList());
    return due.size();
  }
}
