import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Graph API stub's capacity alone: THREADS threads POSTing sends to a stub already running in its
 * own process, for 3 s after a 3 s warm-up, over keep-alive HTTP/1.1 (the way the provider calls it).
 * Prints one figure; asserts nothing. Usage: java bench/StubAlone.java STUB_PORT [THREADS]
 */
public class StubAlone {
  public static void main(String[] args) throws Exception {
    URI uri = URI.create("http://127.0.0.1:" + args[0] + "/v23.0/stub-alone/messages");
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : 16;
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    rate(http, uri, threads); // warm-up
    System.out.printf("%.0f%n", rate(http, uri, threads));
  }

  static double rate(HttpClient http, URI uri, int threads) throws InterruptedException {
    AtomicLong done = new AtomicLong();
    AtomicLong ids = new AtomicLong();
    AtomicLong lost = new AtomicLong();
    long end = System.nanoTime() + 3_000_000_000L;
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      Thread worker = new Thread(() -> {
        while (System.nanoTime() < end) {
          long n = ids.incrementAndGet();
          String body = "{\"messaging_product\":\"whatsapp\",\"to\":\"6281200" + n + "\",\"type\":\"text\","
              + "\"text\":{\"body\":\"bench\"},\"biz_opaque_callback_data\":\"alone-" + n + "\"}";
          try {
            http.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer bench-token")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.discarding());
            done.incrementAndGet();
          } catch (java.io.IOException e) {
            // the client's pool closing an idle connection as a request takes it: not the stub's figure
            lost.incrementAndGet();
          } catch (InterruptedException e) {
            return;
          }
        }
      });
      worker.start();
      workers.add(worker);
    }
    for (Thread worker : workers) {
      worker.join();
    }
    if (lost.get() > 0) {
      System.err.println(lost.get() + " requests failed on a closing connection (not counted)");
    }
    return done.get() / 3.0;
  }
}
