/**
 * JMS on Artemis: the resources declared through the Artemis resource adapter, and the embedded broker
 * of the zero-setup default.
 */
package dev.crm.whatsapp.platform.jms;
