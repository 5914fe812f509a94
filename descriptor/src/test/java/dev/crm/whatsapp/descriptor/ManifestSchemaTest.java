package dev.crm.whatsapp.descriptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion.VersionFlag;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ManifestSchemaTest {

  @Test
  void manifestConformsToItsSchema() {
    List<String> violations = Manifests.violations(Manifests.manifest());

    assertThat(violations)
        .as("%s violates %s:%n%s", Manifests.MANIFEST, Manifests.SCHEMA, String.join("\n", violations))
        .isEmpty();
  }

  @Test
  void schemaIsAValidDraft202012Schema() {
    var metaSchema =
        JsonSchemaFactory.getInstance(VersionFlag.V202012)
            .getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));

    assertThat(metaSchema.validate(Manifests.read(Manifests.SCHEMA))).isEmpty();
  }

  @Test
  void manifestWithAnUnknownConfigTypeIsRejected() {
    JsonNode manifest = Manifests.read("manifests/unknown-config-type.json");

    assertThat(Manifests.violations(manifest))
        .singleElement(STRING)
        .startsWith("[/config/0/type] ");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mistakes")
  void manifestWithAMistakeIsRejected(String mistake, Consumer<ObjectNode> edit, String location) {
    ObjectNode manifest = (ObjectNode) Manifests.manifest().deepCopy();
    edit.accept(manifest);

    assertThat(Manifests.violations(manifest)).anyMatch(v -> v.startsWith("[" + location + "] "));
  }

  static Stream<Arguments> mistakes() {
    int password = configIndex("db.password");
    int readAfter = configIndex("wa.sandbox.read-after");
    return Stream.of(
        mistake("unfiltered version", m -> m.put("version", "${project.version}"), "/version"),
        mistake("unknown top-level field", m -> m.put("homepage", "x"), ""),
        mistake(
            "permission name in upper case",
            m -> element(m, "permissions", 0).put("name", "Lead-Send"),
            "/permissions/0/name"),
        mistake(
            "element without the wa- prefix",
            m -> element(m, "extensionPoints", 0).put("element", "leadpanel"),
            "/extensionPoints/0/element"),
        mistake(
            "extension point id without a dot",
            m -> element(m, "extensionPoints", 0).put("id", "lead"),
            "/extensionPoints/0/id"),
        mistake(
            "component event without the wa- prefix",
            m -> element(m, "extensionPoints", 0).putArray("events").add("message-sent"),
            "/extensionPoints/0/events/0"),
        mistake(
            "attribute in camel case",
            m -> element(m, "extensionPoints", 0).putArray("attributes").add("leadId"),
            "/extensionPoints/0/attributes/0"),
        mistake(
            "a secret's value in the descriptor",
            m -> element(m, "config", password).put("default", "hunter2"),
            "/config/" + password + "/default"),
        mistake(
            "duration that java.time.Duration cannot parse",
            m -> element(m, "config", readAfter).put("default", "2s"),
            "/config/" + readAfter + "/default"),
        mistake(
            "available event without its class",
            m -> element(m, "events", 0).put("status", "available").remove("type"),
            "/events/0"),
        mistake(
            "grant that is not a list",
            m -> ((ObjectNode) m.get("defaultRoleGrants")).put("sales-rep", "lead-whatsapp-send"),
            "/defaultRoleGrants/sales-rep"));
  }

  private static Arguments mistake(String name, Consumer<ObjectNode> edit, String location) {
    return Arguments.of(name, edit, location);
  }

  private static ObjectNode element(ObjectNode manifest, String array, int index) {
    return (ObjectNode) manifest.get(array).get(index);
  }

  private static int configIndex(String key) {
    int index = Manifests.texts(Manifests.manifest().get("config"), "key").indexOf(key);
    if (index < 0) {
      throw new IllegalArgumentException("no config key " + key);
    }
    return index;
  }
}
