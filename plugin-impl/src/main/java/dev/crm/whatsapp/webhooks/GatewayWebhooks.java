package dev.crm.whatsapp.webhooks;

import dev.crm.whatsapp.accounts.GatewaySessionStatus;
import dev.crm.whatsapp.accounts.SenderAccount;
import dev.crm.whatsapp.api.MessageStatus;
import dev.crm.whatsapp.api.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Applies a stored gateway (WAHA) webhook of one sender account: an ack moves its message forward only
 * (SERVER sent, DEVICE delivered, READ and PLAYED read, ERROR failed); an inbound message goes to the
 * account's tenant, where consent keywords apply as for the Cloud API; a session status updates the
 * account's connectivity and may pause or resume it.
 */
@ApplicationScoped
public class GatewayWebhooks {
  /** The stored event's source: this prefix and the account id. */
  public static final String SOURCE_PREFIX = "gateway:";

  @Inject GatewaySessionStatus sessions;
  @Inject StatusApplier statuses;
  @Inject InboundRecorder inbound;

  /**
   * @return false when an ack's message is not known yet (the send's answer may not be recorded yet)
   * @throws IllegalArgumentException when the body is not a WAHA event
   */
  boolean apply(String accountId, byte[] body, OffsetDateTime receivedAt) {
    Optional<SenderAccount> account = sessions.account(accountId);
    if (account.isEmpty()) {
      throw new IllegalArgumentException("account " + accountId + " no longer exists");
    }
    WahaWebhookParser.GatewayEvent event = WahaWebhookParser.parse(body, receivedAt);
    if (event instanceof WahaWebhookParser.Ack ack) {
      return statuses.apply(new StatusUpdate(ack.providerMessageId(), ack.status(), ack.at(), Optional.empty(),
          null, ack.status() == MessageStatus.FAILED ? "the gateway reported the message failed (ack ERROR)" : null));
    }
    if (event instanceof WahaWebhookParser.Inbound message) {
      inbound.record(new InboundMessage(account.get().senderId(), message.fromDigits(), message.providerMessageId(),
          message.type(), message.text(), message.profileName(), message.at()),
          List.of(TenantId.of(account.get().tenant())));
    } else if (event instanceof WahaWebhookParser.SessionStatus status) {
      sessions.record(accountId, status.status(), status.at());
    }
    return true;
  }

  /** For tests outside the container. */
  static GatewayWebhooks over(GatewaySessionStatus sessions, StatusApplier statuses, InboundRecorder inbound) {
    GatewayWebhooks webhooks = new GatewayWebhooks();
    webhooks.sessions = sessions;
    webhooks.statuses = statuses;
    webhooks.inbound = inbound;
    return webhooks;
  }
}
