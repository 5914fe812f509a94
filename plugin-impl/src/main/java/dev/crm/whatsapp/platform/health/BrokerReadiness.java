package dev.crm.whatsapp.platform.health;

import dev.crm.whatsapp.platform.jms.JmsResources;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSRuntimeException;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when a JMS connection to the broker (embedded or external) can be opened. */
@Readiness
@ApplicationScoped
public class BrokerReadiness implements HealthCheck {

  @Resource(lookup = JmsResources.CONNECTION_FACTORY)
  ConnectionFactory connectionFactory;

  @Override
  public HealthCheckResponse call() {
    try (JMSContext context = connectionFactory.createContext()) {
      context.createQueue(JmsResources.DISPATCH_QUEUE_NAME);
      return HealthCheckResponse.named("broker").up().build();
    } catch (JMSRuntimeException | IllegalStateException e) {
      return HealthCheckResponse.named("broker").down().withData("error", e.getClass().getSimpleName()).build();
    }
  }
}
