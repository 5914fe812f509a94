package dev.crm.whatsapp.accounts;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;

/** Once a minute: see {@link SenderHealth}. */
@Singleton
public class SenderHealthPoller {

  @Inject SenderHealth health;

  @Schedule(minute = "*", hour = "*", persistent = false)
  void refresh() {
    health.refreshAll();
  }
}
