package dev.crm.whatsapp.conversion;

import dev.crm.whatsapp.api.CustomerId;
import dev.crm.whatsapp.api.LeadId;
import dev.crm.whatsapp.api.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.OffsetDateTime;

/**
 * Records a reported conversion in a transaction of its own, so that two reports of the same customer
 * racing each other end as one record and two answers: the loser's insert fails on the unique index at
 * commit, and it then reads the winner's record.
 */
@ApplicationScoped
public class ConversionRecorder {

  @Inject Conversions conversions;

  public Conversions.Recorded record(TenantId tenant, LeadId lead, CustomerId customer, OffsetDateTime at,
      Conversion.Source source) {
    try {
      return self().recordAlone(tenant, lead, customer, at, source);
    } catch (RuntimeException raced) {
      return self().onFile(tenant, customer).orElseThrow(() -> raced);
    }
  }

  @Transactional(TxType.REQUIRES_NEW)
  public Conversions.Recorded recordAlone(TenantId tenant, LeadId lead, CustomerId customer, OffsetDateTime at,
      Conversion.Source source) {
    return conversions.record(tenant, lead, customer, at, source);
  }

  @Transactional(TxType.REQUIRES_NEW)
  public java.util.Optional<Conversions.Recorded> onFile(TenantId tenant, CustomerId customer) {
    return conversions.ofCustomer(tenant, customer).map(c -> new Conversions.Recorded(c, false));
  }

  @Inject ConversionRecorder proxy;

  private ConversionRecorder self() {
    return proxy;
  }
}
