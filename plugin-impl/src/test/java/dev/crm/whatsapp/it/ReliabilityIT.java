package dev.crm.whatsapp.it;

import java.io.File;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The reliability suite on one real server (booted once): {@code mvn -Preliability verify}, see
 * docs/reliability.md. Each run prints its figures as {@code RELIABILITY <run> <figure> = <value>}.
 * The runs are independent, except that the secret-hygiene run goes last because it searches what all
 * the others left behind (log, database, dead letters).
 */
@ExtendWith(PreviousServerGone.class)
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReliabilityIT {
  @Deployment(testable = false)
  static WebArchive plugin() {
    return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("it.war")));
  }

  @ArquillianResource URL base;

  @Test
  @Order(1)
  void webhookStormEndsEveryMessageWithExactlyItsLastStatus() throws Exception {
    new WebhookStorm(base).everyMessageEndsWithExactlyItsLastStatusAndTheCountersAgree();
  }

  @Test
  @Order(2)
  void forgedAndUnsignedWebhooksAreAllRefusedAndNothingIsStored() throws Exception {
    new Forgery(base).everyForgedOrUnsignedWebhookIsRefusedAndNothingIsStored();
  }

  @Test
  @Order(3)
  void everyEndpointRefusesEveryoneButItsOwnTenantWithThePermission() throws Exception {
    new AccessMatrix(base).everyEndpointRefusesEveryoneButItsOwnTenantWithThePermission();
  }

  @Test
  @Order(4)
  void noHostileBodyOrQueryGetsA5xx() throws Exception {
    new RestFuzz(base).noHostileBodyOrQueryGetsA5xx();
  }

  @Test
  @Order(5)
  void noSecretCanaryLeavesTheServerAndPhonesOnlyMasked() throws Exception {
    new SecretHygiene(base).noSecretCanaryLeavesTheServerAndPhonesOnlyMasked();
  }
}
