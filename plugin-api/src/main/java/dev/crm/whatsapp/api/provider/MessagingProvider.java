package dev.crm.whatsapp.api.provider;

/**
 * Sends one message through one kind of WhatsApp access. Implementations are CDI beans, found by
 * {@link #type()}.
 *
 * <p>A send is not idempotent (the Cloud API has no idempotency key), so implementations must never
 * retry it on their own, and must say precisely what they know about the outcome: see {@link SendOutcome}.
 */
public interface MessagingProvider {

  /** The provider type named in sender-account configuration, e.g. {@code sandbox}. */
  String type();

  /** Sends {@code message}; never throws for a provider answer, only for a bug. */
  SendOutcome send(OutboundMessage message);

  /**
   * True when this provider may send free-form messages outside the recipient's 24-hour customer-service
   * window (a WhatsApp Web gateway has no such window); the Cloud API may not.
   */
  default boolean sendsOutsideServiceWindow() { return false; }
}
