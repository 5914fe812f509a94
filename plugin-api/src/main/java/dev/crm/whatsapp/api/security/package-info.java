/** Permission names the plugin checks, and that hosts grant to their roles. */
package dev.crm.whatsapp.api.security;
