package dev.crm.whatsapp.host;

/** The host's data could not be read: a mapping that does not fit the host's tables, or a database fault. */
public class HostDataException extends RuntimeException {
  HostDataException(String doing, Throwable cause) {
    super("Failed " + doing + " from the host database: " + cause.getMessage(), cause);
  }
}
