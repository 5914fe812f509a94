package dev.crm.whatsapp.dispatch;

import dev.crm.whatsapp.api.PhoneNumber;
import dev.crm.whatsapp.api.TenantId;
import java.util.Optional;

/** What a claim on a queued message came to. Only {@link Won} may lead to a provider call. */
public sealed interface Claim {

  /** A message to claim, for the number {@code senderId} of {@code provider} (both null without a route). */
  record Request(String messageId, String provider, String senderId) {}

  /**
   * This caller holds the message ({@code sending}, the attempt counted) and is the only one who may send it.
   *
   * @param attempts the attempts made so far, this one included
   * @param retries the retry schedule of the message's campaign, or the installation's
   */
  record Won(String messageId, TenantId tenant, PhoneNumber phone, String body, Optional<String> contentJson,
      int attempts, Optional<String> campaignId, RetrySchedule retries) implements Claim {}

  /** Someone else claimed it, or it is final: nothing to do. */
  record Lost() implements Claim {}

  /** Its campaign is not running (paused, scheduled again): kept queued, held until the campaign resumes. */
  record Held(String campaignId, String campaignStatus) implements Claim {}

  /** Its campaign ended (cancelled, failed or completed): the message ends {@code skipped}, never sent. */
  record Skipped(String campaignId, String campaignStatus) implements Claim {}

  /** The phone opted out: the message ends {@code opted_out}, never sent. */
  record OptedOut(PhoneNumber phone) implements Claim {}
}
