package dev.crm.whatsapp.analytics;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Recipients by status, as the stats JSON shows them (lower-case keys, every status present). */
public final class StatusCounts {
  /** The recipient statuses, in the order of the JSON. */
  public enum Status { PENDING, QUEUED, SENDING, SENT, DELIVERED, READ, FAILED, OPTED_OUT, SKIPPED, UNKNOWN }

  private final Map<Status, Long> counts = new EnumMap<>(Status.class);

  public StatusCounts add(String status, long n) {
    counts.merge(Status.valueOf(status), n, Long::sum);
    return this;
  }

  public long get(Status status) {
    return counts.getOrDefault(status, 0L);
  }

  public long total() {
    return counts.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Recipients whose message went to the provider, or failed trying: the base of the failure rate. */
  public long attempted() {
    return get(Status.SENT) + get(Status.DELIVERED) + get(Status.READ) + get(Status.FAILED) + get(Status.UNKNOWN);
  }

  /** Recipients with nothing left to happen to them in their run. */
  public long done() {
    return attempted() + get(Status.OPTED_OUT) + get(Status.SKIPPED);
  }

  /** The JSON object, with {@code responded} (a count of events, not a status) last. */
  public Map<String, Long> json(long responded) {
    Map<String, Long> json = new LinkedHashMap<>();
    for (Status status : Status.values()) {
      json.put(status.name().toLowerCase(Locale.ROOT), get(status));
    }
    json.put("responded", responded);
    return json;
  }
}
