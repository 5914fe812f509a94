package dev.crm.whatsapp.it;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Waits until the integration tests' HTTP port is free before Arquillian starts the next Payara Micro.
 * The container starts a new server per test class right after the previous one was told to stop; a
 * server still finishing its shutdown (its timers, broker and dispatch sessions) keeps the port a few
 * seconds longer, and the new one then fails with "Address already in use". Declare it before
 * {@code ArquillianExtension}: extensions run in the order they are declared.
 */
public final class PreviousServerGone implements BeforeAllCallback {
  private static final Duration PATIENCE = Duration.ofSeconds(90);

  @Override
  public void beforeAll(ExtensionContext context) throws InterruptedException {
    String port = System.getenv("PORT");
    if (port == null) {
      return;
    }
    Instant deadline = Instant.now().plus(PATIENCE);
    while (!free(Integer.parseInt(port)) && Instant.now().isBefore(deadline)) {
      Thread.sleep(250);
    }
  }

  private static boolean free(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(port));
      return true;
    } catch (IOException inUse) {
      return false;
    }
  }
}
