package dev.crm.whatsapp.accounts;

import dev.crm.whatsapp.api.PhoneNumber;
import dev.crm.whatsapp.platform.PhoneNormaliser;
import dev.crm.whatsapp.platform.errors.ApiException;
import dev.crm.whatsapp.providers.Providers;
import dev.crm.whatsapp.providers.gateway.GatewayConfig;
import dev.crm.whatsapp.providers.gateway.GatewayProvider;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/** What admins do with sender numbers, each in one transaction, always within the caller's tenant. */
@ApplicationScoped
public class AccountService {
  private static final Logger LOG = Logger.getLogger(AccountService.class.getName());

  @Inject SenderAccounts accounts;
  @Inject SecretBox secrets;
  @Inject PhoneNormaliser phones;
  @Inject Providers providers;
  @Inject ConnectionTester tester;
  @Inject Clock clock;
  @Inject Event<SenderPaused> paused;

  @Transactional
  public List<SenderAccount> list(String tenant) {
    return accounts.ofTenant(tenant);
  }

  @Transactional
  public SenderAccount create(String tenant, AccountRequests.Create request) {
    PhoneNumber phone = phones.normalise(request.phoneNumber()).orElseThrow(
        () -> ApiException.invalid("phoneNumber", "is not a valid phone number"));
    if (!providers.types().contains(request.provider())) {
      throw ApiException.invalid("provider", "is one of " + providers.types());
    }
    if (!"sandbox".equals(request.provider()) && blank(request.credentials())) {
      throw ApiException.invalid("credentials", "are required for provider " + request.provider());
    }
    if (GatewayProvider.TYPE.equals(request.provider())) {
      requireGatewayConfig(request.credentials());
      // A gateway senderId is a label, not a globally unique id like Meta's: a second one would share
      // the first one's credentials, whatever its tenant.
      if (accounts.bySender(GatewayProvider.TYPE, request.senderId().trim()).isPresent()) {
        throw ApiException.unprocessable("senderId", "is already used by another gateway number; choose another");
      }
    }
    if (accounts.phoneTaken(tenant, phone.e164())) {
      throw ApiException.unprocessable("phoneNumber", "is already a sender number of this tenant");
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    SenderAccount account = SenderAccount.create(tenant, request.name().trim(), phone.e164(), request.provider(),
        request.senderId().trim(), blank(request.credentials()) ? null : secrets.seal(request.credentials()),
        request.mpsLimit() == null ? SenderAccount.DEFAULT_MPS : request.mpsLimit(), request.dailyLimit(), now);
    List<SenderAccount> existing = accounts.ofTenant(tenant);
    accounts.add(account);
    if (existing.isEmpty() || Boolean.TRUE.equals(request.primary())) {
      makePrimary(existing, account, now);
    }
    LOG.info(() -> "Sender number " + phone.masked() + " added for tenant " + tenant);
    return account;
  }

  /** Seals every credential held under an older key again under the current one (key rotation). */
  @Transactional
  public int resealWithCurrentKey() {
    return CredentialKeyRotation.reseal(accounts.all(), secrets);
  }

  @Transactional
  public SenderAccount update(String tenant, String id, AccountRequests.Update request) {
    SenderAccount account = require(tenant, id);
    OffsetDateTime now = OffsetDateTime.now(clock);
    if (request.name() != null) {
      account.rename(request.name().trim(), now);
    }
    if (request.credentials() != null) {
      if (GatewayProvider.TYPE.equals(account.provider())) {
        requireGatewayConfig(request.credentials());
      }
      account.seal(secrets.seal(request.credentials()));
    }
    if (request.mpsLimit() != null || request.dailyLimit() != null) {
      account.limits(request.mpsLimit() == null ? account.mpsLimit() : request.mpsLimit(),
          request.dailyLimit() == null ? account.dailyLimit().orElse(null) : request.dailyLimit(), now);
    }
    if (request.status() != null) {
      SenderStatus status = SenderStatus.fromWire(request.status())
          .orElseThrow(() -> ApiException.invalid("status", "is active, paused or disabled"));
      account.status(status, status == SenderStatus.ACTIVE ? null : "set by an admin", now);
    }
    return account;
  }

  @Transactional
  public SenderAccount setPrimary(String tenant, String id) {
    SenderAccount account = require(tenant, id);
    if (account.status() == SenderStatus.DISABLED) {
      throw ApiException.unprocessable("id", "a disabled number cannot be primary");
    }
    makePrimary(accounts.ofTenant(tenant), account, OffsetDateTime.now(clock));
    return account;
  }

  @Transactional
  public SenderAccount disable(String tenant, String id) {
    SenderAccount account = require(tenant, id);
    OffsetDateTime now = OffsetDateTime.now(clock);
    account.status(SenderStatus.DISABLED, "disabled by an admin", now);
    account.primary(false, now);
    return account;
  }

  /**
   * Tests the number's credentials at its provider and records the result in its health. No transaction
   * spans the provider's answer (seconds, at worst its timeout).
   */
  public AccountRequests.ConnectionTest testConnection(String tenant, String id) {
    SenderAccount account = require(tenant, id);
    Optional<String> secret = account.credentials().map(secrets::open);
    Optional<String> problem = tester.test(account.provider(), account.senderId(), secret);
    accounts.connectionTested(account.id(), problem.isEmpty(), OffsetDateTime.now(clock));
    return new AccountRequests.ConnectionTest(problem.isEmpty(), problem.orElse(null));
  }

  /** The error policy paused this number (token expired, restricted, quality); an admin must act. */
  @Transactional
  public void pause(String provider, String senderId, String reason) {
    accounts.bySender(provider, senderId).filter(a -> a.status() == SenderStatus.ACTIVE).ifPresent(account -> {
      account.status(SenderStatus.PAUSED, reason, OffsetDateTime.now(clock));
      LOG.warning(() -> "Sender number " + PhoneNumber.of(account.phoneNumber()).masked() + " paused: " + reason);
      paused.fire(new SenderPaused(account.tenant(), account.id(), account.name(), reason));
    });
  }

  /** A gateway's credentials are its whole configuration: refused with the field's problem when unreadable. */
  private static void requireGatewayConfig(String credentials) {
    try {
      GatewayConfig.parse(credentials);
    } catch (IllegalArgumentException bad) {
      throw ApiException.invalid("credentials", bad.getMessage());
    }
  }

  private SenderAccount require(String tenant, String id) {
    return accounts.find(tenant, id).orElseThrow(() -> ApiException.notFound("sender account"));
  }

  private static void makePrimary(List<SenderAccount> all, SenderAccount chosen, OffsetDateTime now) {
    all.stream().filter(a -> a.isPrimary() && !a.id().equals(chosen.id())).forEach(a -> a.primary(false, now));
    chosen.primary(true, now);
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }
}
