package dev.crm.whatsapp.descriptor;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion.VersionFlag;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/** Reads the built manifest and its schema from the test classpath, and validates one against the other. */
final class Manifests {

  static final String MANIFEST = "META-INF/crm-plugin.json";
  static final String SCHEMA = "META-INF/crm-plugin.schema.json";

  // A repeated key (two "admin" grants, say) would otherwise be silently overwritten by the last one.
  private static final JsonMapper JSON =
      JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private static final SchemaValidatorsConfig CONFIG =
      SchemaValidatorsConfig.builder().pathType(PathType.JSON_POINTER).build();

  private Manifests() {}

  static JsonNode read(String resource) {
    try (InputStream in = Manifests.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is not on the test classpath");
      }
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot parse " + resource, e);
    }
  }

  static JsonNode manifest() {
    return read(MANIFEST);
  }

  /** Every schema violation of {@code manifest}, one line each as "[json-pointer] message", sorted. */
  static List<String> violations(JsonNode manifest) {
    JsonSchema schema =
        JsonSchemaFactory.getInstance(VersionFlag.V202012)
            .getSchema(SchemaLocation.of("classpath:" + SCHEMA), CONFIG);
    return schema.validate(manifest).stream()
        .map(m -> "[" + m.getInstanceLocation() + "] " + m.getError())
        .sorted()
        .collect(Collectors.toList());
  }

  /** The text values of {@code field} in each element of an array node. */
  static List<String> texts(JsonNode array, String field) {
    return StreamSupport.stream(array.spliterator(), false)
        .map(element -> element.path(field).asText())
        .collect(Collectors.toList());
  }

  static List<String> texts(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false)
        .map(JsonNode::asText)
        .collect(Collectors.toList());
  }
}
