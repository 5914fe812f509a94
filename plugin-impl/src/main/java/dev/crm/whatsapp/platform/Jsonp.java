package dev.crm.whatsapp.platform;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.spi.JsonProvider;
import java.io.InputStream;
import java.io.Reader;

/**
 * JSON-P through one provider looked up once. {@code jakarta.json.Json.create...} looks the provider up
 * through the service loader on every call, which inside Payara scans the application's jars: measured,
 * a quarter of the dispatch path's CPU time went there (docs/performance.md).
 */
public final class Jsonp {
  private static final JsonProvider PROVIDER = JsonProvider.provider();

  private Jsonp() {}

  public static JsonObjectBuilder createObjectBuilder() {
    return PROVIDER.createObjectBuilder();
  }

  public static JsonArrayBuilder createArrayBuilder() {
    return PROVIDER.createArrayBuilder();
  }

  public static JsonReader createReader(Reader reader) {
    return PROVIDER.createReader(reader);
  }

  public static JsonReader createReader(InputStream in) {
    return PROVIDER.createReader(in);
  }
}
