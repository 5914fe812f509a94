package dev.crm.whatsapp.conversion;

import dev.crm.whatsapp.api.events.LeadConverted;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.ZoneOffset;

/** Records the conversions an embedding host fires as {@link LeadConverted} CDI events. */
@ApplicationScoped
public class LeadConvertedObserver {

  @Inject Conversions conversions;

  @Transactional
  public void onConverted(@Observes LeadConverted event) {
    conversions.record(event.tenant(), event.lead(), event.customer(), event.convertedAt().atOffset(ZoneOffset.UTC),
        Conversion.Source.EVENT);
  }
}
