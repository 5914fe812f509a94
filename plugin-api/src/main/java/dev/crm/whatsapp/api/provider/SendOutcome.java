package dev.crm.whatsapp.api.provider;

import java.util.Objects;

/**
 * What a provider knows about one send. The distinction between {@link Rejected#notProcessed()} and
 * {@link Uncertain} is what keeps a recipient from receiving a message twice: only a send that provably
 * never reached the provider may be repeated automatically.
 */
public sealed interface SendOutcome {

  /**
   * The provider accepted the message.
   *
   * @param providerMessageId the provider's id (Cloud API: a {@code wamid.})
   */
  record Accepted(String providerMessageId) implements SendOutcome {
    public Accepted {
      Objects.requireNonNull(providerMessageId, "providerMessageId");
    }
  }

  /**
   * The provider answered with an error.
   *
   * @param code the provider's error code (Cloud API: {@code error.code}), which decides what happens next
   * @param title a short description safe to show and store (never the full provider response)
   * @param notProcessed true when the answer proves the message was not sent
   */
  record Rejected(int code, String title, boolean notProcessed) implements SendOutcome {}

  /**
   * Nobody knows whether the message left: a timeout, a reset or a crash after the request was written.
   * The recipient waits for a status webhook carrying its callback data.
   *
   * @param reason what happened, safe to store
   */
  record Uncertain(String reason) implements SendOutcome {}

  /**
   * The request provably never reached the provider (connection refused, circuit open): safe to repeat.
   *
   * @param reason what happened, safe to store
   */
  record NotSent(String reason) implements SendOutcome {}
}
