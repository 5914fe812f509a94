package dev.crm.whatsapp.providers.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crm.whatsapp.api.PhoneNumber;
import dev.crm.whatsapp.api.provider.MessageContent;
import dev.crm.whatsapp.api.provider.OutboundMessage;
import dev.crm.whatsapp.api.provider.SendOutcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The sandbox's configurable mix of outcomes: shares by code, determinism by seed, delivery as Meta does. */
class SandboxOutcomesTest {

  /** What the sandbox asked its webhooks to report, instead of posting them. */
  static final class RecordedWebhooks extends SandboxWebhooks {
    final List<String> reports = new ArrayList<>();

    @Override
    void report(OutboundMessage message, String providerMessageId, String status, Duration after) {
      reports.add(message.callbackData() + ":" + status);
    }

    @Override
    void reportFailed(OutboundMessage message, String providerMessageId, int code, String title, Duration after) {
      reports.add(message.callbackData() + ":failed:" + code);
    }
  }

  private static OutboundMessage message(String id) {
    return new OutboundMessage("sandbox-number-1", PhoneNumber.of("+6281200000001"), new MessageContent.Text("Hi"), id);
  }

  @Test
  void eachCodeFailsAboutItsShareOfSends() {
    SandboxOutcomes outcomes = SandboxOutcomes.parse("131026:2,131049:1,130429:1", 7);

    Map<Optional<Integer>, Long> counts = IntStream.range(0, 100_000).mapToObj(i -> outcomes.failureOf("msg-" + i))
        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));

    assertThat(counts.get(Optional.of(131026))).isBetween(1_800L, 2_200L);
    assertThat(counts.get(Optional.of(131049))).isBetween(850L, 1_150L);
    assertThat(counts.get(Optional.of(130429))).isBetween(850L, 1_150L);
    assertThat(counts.get(Optional.<Integer>empty())).isBetween(95_500L, 96_500L);
  }

  @Test
  void theSameSeedGivesTheSameOutcomesAndAnotherSeedOthers() {
    List<Optional<Integer>> first = rolls(SandboxOutcomes.parse("131026:30", 42));
    List<Optional<Integer>> again = rolls(SandboxOutcomes.parse("131026:30", 42));
    List<Optional<Integer>> other = rolls(SandboxOutcomes.parse("131026:30", 43));

    assertThat(again).isEqualTo(first);
    assertThat(other).isNotEqualTo(first);
  }

  @Test
  void aRetriedSendRollsAgainSoARateLimitedMessageGetsThroughEventually() {
    RecordedWebhooks webhooks = new RecordedWebhooks();
    SandboxProvider provider = SandboxProvider.over(webhooks, "130429:50", 3, 0);

    SendOutcome last = provider.send(message("m-retried"));
    for (int attempt = 1; attempt < 40 && last instanceof SendOutcome.Rejected; attempt++) {
      last = provider.send(message("m-retried"));
    }

    assertThat(last).isInstanceOf(SendOutcome.Accepted.class);
  }

  @Test
  void noConfigurationMeansEverySendSucceeds() {
    assertThat(rolls(SandboxOutcomes.parse("", 1))).containsOnly(Optional.empty());
  }

  @Test
  void aWrongSpecificationNamesWhatIsWrong() {
    assertThatThrownBy(() -> SandboxOutcomes.parse("131026", 1)).hasMessageContaining("'131026' is not code:percent");
    assertThatThrownBy(() -> SandboxOutcomes.parse("131026:x", 1)).hasMessageContaining("is not code:percent");
    assertThatThrownBy(() -> SandboxOutcomes.parse("131026:60,131049:50", 1)).hasMessageContaining("above 100");
  }

  @Test
  void aRequestTimeCodeIsAnsweredAsAnErrorAndNothingIsReported() {
    RecordedWebhooks webhooks = new RecordedWebhooks();
    SandboxProvider provider = SandboxProvider.over(webhooks, "130429:100", 1, 0);

    SendOutcome outcome = provider.send(message("m-1"));

    assertThat(outcome).isInstanceOf(SendOutcome.Rejected.class);
    assertThat(((SendOutcome.Rejected) outcome).code()).isEqualTo(130429);
    assertThat(((SendOutcome.Rejected) outcome).notProcessed()).isTrue();
    assertThat(webhooks.reports).isEmpty();
  }

  @Test
  void aDeliveryTimeCodeIsAcceptedThenReportedInAFailedStatusWebhook() {
    RecordedWebhooks webhooks = new RecordedWebhooks();
    SandboxProvider provider = SandboxProvider.over(webhooks, "131026:100", 1, 0);

    SendOutcome outcome = provider.send(message("m-2"));

    assertThat(outcome).isInstanceOf(SendOutcome.Accepted.class);
    assertThat(webhooks.reports).containsExactly("m-2:failed:131026");
  }

  @Test
  void aSuccessfulSendIsReportedDeliveredThenRead() {
    RecordedWebhooks webhooks = new RecordedWebhooks();
    SandboxProvider provider = SandboxProvider.over(webhooks, "", 1, 0);

    assertThat(provider.send(message("m-3"))).isInstanceOf(SendOutcome.Accepted.class);
    assertThat(webhooks.reports).containsExactly("m-3:delivered", "m-3:read");
  }

  @Test
  void theFailedStatusBodyCarriesTheErrorCodeWhereMetaPutsIt() {
    String body = SandboxStatusPayload.failed("pn-1", "wamid.X", "6281200000001", "m-4", 131049, "limit",
        java.time.Instant.parse("2026-03-01T09:00:00Z"));

    assertThat(body).contains("\"status\":\"failed\"", "\"errors\":[{\"code\":131049,\"title\":\"limit\"",
        "\"biz_opaque_callback_data\":\"m-4\"", "\"phone_number_id\":\"pn-1\"");
  }

  private static List<Optional<Integer>> rolls(SandboxOutcomes outcomes) {
    return IntStream.range(0, 200).mapToObj(i -> outcomes.failureOf("msg-" + i)).toList();
  }
}
