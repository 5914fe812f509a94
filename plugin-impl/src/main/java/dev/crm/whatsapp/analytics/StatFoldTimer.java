package dev.crm.whatsapp.analytics;

import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Folds the statistics deltas every few seconds, until none is left (several batches after a burst). */
@Singleton
@DependsOn("DatabaseMigrations") // no tick before the tables exist
public class StatFoldTimer {
  private static final Logger LOG = Logger.getLogger(StatFoldTimer.class.getName());
  /** Enough batches to catch up with 1,000 changes a second, few enough to end before the next tick. */
  static final int MAX_BATCHES = 10;

  @Inject StatFolder folder;

  @Schedule(second = "*/5", minute = "*", hour = "*", persistent = false)
  void fold() {
    try {
      for (int i = 0; i < MAX_BATCHES && folder.foldOnce() == StatFolder.BATCH; i++) {
        // a full batch: there may be more
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Folding statistics failed; the deltas stay and are read as they are", e);
    }
  }
}
