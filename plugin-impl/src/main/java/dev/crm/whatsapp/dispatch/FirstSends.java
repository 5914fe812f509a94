package dev.crm.whatsapp.dispatch;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

/**
 * A number's first send in this process goes alone; the number's other sends wait for it before they take
 * a pacing slot. The first request through a cold provider path (class loading, compilation, the HTTP
 * client's first connection) is held for up to several hundred milliseconds, and every request behind it
 * with it: their slots were paced apart, but they then arrive together. Counted at the stub, a 100-mps
 * number of two fresh instances got 64 requests in its first 112 ms and 101 in its first second (the
 * cluster run); one send alone warms the path, and its waiters' slots are taken after it.
 */
@ApplicationScoped
public class FirstSends {
  private final Set<String> warm = ConcurrentHashMap.newKeySet();
  private final Map<String, CountDownLatch> running = new ConcurrentHashMap<>();

  /**
   * Empty at once when {@code sender} has already sent in this process. Otherwise the caller either gets
   * the number's first send, a {@link Turn} it must {@link Turn#end() end}, or waits for the running first
   * send to end and asks again (that one may have ended without sending, e.g. its claim was lost).
   */
  public Optional<Turn> await(String sender) throws InterruptedException {
    while (!warm.contains(sender)) {
      CountDownLatch mine = new CountDownLatch(1);
      CountDownLatch other = running.putIfAbsent(sender, mine);
      if (other == null) {
        return Optional.of(new Turn(sender, mine));
      }
      other.await();
    }
    return Optional.empty();
  }

  /** The first send of one number. */
  public final class Turn {
    private final String sender;
    private final CountDownLatch done;

    private Turn(String sender, CountDownLatch done) {
      this.sender = sender;
      this.done = done;
    }

    /** The provider call returned, whatever its outcome: the path is warm. */
    public void sent() {
      warm.add(sender);
    }

    /** Lets the number's waiting sends go (the next of them is first if this one never {@link #sent()}). */
    public void end() {
      running.remove(sender, done);
      done.countDown();
    }
  }
}
