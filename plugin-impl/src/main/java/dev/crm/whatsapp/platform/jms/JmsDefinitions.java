package dev.crm.whatsapp.platform.jms;

import jakarta.ejb.Singleton;
import jakarta.resource.AdministeredObjectDefinition;
import jakarta.resource.ConnectionFactoryDefinition;
import jakarta.resource.spi.TransactionSupport.TransactionSupportLevel;

/**
 * The connection factory and queue, through the Artemis resource adapter. XA is not optional: with the
 * annotation's default ({@code NoTransaction}) a send inside a JTA transaction is silently lost.
 */
@ConnectionFactoryDefinition(
    name = JmsResources.CONNECTION_FACTORY,
    interfaceName = "jakarta.jms.ConnectionFactory",
    resourceAdapter = JmsResources.RESOURCE_ADAPTER,
    transactionSupport = TransactionSupportLevel.XATransaction,
    minPoolSize = 0,
    maxPoolSize = 32,
    properties = {
        "connectorClassName=" + JmsResources.CONNECTOR,
        "connectionParameters=" + JmsResources.CONNECTION,
        // The pool's default resource principal: the container signs on with it (container-managed
        // sign-on ignores credentials passed to createContext). Without it an external broker that
        // requires a login refuses every publish; the embedded broker accepts any.
        "UserName=" + JmsResources.USER,
        "Password=" + JmsResources.PASSWORD
    })
@AdministeredObjectDefinition(
    name = JmsResources.DISPATCH_QUEUE,
    interfaceName = "jakarta.jms.Queue",
    className = "org.apache.activemq.artemis.jms.client.ActiveMQQueue",
    resourceAdapter = JmsResources.RESOURCE_ADAPTER,
    properties = {"Address=" + JmsResources.DISPATCH_QUEUE_NAME})
@Singleton
public class JmsDefinitions {}
