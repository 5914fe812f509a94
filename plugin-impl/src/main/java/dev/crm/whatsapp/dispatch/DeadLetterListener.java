package dev.crm.whatsapp.dispatch;

import dev.crm.whatsapp.platform.jms.JmsResources;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import java.util.logging.Logger;

/**
 * Consumes the dispatch dead-letter queue: a request the broker gave up on (its consumer failed on every
 * delivery) ends its message {@code failed} with that reason, so that no message is silently dropped. A
 * message already claimed keeps its status: it may have been sent.
 */
@MessageDriven(activationConfig = {
    @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = JmsResources.RESOURCE_ADAPTER),
    @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
    @ActivationConfigProperty(propertyName = "destination", propertyValue = JmsResources.DISPATCH_DEAD_LETTER_QUEUE),
    @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
    @ActivationConfigProperty(propertyName = "connectorClassName", propertyValue = JmsResources.CONNECTOR),
    @ActivationConfigProperty(propertyName = "connectionParameters", propertyValue = JmsResources.CONNECTION),
    @ActivationConfigProperty(propertyName = "user", propertyValue = JmsResources.USER),
    @ActivationConfigProperty(propertyName = "password", propertyValue = JmsResources.PASSWORD),
    @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "1"),
    @ActivationConfigProperty(propertyName = "setupAttempts", propertyValue = "-1"),
    @ActivationConfigProperty(propertyName = "setupInterval", propertyValue = "2000")
})
public class DeadLetterListener implements MessageListener {
  private static final Logger LOG = Logger.getLogger(DeadLetterListener.class.getName());
  static final String REASON = "dispatch request dead-lettered after its delivery attempts failed";

  @Inject SendClaims claims;

  @Override
  public void onMessage(Message message) {
    DispatchRequest request;
    try {
      request = DispatchRequest.fromJson(((TextMessage) message).getText());
    } catch (JMSException | ClassCastException | IllegalArgumentException unreadable) {
      LOG.severe(() -> "Unreadable request on the dead-letter queue, no message to mark: " + unreadable);
      return;
    }
    LOG.severe(() -> "Message " + request.messageId() + " dead-lettered; marking it failed if still queued");
    claims.deadLettered(request.messageId(), REASON);
  }
}
