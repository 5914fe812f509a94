package dev.crm.whatsapp.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local stand-in for a WAHA server (devlikeapro's WhatsApp HTTP API), answering as WAHA documents it:
 * {@code POST /api/sendText|sendImage|sendVideo|sendFile} with the sent message ({@code id._serialized},
 * as the WEBJS engine answers), 401 without the right {@code X-Api-Key}, 404 for an unknown session, 422
 * {@code {error, session, status, expected}} while the session is not WORKING; {@code GET
 * /api/sessions/{session}}; {@code GET /api/{session}/auth/qr} as a PNG or {@code {"value"}} while the
 * session waits for a scan. Answers can be scripted per chat id, including a hang and a cut connection.
 */
public final class WahaStub implements AutoCloseable {
  private static final Pattern SEND = Pattern.compile("^/api/(sendText|sendImage|sendVideo|sendFile)$");
  private static final Pattern SESSION = Pattern.compile("^/api/sessions/([^/]+)$");
  private static final Pattern QR = Pattern.compile("^/api/([^/]+)/auth/qr$");
  private static final Pattern CHAT = Pattern.compile("\"chatId\"\\s*:\\s*\"([^\"]*)\"");
  private static final Pattern SESSION_FIELD = Pattern.compile("\"session\"\\s*:\\s*\"([^\"]*)\"");
  /** A 1x1 PNG, enough to be recognised as one. */
  public static final byte[] PNG = java.util.Base64.getDecoder().decode(
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");
  public static final String QR_VALUE = "2@stub-qr-value,abc=,def=";

  /** A scripted answer for one chat. */
  public enum Reply { OK, SERVER_ERROR, BAD_REQUEST, HANG, CUT }

  private final HttpServer server;
  private final String apiKey;
  private final Map<String, String> sessions = new ConcurrentHashMap<>();
  private final Map<String, Reply> scripts = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> posts = new ConcurrentHashMap<>();
  private volatile byte[] qrPng = PNG;
  private volatile String lastPath;
  private volatile String lastBody;
  private volatile String lastApiKey;

  private WahaStub(HttpServer server, String apiKey) {
    this.server = server;
    this.apiKey = apiKey;
  }

  /** Starts on {@code port} (0 for any) with session {@code default} WORKING. */
  public static WahaStub start(int port, String apiKey) {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
      WahaStub stub = new WahaStub(server, apiKey);
      stub.sessions.put("default", "WORKING");
      server.createContext("/", stub::handle);
      server.setExecutor(Executors.newCachedThreadPool());
      server.start();
      return stub;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** The PNG the QR endpoint answers (default {@link #PNG}); a browser test shows one a person would recognise. */
  public void qrImage(byte[] png) {
    qrPng = png.clone();
  }

  /** Sets a session's status: STOPPED, STARTING, SCAN_QR_CODE, WORKING or FAILED. */
  public void session(String name, String status) {
    sessions.put(name, status);
  }

  public void script(String chatId, Reply reply) {
    scripts.put(chatId, reply);
  }

  public long postsTo(String chatId) {
    AtomicLong count = posts.get(chatId);
    return count == null ? 0 : count.get();
  }

  public String lastPath() { return lastPath; }
  public String lastBody() { return lastBody; }
  public String lastApiKey() { return lastApiKey; }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      byte[] body = exchange.getRequestBody().readAllBytes();
      lastApiKey = exchange.getRequestHeaders().getFirst("X-Api-Key");
      if (apiKey != null && !apiKey.equals(lastApiKey)) {
        json(exchange, 401, "{\"message\":\"Unauthorized\",\"statusCode\":401}");
        return;
      }
      Matcher send = SEND.matcher(path);
      Matcher session = SESSION.matcher(path);
      Matcher qr = QR.matcher(path);
      if ("POST".equals(exchange.getRequestMethod()) && send.matches()) {
        send(exchange, send.group(1), new String(body, StandardCharsets.UTF_8));
      } else if ("GET".equals(exchange.getRequestMethod()) && session.matches()) {
        sessionInfo(exchange, session.group(1));
      } else if ("GET".equals(exchange.getRequestMethod()) && qr.matches()) {
        qr(exchange, qr.group(1), exchange.getRequestURI().getQuery());
      } else {
        json(exchange, 404, "{\"message\":\"Cannot " + exchange.getRequestMethod() + " " + path + "\",\"statusCode\":404}");
      }
    }
  }

  private void send(HttpExchange exchange, String endpoint, String body) throws IOException {
    lastPath = "/api/" + endpoint;
    lastBody = body;
    String chatId = find(CHAT, body);
    String session = find(SESSION_FIELD, body);
    posts.computeIfAbsent(chatId == null ? "?" : chatId, k -> new AtomicLong()).incrementAndGet();
    String status = sessions.get(session);
    if (status == null) {
      json(exchange, 404, "{\"message\":\"We didn't find a session with name '" + session + "'\",\"statusCode\":404}");
      return;
    }
    if (!"WORKING".equals(status)) {
      json(exchange, 422, "{\"error\":\"Session status is not as expected. Try again later or restart the session\","
          + "\"session\":\"" + session + "\",\"status\":\"" + status + "\",\"expected\":[\"WORKING\"]}");
      return;
    }
    Reply reply = chatId == null ? Reply.OK : scripts.getOrDefault(chatId, Reply.OK);
    switch (reply) {
      case HANG -> sleepQuietly();
      case CUT -> exchange.close();
      case SERVER_ERROR -> json(exchange, 500, "{\"statusCode\":500,\"message\":\"Internal server error\"}");
      case BAD_REQUEST -> json(exchange, 400, "{\"statusCode\":400,\"message\":[\"chatId must be a string\"],"
          + "\"error\":\"Bad Request\"}");
      case OK -> {
        String key = "3EB0" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase();
        json(exchange, 201, "{\"id\":{\"fromMe\":true,\"remote\":\"" + chatId + "\",\"id\":\"" + key
            + "\",\"_serialized\":\"true_" + chatId + "_" + key + "\"},\"ack\":0,\"hasMedia\":"
            + !"sendText".equals(endpoint) + ",\"from\":\"6281100000000@c.us\",\"to\":\"" + chatId + "\"}");
      }
    }
  }

  private void sessionInfo(HttpExchange exchange, String name) throws IOException {
    String status = sessions.get(name);
    if (status == null) {
      json(exchange, 404, "{\"message\":\"Session not found\",\"statusCode\":404}");
      return;
    }
    String me = "WORKING".equals(status) ? ",\"me\":{\"id\":\"6281100000000@c.us\",\"pushName\":\"Sales\"}" : "";
    json(exchange, 200, "{\"name\":\"" + name + "\",\"status\":\"" + status + "\",\"config\":{},\"engine\":"
        + "{\"engine\":\"WEBJS\"}" + me + "}");
  }

  private void qr(HttpExchange exchange, String name, String query) throws IOException {
    if (!"SCAN_QR_CODE".equals(sessions.get(name))) {
      json(exchange, 422, "{\"error\":\"Session status is not as expected.\",\"session\":\"" + name
          + "\",\"status\":\"" + sessions.get(name) + "\",\"expected\":[\"SCAN_QR_CODE\"]}");
      return;
    }
    if (query != null && query.contains("format=raw")) {
      json(exchange, 200, "{\"value\":\"" + QR_VALUE + "\"}");
      return;
    }
    byte[] png = qrPng;
    exchange.getResponseHeaders().set("Content-Type", "image/png");
    exchange.sendResponseHeaders(200, png.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(png);
    }
  }

  private static String find(Pattern pattern, String body) {
    Matcher m = pattern.matcher(body);
    return m.find() ? m.group(1) : null;
  }

  private static void sleepQuietly() {
    try {
      Thread.sleep(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void json(HttpExchange exchange, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
