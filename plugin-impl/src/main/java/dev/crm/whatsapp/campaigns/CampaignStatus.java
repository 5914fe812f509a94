package dev.crm.whatsapp.campaigns;

import dev.crm.whatsapp.platform.errors.ApiException;
import jakarta.ws.rs.core.Response.Status;
import java.util.EnumSet;
import java.util.Set;

/**
 * A campaign's life: draft → scheduled → running ⇄ paused → completed, with cancelled and failed as other
 * ends. A recurring campaign goes back from running to scheduled when a run finishes.
 */
public enum CampaignStatus {
  DRAFT, SCHEDULED, RUNNING, PAUSED, COMPLETED, CANCELLED, FAILED;

  /** The statuses this one may move to. */
  public Set<CampaignStatus> next() {
    switch (this) {
      case DRAFT:
        return EnumSet.of(SCHEDULED, RUNNING);
      case SCHEDULED:
        return EnumSet.of(DRAFT, RUNNING, CANCELLED, FAILED);
      case RUNNING:
        return EnumSet.of(PAUSED, COMPLETED, SCHEDULED, CANCELLED, FAILED);
      case PAUSED:
        return EnumSet.of(RUNNING, CANCELLED, FAILED);
      case COMPLETED:
        // only retry-failed reopens a completed campaign, for a new run of its retryable failures
        return EnumSet.of(RUNNING);
      default:
        return EnumSet.noneOf(CampaignStatus.class);
    }
  }

  public boolean canMoveTo(CampaignStatus target) {
    return next().contains(target);
  }

  /** An end: completed, cancelled or failed. */
  public boolean isFinal() {
    return this == COMPLETED || this == CANCELLED || this == FAILED;
  }

  /** Refuses (409, naming the current status) a move that is not a legal transition. */
  public void requireMoveTo(CampaignStatus target, String action) {
    if (!canMoveTo(target)) {
      throw illegal(action);
    }
  }

  public ApiException illegal(String action) {
    return new ApiException(Status.CONFLICT, "illegal_transition", "status",
        "cannot " + action + " a campaign that is " + name().toLowerCase());
  }
}
