package dev.crm.whatsapp.descriptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crm.whatsapp.api.security.Permission;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What the schema cannot say: the manifest agrees with plugin-api and with itself. */
class ManifestContentTest {

  private final JsonNode manifest = Manifests.manifest();

  @Test
  void everyPermissionOfTheApiIsDeclaredExactlyOnce() {
    List<String> apiKeys = Arrays.stream(Permission.values()).map(Permission::key).toList();

    assertThat(declaredPermissions()).containsExactlyInAnyOrderElementsOf(apiKeys);
  }

  @Test
  void defaultGrantsNameOnlyDeclaredPermissions() {
    List<String> declared = declaredPermissions();

    assertThat(grants())
        .isNotEmpty()
        .allSatisfy((group, names) -> assertThat(names).as("grants of %s", group).isSubsetOf(declared));
  }

  @Test
  void adminIsGrantedEverything() {
    assertThat(grants().get("admin")).containsExactlyInAnyOrderElementsOf(declaredPermissions());
  }

  @Test
  void salesRepsHoldOnlyRepScopedPermissions() {
    List<String> repScoped = new ArrayList<>();
    manifest.get("permissions").forEach(p -> {
      if (p.get("scope").asText().equals("rep")) {
        repScoped.add(p.get("name").asText());
      }
    });

    assertThat(grants().get("sales-rep")).isSubsetOf(repScoped);
  }

  @Test
  void everyExtensionPointRequiresADeclaredPermission() {
    assertThat(Manifests.texts(manifest.get("extensionPoints"), "requiredPermission"))
        .isNotEmpty()
        .isSubsetOf(declaredPermissions());
  }

  @Test
  void everyExtensionPointHasItsOwnElementServedFromTheUiFolder() {
    JsonNode points = manifest.get("extensionPoints");

    assertThat(Manifests.texts(points, "id")).doesNotHaveDuplicates();
    assertThat(Manifests.texts(points, "element")).doesNotHaveDuplicates();
    points.forEach(p -> assertThat(p.get("module").asText())
        .isEqualTo("/whatsapp/ui/" + p.get("element").asText() + ".js"));
  }

  @Test
  void everyAvailableExtensionPointIsBuiltByPluginUi() throws java.io.IOException {
    // The descriptor promises a module URL; plugin-ui's build.mjs makes one bundle per listed element.
    Path ui = Path.of("..", "plugin-ui");
    String build = Files.readString(ui.resolve("build.mjs"));
    manifest.get("extensionPoints").forEach(p -> {
      if (p.get("status").asText().equals("available")) {
        String element = p.get("element").asText();
        assertThat(ui.resolve("src/" + element + ".js")).as("source of %s", element).exists();
        assertThat(build).as("build.mjs bundles %s", element).contains("'" + element + "'");
        assertThat(p.has("events")).as("%s lists its events", element).isTrue();
      }
    });
  }

  @Test
  void theExtensionPointsAHostLooksForAreAllListed() {
    assertThat(Manifests.texts(manifest.get("extensionPoints"), "id")).contains("lead.detail.panel",
        "lead.list.bulk-action", "customer.detail.card", "nav.campaigns", "nav.templates", "nav.analytics",
        "admin.settings");
  }

  @Test
  void everyExtensionPointListsExactlyTheAttributesItsElementDeclares() throws java.io.IOException {
    Path ui = Path.of("..", "plugin-ui", "src");
    for (JsonNode point : manifest.get("extensionPoints")) {
      String element = point.get("element").asText();
      List<String> listed = new ArrayList<>();
      point.get("attributes").forEach(a -> listed.add(a.asText()));
      List<String> declared = new ArrayList<>(declaredAttributes(Files.readString(ui.resolve(element + ".js"))));
      declared.addAll(List.of("api-base", "token")); // from the base element every one extends
      assertThat(listed).as("attributes of %s", element).containsExactlyInAnyOrderElementsOf(declared);
    }
  }

  @Test
  void theComponentTokenNamesWhatTheBaseElementEveryComponentExtendsReads() throws java.io.IOException {
    String base = Files.readString(Path.of("..", "plugin-ui", "src", "wa-base.js"));
    JsonNode token = manifest.get("auth").get("componentToken");

    assertThat(declaredAttributes(base)).contains(token.get("attribute").asText());
    // a property, never an attribute: a function cannot be given as HTML
    assertThat(base).contains("\n    " + token.get("property").asText() + ": { attribute: false }");
  }

  /**
   * The attributes of a Lit element's {@code static properties}: an explicit {@code attribute: 'x'}, else the
   * property's name in lower case (Lit's default); state and {@code attribute: false} properties have none.
   */
  static List<String> declaredAttributes(String source) {
    int start = source.indexOf("static properties = {");
    String block = start < 0 ? "" : source.substring(start, source.indexOf("\n  };", start));
    List<String> attributes = new ArrayList<>();
    java.util.regex.Matcher entries = java.util.regex.Pattern.compile("\\n    (\\w+): \\{([^}]*(?:\\{[^}]*\\}[^}]*)*)\\}")
        .matcher(block);
    while (entries.find()) {
      String options = entries.group(2);
      java.util.regex.Matcher explicit = java.util.regex.Pattern.compile("attribute: '([^']+)'").matcher(options);
      if (explicit.find()) {
        attributes.add(explicit.group(1));
      } else if (!options.contains("state: true") && !options.contains("attribute: false")) {
        attributes.add(entries.group(1).toLowerCase(Locale.ROOT));
      }
    }
    return attributes;
  }

  @Test
  void configKeysStayDistinctInTheirEnvironmentVariableForm() {
    // MicroProfile Config maps WA_HOST_LEAD_ID_COLUMN back to one key only; two keys that collide
    // there could not both be set from the environment.
    List<String> envNames = Manifests.texts(manifest.get("config"), "key").stream()
        .map(key -> key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT))
        .toList();

    assertThat(envNames).doesNotHaveDuplicates();
  }

  @Test
  void everyAvailableEventIsAClassOfThePluginApi() {
    manifest.get("events").forEach(event -> {
      if (event.get("status").asText().equals("available")) {
        String type = event.get("type").asText();
        assertThatCode(() -> Class.forName(type)).as("event class %s", type).doesNotThrowAnyException();
      }
    });
  }

  private List<String> declaredPermissions() {
    return Manifests.texts(manifest.get("permissions"), "name");
  }

  private Map<String, List<String>> grants() {
    return manifest.get("defaultRoleGrants").properties().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> Manifests.texts(e.getValue())));
  }
}
