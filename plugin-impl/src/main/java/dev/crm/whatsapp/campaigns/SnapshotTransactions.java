package dev.crm.whatsapp.campaigns;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.function.Function;

/**
 * Runs one step of a snapshot in a transaction of its own, so that a snapshot of millions is many short
 * transactions, never one long one. Outside the container a test supplies its own.
 */
@ApplicationScoped
public class SnapshotTransactions {

  /** One unit of work. */
  public interface Unit {
    <T> T run(Function<CampaignRepository, T> work);
  }

  @Inject CampaignRepository campaigns;

  @Transactional(TxType.REQUIRES_NEW)
  public <T> T run(Function<CampaignRepository, T> work) {
    return work.apply(campaigns);
  }

  Unit asUnit() {
    return this::run;
  }
}
