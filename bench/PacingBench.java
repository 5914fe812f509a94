import dev.crm.whatsapp.dispatch.SenderPacer;
import dev.crm.whatsapp.testing.GraphApiStub;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Pacing accuracy of SenderPacer on the real clock, with 32 worker threads (the dispatch MDB's
 * maxSession) each acquiring a slot and then POSTing a send to the Graph API stub over real HTTP: the
 * busiest second both where the sends started and where they arrived (the stub's count, what Meta's
 * limit is checked against). Also measures the stub's own capacity alone. Prints figures; asserts
 * nothing. bench/e2e.sh measures the same through the whole pipeline.
 *
 * Run from the worktree top level after a build: bench/pacing.sh
 */
public class PacingBench {
  static final int THREADS = 32;

  public static void main(String[] args) throws Exception {
    GraphApiStub stub = GraphApiStub.start(Integer.parseInt(args.length > 0 ? args[0] : "18291"), "bench");
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    URI uri = stub.baseUrl().resolve("v23.0/bench-number/messages");
    stubCapacity(http, uri); // warm-up
    System.out.printf("stub capacity alone (32 threads, 3 s, after a 3 s warm-up): %.0f POST/s%n",
        stubCapacity(http, uri));
    for (int[] run : new int[][] {{10, 10}, {80, 10}, {1000, 6}}) {
      pacing(http, stub, run[0], Duration.ofSeconds(run[1]));
    }
    stub.close();
  }

  static double stubCapacity(HttpClient http, URI uri) throws InterruptedException {
    AtomicLong done = new AtomicLong();
    long end = System.nanoTime() + 3_000_000_000L;
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      threads.add(started(() -> {
        while (System.nanoTime() < end) {
          post(http, uri, "cap-" + done.incrementAndGet());
        }
      }));
    }
    for (Thread thread : threads) {
      thread.join();
    }
    return done.get() / 3.0;
  }

  static void pacing(HttpClient http, GraphApiStub stub, int mps, Duration duration) throws InterruptedException {
    String number = "pace-" + mps;
    URI uri = stub.baseUrl().resolve("v23.0/" + number + "/messages");
    SenderPacer pacer = new SenderPacer(SenderPacer.Ticker.SYSTEM, Duration.ofMinutes(1));
    ConcurrentLinkedQueue<Long> starts = new ConcurrentLinkedQueue<>();
    long end = System.nanoTime() + duration.toNanos();
    AtomicLong ids = new AtomicLong();
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      threads.add(started(() -> {
        try {
          while (true) {
            pacer.acquire("cloud-api:bench-number", mps);
            long now = System.nanoTime();
            if (now >= end) {
              return;
            }
            starts.add(now);
            post(http, uri, "pace-" + mps + "-" + ids.incrementAndGet());
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }));
    }
    for (Thread thread : threads) {
      thread.join();
    }
    List<Long> sorted = new ArrayList<>(starts);
    Collections.sort(sorted);
    int busiest = 0;
    int j = 0;
    for (int i = 0; i < sorted.size(); i++) {
      while (j < sorted.size() && sorted.get(j) - sorted.get(i) < 1_000_000_000L) {
        j++;
      }
      busiest = Math.max(busiest, j - i);
    }
    double seconds = duration.toNanos() / 1e9;
    double observed = sorted.size() / seconds;
    int arrived = stub.busiestSecond(number);
    System.out.printf("pacing %4d mps for %2.0f s: %6d sends, observed %.1f/s, observed/configured %.3f,"
        + " busiest 1-s window %d at the start, %d at the stub, largest overshoot %d%n", mps, seconds, sorted.size(),
        observed, observed / mps, busiest, arrived, Math.max(0, Math.max(busiest, arrived) - mps));
  }

  static Thread started(Runnable work) {
    Thread thread = new Thread(work);
    thread.start();
    return thread;
  }

  static void post(HttpClient http, URI uri, String id) {
    String body = "{\"messaging_product\":\"whatsapp\",\"recipient_type\":\"individual\",\"to\":\"6281200000001\","
        + "\"type\":\"text\",\"text\":{\"body\":\"bench\"},\"biz_opaque_callback_data\":\"" + id + "\"}";
    try {
      http.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer bench")
          .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
          HttpResponse.BodyHandlers.discarding());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
