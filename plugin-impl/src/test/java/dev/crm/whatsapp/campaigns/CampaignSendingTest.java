package dev.crm.whatsapp.campaigns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crm.whatsapp.platform.errors.ApiException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A campaign's own sender number and retry schedule, as a caller writes them. */
class CampaignSendingTest {

  @Test
  void aRetryScheduleIsKeptInItsCanonicalFormAndShownBackAsAList() {
    CampaignSending sending = CampaignSending.of(" account-1 ",
        new CampaignSending.Retry(List.of("PT60S", "pt5m"), 3));

    assertThat(sending.senderAccountId()).isEqualTo("account-1");
    assertThat(sending.retryBackoff()).isEqualTo("PT1M,PT5M");
    assertThat(sending.retry()).isEqualTo(new CampaignSending.Retry(List.of("PT1M", "PT5M"), 3));
  }

  @Test
  void withoutARetryScheduleTheInstallationsApplies() {
    assertThat(CampaignSending.of(null, null).retry()).isNull();
  }

  @Test
  void aWaitThatIsNotADurationIsRefusedNamingItsPlace() {
    assertThatThrownBy(() -> CampaignSending.of(null, new CampaignSending.Retry(List.of("PT30S", "soon"), null)))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.body().field()).isEqualTo("retry.backoff[1]"));
  }

  @Test
  void aWaitLongerThanADayIsRefused() {
    assertThatThrownBy(() -> CampaignSending.of(null, new CampaignSending.Retry(List.of("P2D"), null)))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.body().field()).isEqualTo("retry.backoff[0]"));
  }

  @Test
  void attemptsAreBetweenOneAndTen() {
    assertThatThrownBy(() -> CampaignSending.of(null, new CampaignSending.Retry(null, 0)))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.body().field()).isEqualTo("retry.maxAttempts"));
    assertThatThrownBy(() -> CampaignSending.of(null, new CampaignSending.Retry(null, 11)))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.body().field()).isEqualTo("retry.maxAttempts"));
  }
}
