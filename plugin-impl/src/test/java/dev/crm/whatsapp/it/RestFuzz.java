package dev.crm.whatsapp.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crm.whatsapp.it.Endpoints.Endpoint;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Hostile input at the REST layer: every POST/PUT/PATCH endpoint gets random and hostile JSON bodies (the
 * fields the API knows, with wrong types, huge and odd strings, extreme numbers, deep nesting, broken
 * JSON), and every GET endpoint hostile query parameters, as an authorised caller of the own tenant.
 * No answer is a 5xx: bad input is a 4xx naming the field.
 */
final class RestFuzz {
  private static final String[] FIELDS = {"name", "templateId", "text", "leadIds", "audience", "bindings",
      "variants", "content", "scheduledAt", "sendWindow", "credentials", "phoneNumber", "provider", "senderId",
      "mpsLimit", "dailyLimit", "throttlePerMinute", "body", "language", "category", "examples", "buttons",
      "header", "footer", "leadId", "customerId", "convertedAt", "status", "phone", "source", "field", "value",
      "fallback", "percent", "key", "type", "mediaUrl", "mediaType", "primary", "tags", "filters", "ids",
      "timeZone", "parameterFormat", "format", "url", "note", "reason"};
  private static final String[] QUERY = {"limit", "cursor", "q", "status", "direction", "from", "to", "state",
      "customerId", "before", "after", "tag", "source"};
  private static final String[] ODD = {"", " ", "null", "{{1}}", "{{", "}}", "../../../etc/passwd",
      "' OR 1=1 --", "\u0000", "\uD83D\uDE00", "\uD800", "<script>alert(1)</script>", "%00", "9".repeat(40),
      "-1", "NaN", "2026-13-45T99:99:99Z", "+6281329189088", "true", "x".repeat(70_000), "\n\r\t", "a,b;c\"d"};

  private final URL base;

  RestFuzz(URL base) {
    this.base = base;
  }

  void noHostileBodyOrQueryGetsA5xx() throws Exception {
    int perEndpoint = Integer.getInteger("reliability.fuzz.per-endpoint", Math.max(20, ReliabilityRun.count() / 50));
    Random random = new Random(Long.getLong("reliability.seed", 9L));
    Http http = new Http(base.toURI());
    String admin = ReliabilityRun.token("acme", "admin");
    List<Endpoint> endpoints = Endpoints.all().stream().filter(e -> !e.open()).toList();
    Map<Integer, Integer> statuses = new TreeMap<>();
    List<String> failures = new ArrayList<>();
    List<String> refusals = new ArrayList<>();
    int requests = 0;
    for (Endpoint endpoint : endpoints) {
      for (int i = 0; i < perEndpoint; i++) {
        String path = "api/v1/" + endpoint.path().replace("{leadId}", random.nextBoolean() ? "11" : odd(random, true))
            .replace("{id}", odd(random, true)).replace("{phone}", odd(random, true));
        Http.Answer answer;
        String input;
        if (endpoint.hasBody()) {
          input = body(random);
          answer = http.call(endpoint.verb(), path, admin, input, "application/json");
        } else if (endpoint.verb().equals("GET")) {
          input = query(random);
          answer = http.get(path + input, admin);
        } else {
          continue; // DELETE: covered by the access matrix; random deletes would only empty the data.
        }
        requests++;
        statuses.merge(answer.status(), 1, Integer::sum);
        if ((answer.status() == 401 || answer.status() == 403) && refusals.size() < 5) {
          refusals.add(endpoint + " " + answer.status() + " for " + abbreviate(path) + " -> " + abbreviate(answer.body()));
        }
        if (answer.status() >= 500 && failures.size() < 20) {
          failures.add(endpoint + " " + answer.status() + " for " + abbreviate(path + " " + input) + " -> "
              + abbreviate(answer.body()));
        }
      }
    }
    ReliabilityRun.figure("rest-fuzz", "endpoints", endpoints.size());
    ReliabilityRun.figure("rest-fuzz", "requests", requests);
    ReliabilityRun.figure("rest-fuzz", "answers", statuses);
    ReliabilityRun.figure("rest-fuzz", "401/403 to the authorised admin (samples)", refusals);
    assertThat(failures).as("5xx answers").isEmpty();
  }

  private static String body(Random random) {
    return switch (random.nextInt(10)) {
      case 0 -> ODD[random.nextInt(ODD.length)];
      case 1 -> "[".repeat(1 + random.nextInt(5000));
      case 2 -> "{\"" + FIELDS[random.nextInt(FIELDS.length)] + "\":";
      case 3 -> new String(randomBytes(random), StandardCharsets.ISO_8859_1);
      default -> object(random, 0);
    };
  }

  private static String object(Random random, int depth) {
    StringBuilder json = new StringBuilder("{");
    int fields = random.nextInt(6);
    for (int f = 0; f < fields; f++) {
      if (f > 0) {
        json.append(',');
      }
      json.append('"').append(FIELDS[random.nextInt(FIELDS.length)]).append("\":").append(value(random, depth));
    }
    return json.append('}').toString();
  }

  private static String value(Random random, int depth) {
    return switch (random.nextInt(depth > 4 ? 6 : 9)) {
      case 0 -> "null";
      case 1 -> random.nextBoolean() ? "true" : "false";
      case 2 -> List.of("0", "-1", "1e308", "-1e308", "9223372036854775808", "1.5", "-0", "2147483648")
          .get(random.nextInt(8));
      case 3, 4 -> quote(odd(random, false));
      case 5 -> quote(List.of("constant", "lead", "leads", "list", "text", "image", "MARKETING", "UTILITY",
          "sandbox", "cloud-api", "en_US", "A", "body.1", "first_name").get(random.nextInt(14)));
      case 6 -> object(random, depth + 1);
      default -> {
        StringBuilder array = new StringBuilder("[");
        int items = random.nextInt(4);
        for (int i = 0; i < items; i++) {
          array.append(i > 0 ? "," : "").append(value(random, depth + 1));
        }
        yield array.append(']').toString();
      }
    };
  }

  private static String query(Random random) {
    StringBuilder query = new StringBuilder("?");
    int params = 1 + random.nextInt(3);
    for (int p = 0; p < params; p++) {
      // Values capped at 2,000 characters: a longer request line is refused by the HTTP layer before the
      // application sees it (the bodies carry the 70,000-character strings).
      String value = odd(random, false);
      query.append(p > 0 ? "&" : "").append(QUERY[random.nextInt(QUERY.length)]).append('=')
          .append(URLEncoder.encode(value.length() > 2000 ? value.substring(0, 2000) : value, StandardCharsets.UTF_8));
    }
    return query.toString();
  }

  private static String odd(Random random, boolean forPath) {
    String value = ODD[random.nextInt(ODD.length)];
    if (forPath) {
      // A path segment: encoded, and short enough for the server's request-line limit.
      String shortened = value.length() > 100 ? value.substring(0, 100) : value;
      return shortened.isEmpty() ? "x" : URLEncoder.encode(shortened, StandardCharsets.UTF_8).replace("+", "%20");
    }
    return value;
  }

  private static String quote(String text) {
    StringBuilder quoted = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> quoted.append("\\\"");
        case '\\' -> quoted.append("\\\\");
        default -> {
          if (c < 0x20) {
            quoted.append(String.format("\\u%04x", (int) c));
          } else {
            quoted.append(c);
          }
        }
      }
    }
    return quoted.append('"').toString();
  }

  private static byte[] randomBytes(Random random) {
    byte[] bytes = new byte[random.nextInt(200)];
    random.nextBytes(bytes);
    return bytes;
  }

  private static String abbreviate(String text) {
    return text == null ? "" : text.length() > 200 ? text.substring(0, 200) + "..." : text;
  }
}
