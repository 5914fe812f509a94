package dev.crm.whatsapp.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** A small JSON client for tests that drive the deployed plugin over real HTTP. */
final class Http {
  private static final HttpClient CLIENT = HttpClient.newBuilder()
      // HTTP/1.1 as browsers and Meta speak it to an http:// URL (no h2c upgrade, which the JDK client tries).
      .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

  /** An answer: status and body, with the body parsed when it is a JSON object. */
  record Answer(int status, String body) {
    JsonObject json() {
      try (JsonReader reader = Json.createReader(new StringReader(body))) {
        return reader.readObject();
      }
    }

    /** The body as an array: a top-level JSON array, or the array under {@code name} of an object. */
    jakarta.json.JsonArray json(String name) {
      try (JsonReader reader = Json.createReader(new StringReader(body))) {
        jakarta.json.JsonValue value = reader.readValue();
        return value instanceof jakarta.json.JsonArray array ? array : value.asJsonObject().getJsonArray(name);
      }
    }

    jakarta.json.JsonArray jsonArray() {
      return json(null);
    }
  }

  private final URI base;

  Http(URI base) {
    this.base = base;
  }

  Answer get(String path, String token) {
    return send(request(path, token).GET().build());
  }

  Answer put(String path, String token, String json) {
    return send(request(path, token).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(json)).build());
  }

  Answer delete(String path, String token) {
    return send(request(path, token).DELETE().build());
  }

  Answer post(String path, String token, String json) {
    return post(path, token, json, Map.of());
  }

  Answer post(String path, String token, String body, Map<String, String> headers) {
    HttpRequest.Builder request = request(path, token)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(request::header);
    return send(request.build());
  }

  /** Any verb, for tests that walk every endpoint. */
  Answer call(String verb, String path, String token, String body, String contentType) {
    HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(body);
    HttpRequest.Builder request = request(path, token).method(verb, publisher);
    if (body != null) {
      request.header("Content-Type", contentType);
    }
    return send(request.build());
  }

  Answer postText(String path, String token, String body, String contentType) {
    return send(request(path, token).header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build());
  }

  Answer postBytes(String path, byte[] body, Map<String, String> headers) {
    HttpRequest.Builder request = request(path, null)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(request::header);
    return send(request.build());
  }

  /** A file as the raw body with its own type, as the lead panel uploads it. */
  Answer upload(String path, String token, byte[] body, String contentType) {
    HttpRequest.Builder request = request(path, token).POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    return send(request.build());
  }

  /** A GET whose answer is kept as bytes, with its Content-Type. */
  record Download(int status, byte[] body, String contentType) {}

  static Download download(URI url) {
    try {
      HttpResponse<byte[]> response = CLIENT.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30)).GET().build(),
          HttpResponse.BodyHandlers.ofByteArray());
      return new Download(response.statusCode(), response.body(),
          response.headers().firstValue("Content-Type").orElse(null));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private HttpRequest.Builder request(String path, String token) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
        .header("Accept", "application/json, */*;q=0.5");
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    return builder;
  }

  private static Answer send(HttpRequest request) {
    try {
      HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
