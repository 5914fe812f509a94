package dev.crm.whatsapp.dispatch;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;

/** Once a minute, on every instance (the update is idempotent): see {@link UnresolvedSends}. */
@Singleton
public class UnresolvedSendsSweeper {

  @Inject UnresolvedSends unresolved;

  @Schedule(minute = "*", hour = "*", persistent = false)
  void sweep() {
    unresolved.markUnknown();
  }
}
