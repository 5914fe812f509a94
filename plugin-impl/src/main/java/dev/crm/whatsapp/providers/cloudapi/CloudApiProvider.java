package dev.crm.whatsapp.providers.cloudapi;

import dev.crm.whatsapp.api.provider.MessagingProvider;
import dev.crm.whatsapp.api.provider.OutboundMessage;
import dev.crm.whatsapp.api.provider.SendOutcome;
import dev.crm.whatsapp.providers.SenderCredentials;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.Optional;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/**
 * Sends through Meta's Cloud API. What is known about each call is said precisely: a connection never
 * made, an open circuit or a full bulkhead is {@link SendOutcome.NotSent} (safe to repeat); a timeout or a
 * cut connection after the request was written is {@link SendOutcome.Uncertain}.
 */
@ApplicationScoped
public class CloudApiProvider implements MessagingProvider {
  public static final String TYPE = "cloud-api";

  @Inject CloudApiClient client;
  @Inject CloudApiSettings settings;
  @Inject SenderCredentials credentials;

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public SendOutcome send(OutboundMessage message) {
    Optional<String> token = credentials.secretOf(TYPE, message.senderId());
    if (token.isEmpty()) {
      return new SendOutcome.Rejected(190, "no access token configured for this sender", true);
    }
    String body = CloudApiRequestBody.of(message).toString();
    try {
      HttpResponse<String> answer = client.post(settings.messagesUri(message.senderId()), token.get(), body);
      return CloudApiAnswer.read(answer.statusCode(), answer.body());
    } catch (CircuitBreakerOpenException open) {
      return new SendOutcome.NotSent("circuit open: the Graph API failed repeatedly");
    } catch (BulkheadException full) {
      return new SendOutcome.NotSent("too many concurrent calls to the Graph API");
    } catch (HttpTimeoutException timeout) {
      return neverConnected(timeout) ? new SendOutcome.NotSent("could not connect in time")
          : new SendOutcome.Uncertain("no answer within the timeout");
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      return new SendOutcome.Uncertain("interrupted while waiting for the answer");
    } catch (IOException io) {
      return neverConnected(io) ? new SendOutcome.NotSent("could not connect: " + io.getClass().getSimpleName())
          : new SendOutcome.Uncertain("connection failed after the request was sent: " + io.getClass().getSimpleName());
    }
  }

  /**
   * Reads the sender's phone number with {@code accessToken}: empty when the Graph API answers, else
   * why not (the provider's error, never the token).
   */
  public Optional<String> testConnection(String phoneNumberId, String accessToken) {
    try {
      HttpResponse<String> answer = client.get(settings.phoneNumberUri(phoneNumberId), accessToken);
      if (answer.statusCode() == 200) {
        return Optional.empty();
      }
      SendOutcome outcome = CloudApiAnswer.read(answer.statusCode(), answer.body());
      return Optional.of(outcome instanceof SendOutcome.Rejected rejected
          ? "(#" + rejected.code() + ") " + rejected.title() : "HTTP " + answer.statusCode());
    } catch (IOException | RuntimeException e) {
      return Optional.of("the Graph API could not be reached: " + e.getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.of("interrupted");
    }
  }

  /** Connection refused or not made in time: the request cannot have been written. */
  public static boolean neverConnected(IOException io) {
    for (Throwable cause = io; cause != null; cause = cause.getCause()) {
      if (cause instanceof ConnectException || cause instanceof HttpConnectTimeoutException) {
        return true;
      }
    }
    return false;
  }

  /** For tests outside the container, without the interceptors. */
  static CloudApiProvider over(CloudApiClient client, CloudApiSettings settings, SenderCredentials credentials) {
    CloudApiProvider provider = new CloudApiProvider();
    provider.client = client;
    provider.settings = settings;
    provider.credentials = credentials;
    return provider;
  }
}
