package dev.crm.whatsapp.security;

import dev.crm.whatsapp.platform.Jsonp;
import dev.crm.whatsapp.api.security.Permission;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which permissions each host group grants. The defaults are the descriptor's {@code defaultRoleGrants};
 * {@code wa.security.role-grants} (a JSON object of the same shape) replaces them group by group.
 * A grant naming an unknown permission stops the plugin from starting, rather than silently granting less.
 */
@ApplicationScoped
public class RoleGrants {
  static final String DESCRIPTOR = "META-INF/crm-plugin.json";

  @Inject
  @ConfigProperty(name = "wa.security.role-grants")
  Optional<String> overrides;

  private Map<String, Set<Permission>> grants;

  @PostConstruct
  void load() {
    grants = new HashMap<>(parse(readDescriptor().getJsonObject("defaultRoleGrants")));
    overrides.ifPresent(json -> {
      try (JsonReader reader = Jsonp.createReader(new StringReader(json))) {
        grants.putAll(parse(reader.readObject()));
      } catch (jakarta.json.JsonException notJson) {
        throw new IllegalStateException("wa.security.role-grants is not a JSON object of group -> [permission]");
      }
    });
  }

  /** Everything the given groups grant together; unknown groups grant nothing. */
  public Set<Permission> permissionsOf(Collection<String> groups) {
    Set<Permission> granted = EnumSet.noneOf(Permission.class);
    groups.forEach(group -> granted.addAll(grants.getOrDefault(group, Set.of())));
    return granted;
  }

  static Map<String, Set<Permission>> parse(JsonObject object) {
    Map<String, Set<Permission>> parsed = new HashMap<>();
    object.forEach((group, names) -> {
      if (!(names instanceof jakarta.json.JsonArray list) || !list.stream().allMatch(JsonString.class::isInstance)) {
        throw new IllegalStateException(
            "wa.security.role-grants: group '" + group + "' must map to a list of permission names");
      }
      Set<Permission> permissions = EnumSet.noneOf(Permission.class);
      for (JsonValue name : list) {
        String key = ((JsonString) name).getString();
        permissions.add(Permission.fromKey(key).orElseThrow(
            () -> new IllegalStateException("group '" + group + "' is granted unknown permission '" + key + "'")));
      }
      parsed.put(group, permissions);
    });
    return parsed;
  }

  static JsonObject readDescriptor() {
    try (InputStream in = RoleGrants.class.getClassLoader().getResourceAsStream(DESCRIPTOR)) {
      if (in == null) {
        throw new IllegalStateException(DESCRIPTOR + " is missing from the class path");
      }
      try (JsonReader reader = Jsonp.createReader(in)) {
        return reader.readObject();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
