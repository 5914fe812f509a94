package dev.crm.whatsapp.templates.catalog;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local HTTP server answering as Meta's Graph API does for {@code message_templates}, with answers
 * set per "METHOD path" and every request recorded.
 */
final class GraphStub implements AutoCloseable {
  record Recorded(String method, String pathAndQuery, String authorization, String body) {}
  record Answer(int status, String json) {}

  private final HttpServer server;
  private final Map<String, Answer> answers = new ConcurrentHashMap<>();
  final List<Recorded> requests = new CopyOnWriteArrayList<>();

  GraphStub() throws IOException {
    System.setProperty("sun.net.httpserver.nodelay", "true");
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  void answer(String methodAndPath, int status, String json) {
    answers.put(methodAndPath, new Answer(status, json));
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String path = exchange.getRequestURI().getRawPath();
    String query = exchange.getRequestURI().getRawQuery();
    requests.add(new Recorded(exchange.getRequestMethod(), path + (query == null ? "" : "?" + query),
        exchange.getRequestHeaders().getFirst("Authorization"), body));
    String after = query != null && query.contains("after=") ? "?after=" + query.replaceAll(".*after=([^&]*).*", "$1") : "";
    Answer answer = answers.getOrDefault(exchange.getRequestMethod() + " " + path + after,
        new Answer(404, "{\"error\":{\"message\":\"Unknown path\",\"type\":\"OAuthException\",\"code\":803}}"));
    byte[] bytes = answer.json().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(answer.status(), bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
