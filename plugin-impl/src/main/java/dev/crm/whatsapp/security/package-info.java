/**
 * Who is calling and what they may do: bearer JWTs (MicroProfile JWT) carrying a tenant and groups,
 * groups mapped to permissions, a check on every resource method, and the demo token issuer.
 */
package dev.crm.whatsapp.security;
