package dev.crm.whatsapp.campaigns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crm.whatsapp.api.TenantId;
import dev.crm.whatsapp.platform.errors.ApiException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every pair of statuses: the legal moves succeed, every other move is a 409 naming the current status. */
class CampaignStatusTest {
  private static final OffsetDateTime T0 = OffsetDateTime.parse("2026-03-01T10:00:00Z");

  private static final Set<String> LEGAL = Set.of(
      "DRAFT>SCHEDULED", "DRAFT>RUNNING",
      "SCHEDULED>DRAFT", "SCHEDULED>RUNNING", "SCHEDULED>CANCELLED", "SCHEDULED>FAILED",
      "RUNNING>PAUSED", "RUNNING>COMPLETED", "RUNNING>SCHEDULED", "RUNNING>CANCELLED", "RUNNING>FAILED",
      "PAUSED>RUNNING", "PAUSED>CANCELLED", "PAUSED>FAILED", "COMPLETED>RUNNING");

  static Stream<Arguments> everyPair() {
    return EnumSet.allOf(CampaignStatus.class).stream()
        .flatMap(from -> EnumSet.allOf(CampaignStatus.class).stream().map(to -> Arguments.of(from, to)));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("everyPair")
  void onlyListedTransitionsAreLegal(CampaignStatus from, CampaignStatus to) {
    Campaign campaign = campaignIn(from);
    if (LEGAL.contains(from + ">" + to)) {
      campaign.moveTo(to, "move", null, T0.plusMinutes(1));
      assertThat(campaign.status()).isEqualTo(to);
    } else {
      assertThatThrownBy(() -> campaign.moveTo(to, "move", null, T0.plusMinutes(1)))
          .isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(409);
            assertThat(e.getMessage()).contains(from.name().toLowerCase());
          });
      assertThat(campaign.status()).isEqualTo(from);
    }
  }

  @ParameterizedTest(name = "edit while {0}")
  @MethodSource("statuses")
  void onlyDraftsAndScheduledCampaignsCanBeEdited(CampaignStatus status) {
    Campaign campaign = campaignIn(status);
    if (status == CampaignStatus.DRAFT || status == CampaignStatus.SCHEDULED) {
      campaign.update(settings("renamed"), T0);
      assertThat(campaign.name()).isEqualTo("renamed");
    } else {
      assertThatThrownBy(() -> campaign.update(settings("renamed"), T0))
          .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(409));
    }
  }

  static Stream<CampaignStatus> statuses() {
    return EnumSet.allOf(CampaignStatus.class).stream();
  }

  @org.junit.jupiter.api.Test
  void endingARunStampsCompletionAndClearsTheNextRun() {
    Campaign campaign = campaignIn(CampaignStatus.RUNNING);
    campaign.scheduleNext(T0.plusDays(1));
    campaign.moveTo(CampaignStatus.COMPLETED, "complete", null, T0.plusHours(1));
    assertThat(campaign.completedAt()).contains(T0.plusHours(1));
    assertThat(campaign.nextRunAt()).isEmpty();
    assertThat(campaign.startedAt()).isPresent();
  }

  /** A campaign brought to {@code status} along legal moves only. */
  static Campaign campaignIn(CampaignStatus status) {
    Campaign campaign = Campaign.draft(TenantId.of("t1"), settings("Spring sale"), "rep", T0);
    switch (status) {
      case DRAFT:
        break;
      case SCHEDULED:
        campaign.moveTo(CampaignStatus.SCHEDULED, "schedule", null, T0);
        break;
      case RUNNING:
      case COMPLETED:
      case PAUSED:
      case CANCELLED:
      case FAILED:
        campaign.moveTo(CampaignStatus.RUNNING, "launch", null, T0);
        if (status != CampaignStatus.RUNNING) {
          campaign.moveTo(status, "end", null, T0);
        }
        break;
      default:
        throw new IllegalArgumentException(status.name());
    }
    return campaign;
  }

  static CampaignSettings settings(String name) {
    return new CampaignSettings(name, null, "template-1", null, null, Schedule.now(ZoneId.of("UTC")), 100,
        null, false);
  }
}
