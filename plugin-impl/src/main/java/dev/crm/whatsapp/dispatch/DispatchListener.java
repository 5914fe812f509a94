package dev.crm.whatsapp.dispatch;

import dev.crm.whatsapp.platform.jms.JmsResources;
import jakarta.annotation.Resource;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.MessageDrivenContext;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import java.util.logging.Logger;

/**
 * Consumes the dispatch queue. A request that cannot be read is logged and dropped to the dead-letter
 * queue by the broker after its delivery attempts; one whose send provably never left is rolled back so
 * the broker delivers it again after its redelivery delay.
 */
@MessageDriven(activationConfig = {
    @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = JmsResources.RESOURCE_ADAPTER),
    @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
    @ActivationConfigProperty(propertyName = "destination", propertyValue = JmsResources.DISPATCH_QUEUE_NAME),
    @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
    @ActivationConfigProperty(propertyName = "connectorClassName", propertyValue = JmsResources.CONNECTOR),
    @ActivationConfigProperty(propertyName = "connectionParameters", propertyValue = JmsResources.CONNECTION),
    @ActivationConfigProperty(propertyName = "user", propertyValue = JmsResources.USER),
    @ActivationConfigProperty(propertyName = "password", propertyValue = JmsResources.PASSWORD),
    @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "8"),
    @ActivationConfigProperty(propertyName = "setupAttempts", propertyValue = "-1"),
    @ActivationConfigProperty(propertyName = "setupInterval", propertyValue = "2000")
})
public class DispatchListener implements MessageListener {
  private static final Logger LOG = Logger.getLogger(DispatchListener.class.getName());

  @Inject MessageDispatcher dispatcher;
  @Resource MessageDrivenContext context;

  @Override
  public void onMessage(Message message) {
    DispatchRequest request;
    try {
      request = DispatchRequest.fromJson(((TextMessage) message).getText());
    } catch (JMSException | ClassCastException | IllegalArgumentException unreadable) {
      LOG.severe(() -> "Unreadable dispatch request, left to the dead-letter queue: " + unreadable);
      context.setRollbackOnly();
      return;
    }
    if (!dispatcher.dispatch(request)) {
      context.setRollbackOnly();
    }
  }
}
