package dev.crm.whatsapp.campaigns;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where one recipient is. {@code PENDING} until the feeder makes its message; then it follows the message's
 * status (the same names), kept in step by the guarded updates of {@code LeadMessages}. {@code SKIPPED}
 * when the campaign was cancelled or the recipient could not be messaged before a send.
 */
public enum RecipientStatus {
  PENDING, QUEUED, SENDING, SENT, DELIVERED, READ, FAILED, SKIPPED,
  /** The number had opted out when its turn came: nothing was sent. */
  OPTED_OUT,
  /** The provider never told the outcome of the send; never sent again (retry-failed leaves it). */
  UNKNOWN;

  /** Statuses after which nothing more will happen to the recipient in this run. */
  public static final Set<RecipientStatus> FINAL = EnumSet.of(SENT, DELIVERED, READ, FAILED, SKIPPED, OPTED_OUT, UNKNOWN);

  public boolean isFinal() {
    return FINAL.contains(this);
  }
}
