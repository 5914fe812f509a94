package dev.crm.whatsapp.dispatch;

import dev.crm.whatsapp.platform.jms.JmsResources;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSProducer;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import java.time.OffsetDateTime;
import java.util.List;

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
   * Attempt {@code attempt} (from 1) of a message, due at {@code due}, for {@link #publishRetries(List)}.
   * A message deferred by its number's messaging tier is published again for the same attempt, later.
   */
  public record Attempt(DispatchRequest request, int attempt, OffsetDateTime due) {
    String duplicateId() {
      return request.duplicateId() + ":attempt:" + attempt + ":due:" + due.toInstant().toEpochMilli();
    }
  }

  /**
   * Publishes several attempts on one JMS session (one enlistment in the caller's transaction), each
   * under a duplicate-detection id naming its attempt and due time, so that the broker keeps a later
   * attempt (or a deferred one) although an earlier publication was the same message.
   */
  public void publishRetries(List<Attempt> attempts) {
    if (attempts.isEmpty()) {
      return;
    }
    try (JMSContext context = connectionFactory.createContext()) {
      JMSProducer producer = context.createProducer().setDeliveryMode(jakarta.jms.DeliveryMode.PERSISTENT);
      for (Attempt attempt : attempts) {
        TextMessage message = context.createTextMessage(attempt.request().toJson());
        message.setStringProperty(JmsResources.DUPLICATE_ID_PROPERTY, attempt.duplicateId());
        producer.send(queue, message);
      }
    } catch (JMSException e) {
      throw new IllegalStateException("could not publish " + attempts.size() + " dispatch requests", e);
    }
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
