package dev.crm.whatsapp.providers;

import dev.crm.whatsapp.accounts.SenderRouter;
import dev.crm.whatsapp.accounts.SenderSelection;
import dev.crm.whatsapp.api.TenantId;
import dev.crm.whatsapp.api.provider.MessagingProvider;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which provider and sender number a tenant's message leaves through: one of the tenant's sender
 * accounts, chosen by preference, primary flag and health. A tenant without any account uses the
 * configured default provider and sender id (the first run, and single-number installations); a tenant
 * whose accounts are all paused, disabled or critical gets no route, never the default.
 */
@ApplicationScoped
public class Providers {

  /**
   * A provider and the sender number to use on it.
   *
   * @param accountId the sender account, or {@code null} for the configured default sender
   * @param mpsLimit the number's messages per second
   * @param note why this number, e.g. a failover; {@code null} when unremarkable
   * @param dailyLimit the number's 24-hour messaging tier (unique recipients), {@code null} for unlimited
   * @param name the number's name, for messages about it
   */
  public record Route(MessagingProvider provider, String senderId, String accountId, int mpsLimit, String note,
      Integer dailyLimit, String name) {
    public Route(MessagingProvider provider, String senderId) {
      this(provider, senderId, null, DEFAULT_MPS, null, null, senderId);
    }

    /** What pacing counts against: the number at its provider. */
    public String senderKey() {
      return keyOf(provider.type(), senderId);
    }

    public static String keyOf(String providerType, String senderId) {
      return providerType + ":" + senderId;
    }
  }

  /** Meta's default throughput per number. */
  public static final int DEFAULT_MPS = 80;

  @Inject @Any Instance<MessagingProvider> available;
  @Inject SenderRouter router;

  @Inject
  @ConfigProperty(name = "wa.provider.default", defaultValue = "sandbox")
  String defaultType;

  @Inject
  @ConfigProperty(name = "wa.provider.sender-id", defaultValue = "sandbox-number-1")
  String defaultSenderId;

  private Map<String, MessagingProvider> byType;

  @PostConstruct
  void index() {
    byType = available.stream().collect(Collectors.toMap(MessagingProvider::type, Function.identity()));
    if (!byType.containsKey(defaultType)) {
      throw new IllegalStateException("wa.provider.default is '" + defaultType + "' but the providers are "
          + byType.keySet());
    }
  }

  /** The route for a send without a preference; throws when the tenant has no usable number. */
  public Route routeFor(TenantId tenant) {
    return route(tenant, Optional.empty())
        .orElseThrow(() -> new IllegalStateException("tenant " + tenant.value() + " has no usable sender number"));
  }

  /** The route for a send, preferring account {@code preferredAccountId}; empty when no number is usable. */
  public Optional<Route> route(TenantId tenant, Optional<String> preferredAccountId) {
    return route(tenant, preferredAccountId, SenderSelection.Load.IDLE);
  }

  /**
   * Like {@link #route(TenantId, Optional)}; without a preference, spreads sends over the tenant's healthy
   * numbers by {@code load}.
   */
  public Optional<Route> route(TenantId tenant, Optional<String> preferredAccountId, SenderSelection.Load load) {
    Optional<Optional<SenderSelection.Choice>> choice = router.choose(tenant.value(), preferredAccountId, load);
    if (choice.isEmpty()) {
      return Optional.of(new Route(byType.get(defaultType), defaultSenderId));
    }
    return choice.get().flatMap(c -> Optional.ofNullable(byType.get(c.account().provider()))
        .map(provider -> new Route(provider, c.account().senderId(), c.account().id(), c.account().mpsLimit(),
            c.failedOver() ? c.why() : null, c.account().dailyLimit().orElse(null), c.account().name())));
  }

  /** The provider types this installation offers. */
  public Set<String> types() {
    return new TreeSet<>(byType.keySet());
  }

  /** The default provider, for readiness checks. */
  public MessagingProvider defaultProvider() {
    return byType.get(defaultType);
  }
}
