package dev.crm.whatsapp.platform.jms;

/**
 * Names of the JMS resources, declared once in {@link JmsDefinitions}. Broker host and port come from
 * {@code wa.jms.host} / {@code wa.jms.port}; the defaults written here must match the embedded broker's.
 * In MDB activation config only server-level sources (environment, system properties) are seen, hence
 * the inline defaults.
 */
public final class JmsResources {
  public static final String RESOURCE_ADAPTER = "artemis-rar";
  public static final String CONNECTION_FACTORY = "java:app/jms/waConnectionFactory";
  public static final String DISPATCH_QUEUE = "java:app/jms/waDispatchQueue";
  public static final String DISPATCH_QUEUE_NAME = "wa.dispatch";
  public static final String DEAD_LETTER_ADDRESS = "DLA";
  public static final String DISPATCH_DEAD_LETTER_QUEUE = "wa.dispatch.dlq";
  public static final String EXPIRY_QUEUE = "ExpiryQueue";
  public static final String CONNECTOR = "org.apache.activemq.artemis.core.remoting.impl.netty.NettyConnectorFactory";
  public static final String CONNECTION =
      "host=${MPCONFIG=wa.jms.host:127.0.0.1};port=${MPCONFIG=wa.jms.port:61616}";
  public static final String USER = "${MPCONFIG=wa.jms.user:plugin}";
  public static final String PASSWORD = "${MPCONFIG=wa.jms.password:unused-by-embedded-broker}";
  /** Artemis's duplicate-detection header ({@code _AMQ_DUPL_ID}). */
  public static final String DUPLICATE_ID_PROPERTY = "_AMQ_DUPL_ID";

  private JmsResources() {}
}
