package dev.crm.whatsapp.providers.gateway;

import dev.crm.whatsapp.api.provider.MessageContent;
import dev.crm.whatsapp.api.provider.MessagingProvider;
import dev.crm.whatsapp.api.provider.OutboundMessage;
import dev.crm.whatsapp.api.provider.SendOutcome;
import dev.crm.whatsapp.dispatch.ErrorPolicy;
import dev.crm.whatsapp.providers.SenderCredentials;
import dev.crm.whatsapp.providers.cloudapi.CloudApiProvider;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.Optional;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/**
 * Sends through a WAHA session (a WhatsApp Web number). Such a number has no templates and no 24-hour
 * window: a template goes out as the text it was rendered to (with its header media as an image or file
 * and the text as caption), and free text and media may be sent at any time. Outcomes are stated as
 * precisely as for the Cloud API: nothing written is {@link SendOutcome.NotSent}; anything after the
 * request left is {@link SendOutcome.Uncertain}.
 */
@ApplicationScoped
public class GatewayProvider implements MessagingProvider {
  public static final String TYPE = "gateway";

  @Inject WahaClient client;
  @Inject SenderCredentials credentials;
  @Inject TemplateText templates;

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public boolean sendsOutsideServiceWindow() {
    return true;
  }

  @Override
  public SendOutcome send(OutboundMessage message) {
    Optional<GatewayConfig> gateway = configOf(message.senderId());
    if (gateway.isEmpty()) {
      return new SendOutcome.Rejected(ErrorPolicy.GATEWAY_AUTH,
          "no gateway configured for this sender", true);
    }
    Optional<WahaRequest> request = requestFor(gateway.get().session(), message);
    if (request.isEmpty()) {
      return new SendOutcome.Rejected(100, "the gateway sends media by link only, and templates as recorded text",
          true);
    }
    try {
      HttpResponse<String> answer = client.post(gateway.get(), request.get().path(), request.get().body());
      return WahaAnswer.read(answer.statusCode(), answer.body(), WahaRequest.chatId(message.to()));
    } catch (CircuitBreakerOpenException open) {
      return new SendOutcome.NotSent("circuit open: the gateway failed repeatedly");
    } catch (BulkheadException full) {
      return new SendOutcome.NotSent("too many concurrent calls to the gateway");
    } catch (HttpTimeoutException timeout) {
      return CloudApiProvider.neverConnected(timeout)
          ? new SendOutcome.NotSent("could not connect to the gateway in time")
          : new SendOutcome.Uncertain("no answer from the gateway within the timeout");
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      return new SendOutcome.Uncertain("interrupted while waiting for the gateway");
    } catch (IOException io) {
      return CloudApiProvider.neverConnected(io)
          ? new SendOutcome.NotSent("could not connect to the gateway: " + io.getClass().getSimpleName())
          : new SendOutcome.Uncertain("gateway connection failed after the request was sent: "
              + io.getClass().getSimpleName());
    }
  }

  /** The gateway of sender {@code senderId}, from its sealed credentials. */
  public Optional<GatewayConfig> configOf(String senderId) {
    return credentials.secretOf(TYPE, senderId).flatMap(json -> {
      try {
        return Optional.of(GatewayConfig.parse(json));
      } catch (IllegalArgumentException unreadable) {
        return Optional.empty();
      }
    });
  }

  private Optional<WahaRequest> requestFor(String session, OutboundMessage message) {
    MessageContent content = message.content();
    if (content instanceof MessageContent.Text text) {
      return Optional.of(WahaRequest.text(session, message.to(), text.body()));
    }
    if (content instanceof MessageContent.Media media) {
      return media.link() == null ? Optional.empty() : Optional.of(WahaRequest.media(session, message.to(), media));
    }
    MessageContent.Template template = (MessageContent.Template) content;
    return templates.of(message).map(text -> headerMedia(template)
        .map(media -> WahaRequest.media(session, message.to(),
            new MessageContent.Media(media.kind(), media.link(), null, text, media.filename())))
        .orElseGet(() -> WahaRequest.text(session, message.to(), text)));
  }

  private static Optional<MessageContent.Media> headerMedia(MessageContent.Template template) {
    return template.components().stream().filter(c -> "header".equals(c.type()))
        .flatMap(c -> c.parameters().stream())
        .filter(MessageContent.MediaParameter.class::isInstance)
        .map(p -> ((MessageContent.MediaParameter) p).media())
        .filter(m -> m.link() != null)
        .findFirst();
  }

  /** For tests outside the container, without the interceptors. */
  static GatewayProvider over(WahaClient client, SenderCredentials credentials, TemplateText templates) {
    GatewayProvider provider = new GatewayProvider();
    provider.client = client;
    provider.credentials = credentials;
    provider.templates = templates;
    return provider;
  }
}
