package dev.crm.whatsapp.dispatch;

import dev.crm.whatsapp.platform.jms.JmsResources;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;

/**
 * Publishes dispatch requests to the Artemis queue. Called inside the caller's JTA transaction: the
 * resource adapter enlists the JMS session in it, so the request is published exactly when the message
 * row commits.
 */
@ApplicationScoped
public class DispatchQueue {

  @Resource(lookup = JmsResources.CONNECTION_FACTORY)
  ConnectionFactory connectionFactory;

  @Resource(lookup = JmsResources.DISPATCH_QUEUE)
  Queue queue;

  public void publish(DispatchRequest request) {
    publish(request, request.duplicateId());
  }

  /**
   * Publishes attempt {@code attempt} (from 2) of a message. Its duplicate-detection id names the
   * attempt, so the broker keeps it although the first attempt was the same message.
   */
  public void publishRetry(DispatchRequest request, int attempt) {
    publish(request, request.duplicateId() + ":attempt:" + attempt);
  }

  private void publish(DispatchRequest request, String duplicateId) {
    try (JMSContext context = connectionFactory.createContext()) {
      TextMessage message = context.createTextMessage(request.toJson());
      message.setStringProperty(JmsResources.DUPLICATE_ID_PROPERTY, duplicateId);
      context.createProducer().setDeliveryMode(jakarta.jms.DeliveryMode.PERSISTENT).send(queue, message);
    } catch (JMSException e) {
      throw new IllegalStateException("could not publish message " + request.messageId(), e);
    }
  }
}
