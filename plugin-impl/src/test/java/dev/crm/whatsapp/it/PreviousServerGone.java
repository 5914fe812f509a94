package dev.crm.whatsapp.it;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Waits until the integration tests' HTTP and broker ports are free before the next Payara Micro starts.
 * Arquillian starts a new server per test class right after the previous one was told to stop; a server
 * still finishing its shutdown (its timers, broker and dispatch sessions) keeps its ports a few seconds
 * longer, and the new one then fails with "Address already in use" and never answers. Declare it before
 * {@code ArquillianExtension}: extensions run in the order they are declared. Tests that start servers
 * themselves call {@link #awaitFree(int...)}.
 */
public final class PreviousServerGone implements BeforeAllCallback {
  private static final Duration PATIENCE = Duration.ofSeconds(120);

  @Override
  public void beforeAll(ExtensionContext context) throws InterruptedException {
    awaitFree(IntStream.of(port("PORT"), port("WA_JMS_PORT")).filter(port -> port > 0).toArray());
  }

  /** Returns once every port can be bound; fails naming the ports still taken after the patience. */
  static void awaitFree(int... ports) throws InterruptedException {
    Instant deadline = Instant.now().plus(PATIENCE);
    List<Integer> taken = taken(ports);
    while (!taken.isEmpty() && Instant.now().isBefore(deadline)) {
      Thread.sleep(250);
      taken = taken(ports);
    }
    if (!taken.isEmpty()) {
      throw new IllegalStateException("ports still taken after " + PATIENCE + " (a server left running?): " + taken);
    }
  }

  private static List<Integer> taken(int... ports) {
    List<Integer> taken = new ArrayList<>();
    for (int port : ports) {
      if (!free(port)) {
        taken.add(port);
      }
    }
    return taken;
  }

  private static int port(String variable) {
    String value = System.getenv(variable);
    return value == null ? 0 : Integer.parseInt(value);
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
