package dev.crm.whatsapp.templates.catalog;

import dev.crm.whatsapp.platform.Jsonp;
import dev.crm.whatsapp.templates.TemplateDefinition;
import dev.crm.whatsapp.templates.TemplateStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Meta's template catalog over the Graph API: {@code POST /{WABA_ID}/message_templates} to submit,
 * {@code POST /{TEMPLATE_ID}} to resubmit an edited one, {@code GET /{WABA_ID}/message_templates} (all
 * pages) to sync. Errors come back in Graph's {@code {"error":{...}}} shape.
 */
@ApplicationScoped
public class CloudApiTemplateCatalog implements TemplateCatalog {
  private static final int MAX_PAGES = 50;
  private static final String FIELDS = "id,name,language,category,status,rejected_reason,quality_score,"
      + "parameter_format,components";

  @Inject
  @ConfigProperty(name = "wa.templates.graph-url", defaultValue = "https://graph.facebook.com")
  String graphUrl;

  @Inject
  @ConfigProperty(name = "wa.templates.graph-version", defaultValue = "v23.0")
  String graphVersion;

  @Inject
  @ConfigProperty(name = "wa.templates.waba-id")
  Optional<String> wabaId;

  @Inject
  @ConfigProperty(name = "wa.templates.access-token")
  Optional<String> accessToken;

  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  /** For tests outside the container. */
  public static CloudApiTemplateCatalog at(String graphUrl, String version, String wabaId, String token) {
    CloudApiTemplateCatalog catalog = new CloudApiTemplateCatalog();
    catalog.graphUrl = graphUrl;
    catalog.graphVersion = version;
    catalog.wabaId = Optional.of(wabaId);
    catalog.accessToken = Optional.of(token);
    return catalog;
  }

  @Override
  public String type() {
    return "cloud-api";
  }

  @Override
  public Submission submit(TemplateDefinition template, Optional<String> existingId) {
    String path = existingId.map(id -> "/" + id).orElseGet(() -> "/" + waba() + "/message_templates");
    JsonObject answer = call(HttpRequest.newBuilder(uri(path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(
            CloudApiTemplateJson.submission(template, existingId.isPresent()).toString())));
    TemplateStatus status = TemplateStatus.fromProvider(answer.getString("status", null)).orElse(TemplateStatus.PENDING);
    String id = answer.containsKey("id") ? answer.getString("id") : existingId.orElse(null);
    if (id == null) {
      throw new CatalogException("the Graph API accepted the template but returned no id", false, null);
    }
    return new Submission(id, status);
  }

  @Override
  public List<RemoteTemplate> list() {
    List<RemoteTemplate> templates = new ArrayList<>();
    URI next = uri("/" + waba() + "/message_templates?limit=100&fields=" + URLEncoder.encode(FIELDS, StandardCharsets.UTF_8));
    for (int page = 0; next != null && page < MAX_PAGES; page++) {
      JsonObject answer = call(HttpRequest.newBuilder(next).GET());
      answer.getJsonArray("data").getValuesAs(JsonObject.class)
          .forEach(item -> templates.add(CloudApiTemplateJson.remote(item)));
      JsonObject paging = answer.containsKey("paging") ? answer.getJsonObject("paging") : null;
      next = paging != null && paging.containsKey("next") ? URI.create(paging.getString("next")) : null;
    }
    return templates;
  }

  /** {@code GET /{TEMPLATE_ID}}; Meta answers an unknown id with an error, read here as "not known". */
  @Override
  public Optional<RemoteTemplate> find(String providerId) {
    try {
      return Optional.of(CloudApiTemplateJson.remote(call(HttpRequest.newBuilder(
          uri("/" + URLEncoder.encode(providerId, StandardCharsets.UTF_8) + "?fields="
              + URLEncoder.encode(FIELDS, StandardCharsets.UTF_8))).GET())));
    } catch (CatalogException e) {
      if (e.refused()) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** {@code DELETE /{WABA_ID}/message_templates?hsm_id=...&name=...}: this one language, not all of the name. */
  @Override
  public void delete(String providerId, String name) {
    call(HttpRequest.newBuilder(uri("/" + waba() + "/message_templates?hsm_id="
        + URLEncoder.encode(providerId, StandardCharsets.UTF_8) + "&name=" + URLEncoder.encode(name, StandardCharsets.UTF_8)))
        .DELETE());
  }

  private JsonObject call(HttpRequest.Builder request) {
    String token = accessToken.filter(t -> !t.isBlank()).orElseThrow(() ->
        new CatalogException("wa.templates.access-token is not configured", false, null));
    HttpResponse<String> response;
    try {
      response = client.send(request.header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30))
          .build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new CatalogException("the Graph API could not be reached: " + e.getClass().getSimpleName(), false, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CatalogException("interrupted while calling the Graph API", false, e);
    }
    JsonObject body;
    try (JsonReader reader = Jsonp.createReader(new StringReader(response.body()))) {
      body = reader.readObject();
    } catch (RuntimeException notJson) {
      throw new CatalogException("the Graph API answered " + response.statusCode() + " without JSON", false, notJson);
    }
    if (response.statusCode() >= 400 || body.containsKey("error")) {
      JsonObject error = body.containsKey("error") ? body.getJsonObject("error") : JsonObject.EMPTY_JSON_OBJECT;
      String message = error.getString("error_user_msg", error.getString("message", "no message"));
      String code = error.containsKey("code") ? error.get("code").toString() : "?";
      throw new CatalogException("Meta refused the template call (code " + code + "): " + message,
          response.statusCode() >= 400 && response.statusCode() < 500, null);
    }
    return body;
  }

  private URI uri(String pathAndQuery) {
    return URI.create(graphUrl.replaceAll("/+$", "") + "/" + graphVersion + pathAndQuery);
  }

  private String waba() {
    return wabaId.filter(w -> !w.isBlank()).orElseThrow(() ->
        new CatalogException("wa.templates.waba-id is not configured", false, null));
  }
}
