package dev.crm.whatsapp.analytics;

/**
 * The rates of docs/analytics.md, each between 0 and 1, or null when its base is zero: delivery =
 * delivered ÷ sent (read counts as delivered); read = read ÷ delivered; response = replied ÷ delivered;
 * failure = failed ÷ attempted; conversion = conversions ÷ delivered.
 */
public record Rates(Double delivery, Double read, Double response, Double failure, Double conversion) {

  public static Rates of(EventSums events, long failed, long attempted, long conversions) {
    return new Rates(ratio(events.delivered(), events.sent()), ratio(events.read(), events.delivered()),
        ratio(events.responded(), events.delivered()), ratio(failed, attempted),
        ratio(conversions, events.delivered()));
  }

  /** Rates over events alone (analytics across campaigns): failure = failed ÷ (sent + failed). */
  public static Rates ofEvents(EventSums events, long conversions) {
    return new Rates(ratio(events.delivered(), events.sent()), ratio(events.read(), events.delivered()),
        ratio(events.responded(), events.delivered()), ratio(events.failed(), events.sent() + events.failed()),
        ratio(conversions, events.delivered()));
  }

  public Rates withoutConversion() {
    return new Rates(delivery, read, response, failure, null);
  }

  static Double ratio(long part, long whole) {
    return whole == 0 ? null : Math.min(1.0, (double) part / whole);
  }
}
