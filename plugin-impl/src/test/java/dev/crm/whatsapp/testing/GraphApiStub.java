package dev.crm.whatsapp.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local stand-in for the Graph API messages endpoint, answering as Meta documents it
 * ({@code business-messaging-api_v23.0.yaml}): a success with a {@code wamid.}, Graph error objects by
 * code, {@code 130429} when a phone number id goes over its messages per second, 401/190 for a wrong
 * token. Answers can be scripted per recipient, including a hang (for timeouts) and a cut connection.
 * It counts POSTs and accepted POSTs per {@code biz_opaque_callback_data}. JDK only, so that the
 * benchmarks can run it in its own process: {@code java GraphApiStub.java PORT TOKEN [MPS]}.
 */
public final class GraphApiStub implements AutoCloseable {
  private static final Pattern PATH = Pattern.compile("^/(v[0-9.]+)/([^/]+)(/messages)?$");
  private static final Pattern TO = Pattern.compile("\"to\"\\s*:\\s*\"([^\"]*)\"");
  private static final Pattern CALLBACK = Pattern.compile("\"biz_opaque_callback_data\"\\s*:\\s*\"([^\"]*)\"");

  /** A scripted answer. */
  public record Reply(String kind, int httpStatus, int code, String message) {
    public static Reply ok() { return new Reply("ok", 200, 0, null); }
    public static Reply error(int code, int httpStatus, String message) {
      return new Reply("error", httpStatus, code, message);
    }
    /** Reads the request, then answers nothing until the client gives up. */
    public static Reply hang() { return new Reply("hang", 0, 0, null); }
    /** Reads the request, then closes the connection without an answer. */
    public static Reply cut() { return new Reply("cut", 0, 0, null); }
    /** An HTML error page, as a proxy in front of the API would answer. */
    public static Reply proxyError() { return new Reply("proxy", 502, 0, null); }
  }

  private final HttpServer server;
  private final String token;
  private final Map<String, Reply> scripts = new ConcurrentHashMap<>();
  private final Map<String, Deque<Reply>> nextReplies = new ConcurrentHashMap<>();
  private final Map<String, Integer> limits = new ConcurrentHashMap<>();
  private final Map<String, Deque<Long>> windows = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> posts = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> accepted = new ConcurrentHashMap<>();
  private final Map<String, java.util.List<Long>> arrivals = new ConcurrentHashMap<>();
  private final AtomicLong totalPosts = new AtomicLong();
  private final AtomicLong rateLimited = new AtomicLong();
  private volatile int limitAll;
  private volatile String lastBody;
  private volatile String lastAuthorization;

  private GraphApiStub(int port, String token) throws IOException {
    System.setProperty("sun.net.httpserver.nodelay", "true");
    this.token = token;
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 1024);
    server.setExecutor(Executors.newFixedThreadPool(16));
    server.createContext("/", this::handle);
    server.start();
  }

  public static GraphApiStub start(int port, String token) {
    try {
      return new GraphApiStub(port, token);
    } catch (IOException e) {
      throw new IllegalStateException("stub could not listen on " + port, e);
    }
  }

  public URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  /** Answers every send to {@code to} (digits, no plus) with {@code reply}. */
  public GraphApiStub script(String to, Reply reply) {
    scripts.put(to, reply);
    return this;
  }

  /** Answers the next sends to {@code to} with {@code replies}, one each, before the scripted answer. */
  public GraphApiStub scriptNext(String to, Reply... replies) {
    Deque<Reply> queue = nextReplies.computeIfAbsent(to, k -> new ArrayDeque<>());
    synchronized (queue) {
      queue.addAll(java.util.List.of(replies));
    }
    return this;
  }

  /** Refuses with 130429 the sends of {@code phoneNumberId} beyond {@code mps} in any one second. */
  public GraphApiStub limitPerSecond(String phoneNumberId, int mps) {
    limits.put(phoneNumberId, mps);
    return this;
  }

  public long postsFor(String callbackData) {
    return posts.getOrDefault(callbackData, new AtomicLong()).get();
  }

  public long acceptedFor(String callbackData) {
    return accepted.getOrDefault(callbackData, new AtomicLong()).get();
  }

  public long totalPosts() {
    return totalPosts.get();
  }

  public long rateLimited() {
    return rateLimited.get();
  }

  /** The body of the last send, as received. */
  public String lastBody() {
    return lastBody;
  }

  public String lastAuthorization() {
    return lastAuthorization;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      if (path.equals("/_stub/stats")) {
        answer(exchange, 200, stats());
        return;
      }
      if (path.equals("/_stub/busiest")) {
        StringBuilder lines = new StringBuilder();
        arrivals.keySet().forEach(number -> lines.append(number).append(',').append(busiestSecond(number))
            .append(',').append(arrivalRate(number)).append('\n'));
        answer(exchange, 200, lines.toString());
        return;
      }
      if (path.startsWith("/_stub/arrivals/")) { // one number's arrival times, ns from its first, one a line
        java.util.List<Long> times = arrivals.getOrDefault(path.substring("/_stub/arrivals/".length()),
            java.util.List.of());
        StringBuilder lines = new StringBuilder();
        synchronized (times) {
          long first = times.isEmpty() ? 0 : times.stream().mapToLong(Long::longValue).min().getAsLong();
          times.stream().mapToLong(Long::longValue).sorted().forEach(t -> lines.append(t - first).append('\n'));
        }
        answer(exchange, 200, lines.toString());
        return;
      }
      if (path.equals("/_stub/accepted")) {
        StringBuilder lines = new StringBuilder();
        accepted.forEach((callback, count) -> lines.append(callback).append(',').append(count.get()).append('\n'));
        answer(exchange, 200, lines.toString());
        return;
      }
      Matcher matcher = PATH.matcher(path);
      if (!matcher.matches()) {
        answer(exchange, 404, graphError(803, "Unknown path", "OAuthException"));
        return;
      }
      String authorization = exchange.getRequestHeaders().getFirst("Authorization");
      lastAuthorization = authorization;
      byte[] raw = exchange.getRequestBody().readAllBytes();
      if (!("Bearer " + token).equals(authorization)) {
        answer(exchange, 401, graphError(190, "Invalid OAuth access token - Cannot parse access token", "OAuthException"));
        return;
      }
      String phoneNumberId = matcher.group(2);
      if (matcher.group(3) == null) {
        answer(exchange, 200, "{\"display_phone_number\":\"+1 555 0100\",\"throughput\":{\"level\":\"STANDARD\"},"
            + "\"id\":\"" + phoneNumberId + "\"}");
        return;
      }
      send(exchange, phoneNumberId, new String(raw, StandardCharsets.UTF_8));
    }
  }

  private void send(HttpExchange exchange, String phoneNumberId, String body) throws IOException {
    lastBody = body;
    totalPosts.incrementAndGet();
    String to = find(TO, body);
    String callback = find(CALLBACK, body);
    if (callback != null) {
      posts.computeIfAbsent(callback, k -> new AtomicLong()).incrementAndGet();
    }
    Reply reply = to == null ? Reply.error(100, 400, "(#100) The parameter to is required.") : replyFor(to);
    if (reply.kind().equals("ok") && !withinLimit(phoneNumberId)) {
      rateLimited.incrementAndGet();
      reply = Reply.error(130429, 400, "(#130429) Rate limit hit");
    }
    switch (reply.kind()) {
      case "ok" -> {
        if (callback != null) {
          accepted.computeIfAbsent(callback, k -> new AtomicLong()).incrementAndGet();
        }
        java.util.List<Long> times = arrivals.computeIfAbsent(phoneNumberId, k -> new java.util.ArrayList<>());
        synchronized (times) {
          times.add(System.nanoTime());
        }
        answer(exchange, 200, "{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"" + to
            + "\",\"wa_id\":\"" + to + "\"}],\"messages\":[{\"id\":\"wamid.STUB" + UUID.randomUUID().toString()
            .replace("-", "").toUpperCase() + "\",\"message_status\":\"accepted\"}]}");
      }
      case "error" -> answer(exchange, reply.httpStatus(), graphError(reply.code(), reply.message(), "OAuthException"));
      case "proxy" -> answer(exchange, 502, "<html><body>502 Bad Gateway</body></html>");
      case "hang" -> sleepQuietly(60_000);
      case "cut" -> exchange.getResponseBody().close();
      default -> throw new IllegalStateException(reply.kind());
    }
  }

  private Reply replyFor(String to) {
    Deque<Reply> queue = nextReplies.get(to);
    if (queue != null) {
      synchronized (queue) {
        if (!queue.isEmpty()) {
          return queue.pollFirst();
        }
      }
    }
    return scripts.getOrDefault(to, Reply.ok());
  }

  private boolean withinLimit(String phoneNumberId) {
    Integer limit = limits.getOrDefault(phoneNumberId, limitAll > 0 ? limitAll : null);
    if (limit == null) {
      return true;
    }
    Deque<Long> window = windows.computeIfAbsent(phoneNumberId, k -> new ArrayDeque<>());
    synchronized (window) {
      long now = System.nanoTime();
      while (!window.isEmpty() && now - window.peekFirst() >= 1_000_000_000L) {
        window.pollFirst();
      }
      if (window.size() >= limit) {
        return false;
      }
      window.addLast(now);
      return true;
    }
  }

  /**
   * The most sends of {@code phoneNumberId} this stub accepted within any one second (a sliding window over
   * arrival times): what the number's limit is checked against when several senders share it.
   */
  public int busiestSecond(String phoneNumberId) {
    java.util.List<Long> times = arrivals.getOrDefault(phoneNumberId, java.util.List.of());
    long[] sorted;
    synchronized (times) {
      sorted = times.stream().mapToLong(Long::longValue).sorted().toArray();
    }
    int busiest = 0;
    for (int first = 0, last = 0; last < sorted.length; last++) {
      while (sorted[last] - sorted[first] >= 1_000_000_000L) {
        first++;
      }
      busiest = Math.max(busiest, last - first + 1);
    }
    return busiest;
  }

  /**
   * {@code count,rate}: how many sends of {@code phoneNumberId} arrived, and their rate from the first to
   * the last (sends per second, 0 for fewer than two).
   */
  public String arrivalRate(String phoneNumberId) {
    java.util.List<Long> times = arrivals.getOrDefault(phoneNumberId, java.util.List.of());
    synchronized (times) {
      if (times.size() < 2) {
        return times.size() + ",0";
      }
      long first = times.stream().mapToLong(Long::longValue).min().getAsLong();
      long last = times.stream().mapToLong(Long::longValue).max().getAsLong();
      return times.size() + "," + String.format(java.util.Locale.ROOT, "%.2f", (times.size() - 1) * 1e9 / (last - first));
    }
  }

  private static String graphError(int code, String message, String type) {
    String details = message.replaceFirst("^\\(#\\d+\\) ", "");
    return "{\"error\":{\"message\":\"" + message + "\",\"type\":\"" + type + "\",\"code\":" + code
        + ",\"error_data\":{\"messaging_product\":\"whatsapp\",\"details\":\"" + details + "\"},"
        + "\"fbtrace_id\":\"AStub" + code + "\"}}";
  }

  private String stats() {
    long duplicates = accepted.values().stream().filter(n -> n.get() > 1).count();
    long multiPosts = posts.values().stream().filter(n -> n.get() > 1).count();
    return "{\"posts\":" + totalPosts.get() + ",\"accepted\":" + accepted.size() + ",\"acceptedTwiceOrMore\":"
        + duplicates + ",\"postedTwiceOrMore\":" + multiPosts + ",\"rateLimited\":" + rateLimited.get() + "}";
  }

  private static void answer(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type",
        body.startsWith("<") ? "text/html" : "application/json; charset=UTF-8");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static String find(Pattern pattern, String body) {
    Matcher matcher = pattern.matcher(body);
    return matcher.find() ? matcher.group(1) : null;
  }

  private static void sleepQuietly(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }

  /** {@code java GraphApiStub.java PORT TOKEN [MPS_PER_NUMBER]}: runs until killed. */
  public static void main(String[] args) throws InterruptedException {
    GraphApiStub stub = start(Integer.parseInt(args[0]), args[1]);
    if (args.length > 2) {
      stub.limitAll = Integer.parseInt(args[2]);
    }
    System.out.println("Graph API stub on " + stub.baseUrl());
    Thread.currentThread().join();
  }
}
