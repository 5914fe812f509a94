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
   * Whether free-form messages (text, media) reach recipients outside their 24-hour customer service
   * window. The Cloud API refuses them there ({@code 131047}), so the default is {@code false}; a gateway
   * driving a WhatsApp Web session has no such window and answers {@code true}. Campaigns with direct
   * content skip the recipients outside their window on numbers whose provider answers {@code false}.
   */
  default boolean sendsOutsideServiceWindow() { return false; }
}
