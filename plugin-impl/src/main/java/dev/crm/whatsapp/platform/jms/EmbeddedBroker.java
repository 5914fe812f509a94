package dev.crm.whatsapp.platform.jms;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The broker of the zero-setup default: Artemis inside the plugin, persistent (file journal), listening
 * on loopback only, where the resource adapter connects as it would to an external broker. Off when
 * {@code wa.jms.embedded=false}. Message-driven beans activate before this starts; the adapter retries
 * until it is up.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class EmbeddedBroker {
  private static final Logger LOG = Logger.getLogger(EmbeddedBroker.class.getName());
  /**
   * Artemis's audit loggers log every message sent, delivered and acknowledged at INFO, each line a
   * kilobyte: at 1,000 sends/s that was most of the log volume and a real share of the CPU
   * (docs/architecture.md, "Dispatch throughput"). Held here so that the level is not lost with a
   * collected logger.
   */
  private static final Logger AUDIT = Logger.getLogger("org.apache.activemq.audit");

  @Inject
  @ConfigProperty(name = "wa.jms.embedded", defaultValue = "true")
  boolean enabled;

  @Inject
  @ConfigProperty(name = "wa.jms.port", defaultValue = "61616")
  int port;

  @Inject
  @ConfigProperty(name = "wa.jms.data-dir", defaultValue = "./whatsapp-data/broker")
  String dataDir;

  @Inject
  @ConfigProperty(name = "wa.jms.max-delivery-attempts", defaultValue = "10")
  int maxDeliveryAttempts;

  private EmbeddedActiveMQ broker;

  @PostConstruct
  void start() {
    if (!enabled) {
      LOG.info("Embedded broker off (wa.jms.embedded=false): using the broker at wa.jms.host/wa.jms.port");
      return;
    }
    AUDIT.setLevel(Level.WARNING);
    try {
      broker = new EmbeddedActiveMQ().setConfiguration(configuration());
      broker.start();
      LOG.info(() -> "Embedded Artemis broker started on 127.0.0.1:" + port + ", journal in " + dataDir);
    } catch (Exception e) {
      throw new IllegalStateException("the embedded broker did not start", e);
    }
  }

  @PreDestroy
  void stop() {
    if (broker != null) {
      try {
        broker.stop();
      } catch (Exception e) {
        LOG.warning(() -> "Embedded broker did not stop cleanly: " + e);
      }
    }
  }

  /** True when this instance runs the broker and it is active. */
  public boolean isRunning() {
    return broker != null && broker.getActiveMQServer() != null && broker.getActiveMQServer().isActive();
  }

  public boolean isEnabled() {
    return enabled;
  }

  private Configuration configuration() throws Exception {
    Configuration config = new ConfigurationImpl()
        .setName("whatsapp-embedded")
        .setPersistenceEnabled(true)
        .setJournalDirectory(dataDir + "/journal")
        .setBindingsDirectory(dataDir + "/bindings")
        .setLargeMessagesDirectory(dataDir + "/large-messages")
        .setPagingDirectory(dataDir + "/paging")
        .setSecurityEnabled(false)
        .setJMXManagementEnabled(false)
        .addAcceptorConfiguration("in-vm", "vm://0")
        .addAcceptorConfiguration("loopback", "tcp://127.0.0.1:" + port);
    // Without a dead-letter address Artemis drops a message after its last attempt.
    config.addAddressSetting("#", new AddressSettings()
        .setDeadLetterAddress(SimpleString.of(JmsResources.DEAD_LETTER_ADDRESS))
        .setExpiryAddress(SimpleString.of(JmsResources.EXPIRY_QUEUE))
        .setMaxDeliveryAttempts(maxDeliveryAttempts)
        .setRedeliveryDelay(1_000)
        .setRedeliveryMultiplier(2.0)
        .setMaxRedeliveryDelay(60_000));
    config.addQueueConfiguration(QueueConfiguration.of(JmsResources.DISPATCH_QUEUE_NAME)
        .setRoutingType(RoutingType.ANYCAST).setDurable(true));
    config.addQueueConfiguration(QueueConfiguration.of(JmsResources.DISPATCH_DEAD_LETTER_QUEUE)
        .setAddress(JmsResources.DEAD_LETTER_ADDRESS).setRoutingType(RoutingType.ANYCAST).setDurable(true));
    config.addQueueConfiguration(QueueConfiguration.of(JmsResources.EXPIRY_QUEUE)
        .setRoutingType(RoutingType.ANYCAST).setDurable(true));
    return config;
  }
}
