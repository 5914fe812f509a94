package dev.crm.whatsapp.templates.catalog;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Meta-shaped answers and webhooks for tests outside this package, over {@link GraphStub}. */
public final class GraphStubs {
  public static final String WABA = "102290129340398";

  private GraphStubs() {}

  /** A running stub. */
  public static final class Running implements AutoCloseable {
    private final GraphStub stub;

    private Running(GraphStub stub) {
      this.stub = stub;
    }

    public String url() {
      return stub.url();
    }

    public void answerSubmit(String json) {
      stub.answer("POST /v23.0/" + WABA + "/message_templates", 200, json);
    }

    public void answerList(String... items) {
      stub.answer("GET /v23.0/" + WABA + "/message_templates", 200,
          "{\"data\":[" + Arrays.stream(items).collect(Collectors.joining(",")) + "],\"paging\":{\"cursors\":{}}}");
    }

    public void answerEdit(String id) {
      stub.answer("POST /v23.0/" + id, 200, "{\"success\":true}");
    }

    public void answerGet(String id, String json) {
      stub.answer("GET /v23.0/" + id, 200, json);
    }

    public void answerDelete(int status, String json) {
      stub.answer("DELETE /v23.0/" + WABA + "/message_templates", status, json);
    }

    public long requests(String method) {
      return stub.requests.stream().filter(r -> r.method().equals(method)).count();
    }

    public long submissions() {
      return stub.requests.stream().filter(r -> r.method().equals("POST")).count();
    }

    @Override
    public void close() {
      stub.close();
    }
  }

  public static Running start() throws java.io.IOException {
    return new Running(new GraphStub());
  }

  /** One item of {@code GET /{WABA_ID}/message_templates}. */
  public static String listing(String id, String status, String reason, String name) {
    return "{\"name\":\"" + name + "\",\"components\":[{\"type\":\"BODY\",\"text\":\"Hi {{1}}, thanks for your order.\","
        + "\"example\":{\"body_text\":[[\"Ayu\"]]}}],\"language\":\"en_US\",\"status\":\"" + status + "\","
        + (reason == null ? "" : "\"rejected_reason\":\"" + reason + "\",")
        + "\"category\":\"UTILITY\",\"id\":\"" + id + "\"}";
  }

  /** A {@code message_template_status_update} webhook body as Meta posts it. */
  public static String statusWebhook(String id, String event, String reason) {
    return "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"" + WABA + "\",\"time\":1700000000,"
        + "\"changes\":[{\"value\":{\"event\":\"" + event + "\",\"message_template_id\":" + id + ","
        + "\"message_template_name\":\"order_update\",\"message_template_language\":\"en_US\",\"reason\":\"" + reason
        + "\"},\"field\":\"message_template_status_update\"}]}]}";
  }
}
