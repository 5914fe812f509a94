package dev.crm.whatsapp.providers;

import dev.crm.whatsapp.api.TenantId;
import dev.crm.whatsapp.api.provider.MessagingProvider;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which provider and sender number a tenant's message leaves through. Until sender accounts exist per
 * tenant, every tenant uses the configured default provider and sender id.
 */
@ApplicationScoped
public class Providers {

  /** A provider and the sender number to use on it. */
  public record Route(MessagingProvider provider, String senderId) {}

  @Inject @Any Instance<MessagingProvider> available;

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

  public Route routeFor(TenantId tenant) {
    return new Route(byType.get(defaultType), defaultSenderId);
  }

  /** The default provider, for readiness checks. */
  public MessagingProvider defaultProvider() {
    return byType.get(defaultType);
  }
}
