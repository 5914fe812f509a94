package dev.crm.whatsapp.campaigns;

import dev.crm.whatsapp.accounts.SenderPaused;
import dev.crm.whatsapp.accounts.SenderRouter;
import dev.crm.whatsapp.api.TenantId;
import dev.crm.whatsapp.dispatch.CampaignCannotSend;
import dev.crm.whatsapp.providers.Providers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Campaigns stop with the numbers they send from, with the reason shown on the campaign: when a number is
 * paused (a quality, restriction or token error, a gateway session lost) and the tenant has no other usable
 * number, its running campaigns pause; so does a campaign whose message found no usable number at all. A
 * paused campaign's messages already made are held, not failed; once an admin makes a number usable again,
 * resuming the campaign sends them.
 */
@ApplicationScoped
@Transactional
public class CampaignSenderStops {

  @Inject CampaignRepository campaigns;
  @Inject Providers providers;
  @Inject SenderRouter router;
  @Inject Clock clock;

  void senderPaused(@Observes SenderPaused paused) {
    TenantId tenant = TenantId.of(paused.tenant());
    router.forget(paused.tenant()); // read the numbers again, this pause included
    if (providers.route(tenant, Optional.empty()).isPresent()) {
      return; // another number takes the sends over; the campaign notes the failover when it happens
    }
    String reason = "sender number " + paused.name() + " paused: " + paused.reason();
    campaigns.inStatus(List.of(CampaignStatus.RUNNING)).stream()
        .filter(c -> c.tenant().equals(tenant))
        .forEach(c -> pause(c.id(), reason));
  }

  void cannotSend(@Observes CampaignCannotSend stop) {
    pause(stop.campaignId(), stop.reason());
  }

  private void pause(String campaignId, String reason) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    campaigns.lock(campaignId).filter(c -> c.status() == CampaignStatus.RUNNING)
        .ifPresent(c -> c.moveTo(CampaignStatus.PAUSED, "pause", reason, now));
  }
}
