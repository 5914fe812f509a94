/**
 * Where templates are submitted and their status read back: a small SPI with a sandbox and a Cloud API
 * implementation.
 */
package dev.crm.whatsapp.templates.catalog;
