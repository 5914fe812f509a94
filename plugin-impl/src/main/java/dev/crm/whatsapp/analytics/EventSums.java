package dev.crm.whatsapp.analytics;

/**
 * What happened to messages, summed over some hour rows: how many reached sent, delivered (a read with no
 * delivery report counts as delivered), read, failed and were answered, and the summed seconds from sent
 * to delivered and to read over the messages whose sent time was known.
 */
public record EventSums(long sent, long delivered, long read, long failed, long responded,
    long deliveredSeconds, long deliveredTimed, long readSeconds, long readTimed) {

  public static final EventSums ZERO = new EventSums(0, 0, 0, 0, 0, 0, 0, 0, 0);

  /** From the nine summed columns of a query, starting at {@code from}. */
  static EventSums of(Object[] row, int from) {
    long[] v = new long[9];
    for (int i = 0; i < 9; i++) {
      v[i] = row[from + i] == null ? 0 : ((Number) row[from + i]).longValue();
    }
    return new EventSums(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8]);
  }

  public EventSums plus(EventSums o) {
    return new EventSums(sent + o.sent, delivered + o.delivered, read + o.read, failed + o.failed,
        responded + o.responded, deliveredSeconds + o.deliveredSeconds, deliveredTimed + o.deliveredTimed,
        readSeconds + o.readSeconds, readTimed + o.readTimed);
  }

  public Double averageSecondsToDelivered() {
    return deliveredTimed == 0 ? null : (double) deliveredSeconds / deliveredTimed;
  }

  public Double averageSecondsToRead() {
    return readTimed == 0 ? null : (double) readSeconds / readTimed;
  }
}
