package dev.crm.whatsapp.providers.cloudapi;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The Cloud API provider's configuration, read once. */
@ApplicationScoped
public class CloudApiSettings {

  private final URI baseUrl;
  private final String version;
  private final Duration connectTimeout;
  private final Duration requestTimeout;

  @Inject
  public CloudApiSettings(
      @ConfigProperty(name = "wa.cloudapi.base-url", defaultValue = "https://graph.facebook.com") String baseUrl,
      @ConfigProperty(name = "wa.cloudapi.version", defaultValue = "v23.0") String version,
      @ConfigProperty(name = "wa.cloudapi.connect-timeout", defaultValue = "PT3S") String connectTimeout,
      @ConfigProperty(name = "wa.cloudapi.request-timeout", defaultValue = "PT10S") String requestTimeout) {
    this.baseUrl = URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
    this.version = version;
    this.connectTimeout = Duration.parse(connectTimeout);
    this.requestTimeout = Duration.parse(requestTimeout);
  }

  /** For CDI's proxy. */
  protected CloudApiSettings() {
    this("https://graph.facebook.com", "v23.0", "PT3S", "PT10S");
  }

  /** {@code {base}/{version}/{phoneNumberId}/messages}. */
  public URI messagesUri(String phoneNumberId) {
    return baseUrl.resolve(version + "/" + phoneNumberId + "/messages");
  }

  /** {@code {base}/{version}/{phoneNumberId}}, read to test a sender's connection. */
  public URI phoneNumberUri(String phoneNumberId) {
    return baseUrl.resolve(version + "/" + phoneNumberId + "?fields=display_phone_number,throughput");
  }

  public Duration connectTimeout() {
    return connectTimeout;
  }

  public Duration requestTimeout() {
    return requestTimeout;
  }
}
