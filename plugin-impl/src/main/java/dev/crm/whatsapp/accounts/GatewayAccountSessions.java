package dev.crm.whatsapp.accounts;

import dev.crm.whatsapp.platform.errors.ApiException;
import dev.crm.whatsapp.providers.gateway.GatewayConfig;
import dev.crm.whatsapp.providers.gateway.GatewayProvider;
import dev.crm.whatsapp.providers.gateway.GatewaySessions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;

/**
 * The WhatsApp Web session behind one of the tenant's gateway numbers, for admins: its state (recorded
 * on the account as a {@code session.status} webhook would be) and the QR code that links a phone to it.
 */
@ApplicationScoped
public class GatewayAccountSessions {

  @Inject SenderAccounts accounts;
  @Inject SecretBox secrets;
  @Inject GatewaySessions sessions;
  @Inject GatewaySessionStatus statuses;
  @Inject Clock clock;

  @Transactional
  public GatewaySessions.State state(String tenant, String id) {
    SenderAccount account = gatewayAccount(tenant, id);
    GatewaySessions.State state = sessions.state(configOf(account));
    if (state.problem() == null) {
      statuses.record(account.id(), state.status(), OffsetDateTime.now(clock));
    }
    return state;
  }

  /** The QR code to scan; 409 when the session is not waiting for one. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public GatewaySessions.Qr qr(String tenant, String id, boolean png) {
    GatewayConfig gateway = configOf(gatewayAccount(tenant, id));
    return sessions.qr(gateway, png).orElseThrow(() -> new ApiException(409, "no_qr_code", "session",
        "the session is " + sessions.state(gateway).status() + ", not waiting for a QR code scan"));
  }

  private SenderAccount gatewayAccount(String tenant, String id) {
    SenderAccount account = accounts.find(tenant, id).orElseThrow(() -> ApiException.notFound("sender account"));
    if (!GatewayProvider.TYPE.equals(account.provider())) {
      throw ApiException.unprocessable("id", "is not a gateway number; only gateway numbers have a session");
    }
    return account;
  }

  private GatewayConfig configOf(SenderAccount account) {
    String json = account.credentials().map(secrets::open)
        .orElseThrow(() -> ApiException.unprocessable("credentials", "are not configured for this number"));
    try {
      return GatewayConfig.parse(json);
    } catch (IllegalArgumentException bad) {
      throw ApiException.unprocessable("credentials", bad.getMessage());
    }
  }
}
