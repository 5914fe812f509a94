package dev.crm.whatsapp.dispatch;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;

/** Every two seconds: see {@link DueRetries}. */
@Singleton
public class DueRetriesPoller {

  @Inject DueRetries retries;

  @Schedule(second = "*/2", minute = "*", hour = "*", persistent = false)
  void poll() {
    retries.publishDue();
  }
}
