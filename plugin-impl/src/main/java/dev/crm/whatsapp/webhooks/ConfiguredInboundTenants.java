package dev.crm.whatsapp.webhooks;

import dev.crm.whatsapp.platform.Jsonp;
import dev.crm.whatsapp.api.TenantId;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The default {@link InboundTenantResolver}: {@code wa.webhook.tenant-by-phone-number-id}, a JSON object
 * from phone number id to a tenant or a list of tenants. A number it does not list serves no tenant.
 */
@ApplicationScoped
public class ConfiguredInboundTenants implements InboundTenantResolver {

  @Inject
  @ConfigProperty(name = "wa.webhook.tenant-by-phone-number-id",
      defaultValue = "{\"sandbox-number-1\":[\"acme\",\"globex\"]}")
  String configured;

  private Map<String, List<TenantId>> tenants;

  @PostConstruct
  void load() {
    tenants = parse(configured);
  }

  public static ConfiguredInboundTenants of(String json) {
    ConfiguredInboundTenants resolver = new ConfiguredInboundTenants();
    resolver.tenants = parse(json);
    return resolver;
  }

  @Override
  public List<TenantId> tenantsFor(String phoneNumberId) {
    return phoneNumberId == null ? List.of() : tenants.getOrDefault(phoneNumberId, List.of());
  }

  static Map<String, List<TenantId>> parse(String json) {
    JsonObject object;
    try (JsonReader reader = Jsonp.createReader(new StringReader(json))) {
      object = reader.readObject();
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("wa.webhook.tenant-by-phone-number-id is not a JSON object", e);
    }
    return object.entrySet().stream().collect(Collectors.toUnmodifiableMap(Map.Entry::getKey,
        entry -> tenantsOf(entry.getKey(), entry.getValue())));
  }

  private static List<TenantId> tenantsOf(String number, JsonValue value) {
    if (value instanceof JsonString one) {
      return List.of(TenantId.of(one.getString()));
    }
    if (value instanceof JsonArray many && !many.isEmpty()
        && many.stream().allMatch(JsonString.class::isInstance)) {
      return many.getValuesAs(JsonString.class).stream().map(s -> TenantId.of(s.getString())).toList();
    }
    throw new IllegalArgumentException("wa.webhook.tenant-by-phone-number-id: " + number
        + " must map to a tenant or a non-empty list of tenants");
  }
}
