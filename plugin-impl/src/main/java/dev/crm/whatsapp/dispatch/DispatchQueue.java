package dev.crm.whatsapp.dispatch;

import dev.crm.whatsapp.platform.jms.JmsResources;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

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

  /**
   * The login of an external broker. A connection factory definition cannot carry one, and the resource
   * adapter signs on with the caller's credentials only: without them a broker that requires a login
   * refuses every publish. Unset for the embedded broker.
   */
  @Inject
  @ConfigProperty(name = "wa.jms.user")
  Optional<String> user;

  @Inject
  @ConfigProperty(name = "wa.jms.password")
  Optional<String> password;

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
    try (JMSContext context = user.isPresent()
        ? connectionFactory.createContext(user.get(), password.orElse(null))
        : connectionFactory.createContext()) {
      TextMessage message = context.createTextMessage(request.toJson());
      message.setStringProperty(JmsResources.DUPLICATE_ID_PROPERTY, duplicateId);
      context.createProducer().setDeliveryMode(jakarta.jms.DeliveryMode.PERSISTENT).send(queue, message);
    } catch (JMSException e) {
      throw new IllegalStateException("could not publish message " + request.messageId(), e);
    }
  }
}
