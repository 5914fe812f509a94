package dev.crm.whatsapp.dispatch;

import dev.crm.whatsapp.platform.jms.JmsResources;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import java.util.logging.Logger;

/**
 * Consumes the dispatch queue. A request that cannot be read is logged and dropped to the dead-letter
 * queue by the broker after its delivery attempts; one whose send provably never left is handed back so
 * the broker delivers it again after its redelivery delay.
 *
 * <p>Delivery is deliberately not transactional ({@code NOT_SUPPORTED}): an XA delivery cost three
 * blocking round trips to the broker per message (start, end, and a commit that waits for a journal
 * sync), about 40 % of a send's time (docs/architecture.md, "Dispatch throughput"). Nothing else joined
 * that transaction: the claim and the outcome commit in their own transactions. The message is
 * acknowledged after {@code onMessage} returns; a crash before the acknowledgement redelivers it, and
 * the redelivery finds the message claimed and sends nothing, exactly as with XA. To have a request
 * delivered again, {@code onMessage} throws {@link Redeliver}: the resource adapter then rolls the
 * session back, which counts a delivery attempt towards the dead-letter address.
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
    // Each session spends most of its time waiting (database commits, the provider's answer): 32
    // concurrent sessions keep two cores busy; Payara's MDB pool holds 32 instances by default.
    @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "32"),
    // Artemis's global client pool holds 8 threads per core, fewer than the sessions: with a pool of
    // their own all 32 sessions deliver at once, and claims and acceptances batch by more
    @ActivationConfigProperty(propertyName = "useGlobalPools", propertyValue = "false"),
    @ActivationConfigProperty(propertyName = "threadPoolMaxSize", propertyValue = "40"),
    @ActivationConfigProperty(propertyName = "setupAttempts", propertyValue = "-1"),
    @ActivationConfigProperty(propertyName = "setupInterval", propertyValue = "2000")
})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DispatchListener implements MessageListener {
  private static final Logger LOG = Logger.getLogger(DispatchListener.class.getName());

  @Inject MessageDispatcher dispatcher;

  /** Thrown to have the broker deliver the request again (after its redelivery delay). */
  static final class Redeliver extends RuntimeException {
    Redeliver(String why) {
      super(why, null, false, false);
    }
  }

  @Override
  public void onMessage(Message message) {
    DispatchRequest request;
    try {
      request = DispatchRequest.fromJson(((TextMessage) message).getText());
    } catch (JMSException | ClassCastException | IllegalArgumentException unreadable) {
      LOG.severe(() -> "Unreadable dispatch request, left to the dead-letter queue: " + unreadable);
      throw new Redeliver("unreadable dispatch request");
    }
    if (!dispatcher.dispatch(request)) {
      throw new Redeliver("message " + request.messageId() + " not sent yet");
    }
  }
}
