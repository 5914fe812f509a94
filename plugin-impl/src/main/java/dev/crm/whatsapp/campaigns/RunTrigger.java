package dev.crm.whatsapp.campaigns;

/**
 * What started a campaign's run. A scheduled run is started by the EJB timer armed for it; the catch-up
 * poll starts one only when no timer did within {@link CampaignRunner#TIMER_GRACE} of its time (the
 * instance that armed it died), so an admin can tell a schedule that worked from one that was rescued.
 */
public enum RunTrigger {
  /** A user launched it now. */
  LAUNCH,
  /** The schedule's EJB timer (also at start, for a run missed while the server was down). */
  TIMER,
  /** The every-five-seconds poll, after no timer started a due run. */
  CATCH_UP
}
