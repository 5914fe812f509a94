package dev.crm.whatsapp.providers;

import java.util.Optional;

/**
 * Where a provider finds the secret of one sender number (Cloud API: the access token; gateway: the API
 * key), decrypted only for the call and never logged.
 */
public interface SenderCredentials {

  /** The secret of sender {@code senderId} on provider {@code providerType}, if one is configured. */
  Optional<String> secretOf(String providerType, String senderId);
}
