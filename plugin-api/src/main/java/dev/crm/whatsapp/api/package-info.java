/**
 * The plugin's public, versioned contract with its host: typed identifiers and values shared by every
 * other package of this module. Everything under {@code dev.crm.whatsapp.api} is promised; anything in
 * the implementation is not.
 */
package dev.crm.whatsapp.api;
