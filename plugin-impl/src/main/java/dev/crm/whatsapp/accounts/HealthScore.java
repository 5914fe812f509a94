package dev.crm.whatsapp.accounts;

/**
 * A sender number's health from 0 to 100, from its provider calls of the last hour (seed 002's weights):
 * success rate (40 points: accepted ÷ calls), error rate (30: refused by the provider ÷ calls),
 * latency (15: full marks up to 1 s a call, none from 5 s) and connectivity (15: calls that reached the
 * provider ÷ calls; without calls, the last connection test). A refusal the message was later retried
 * after still counts against the number. Healthy at 70 and above, critical below 30.
 *
 * @param accepted calls the provider accepted
 * @param refused calls the provider refused with an error
 * @param unreached calls that never reached it or whose answer never came
 * @param averageLatencyMillis mean time of an answered call; {@code null} when unknown
 * @param lastConnectionOk the last connection test's result; {@code null} when never tested
 */
public record HealthScore(long accepted, long refused, long unreached, Long averageLatencyMillis,
    Boolean lastConnectionOk) {
  public static final int HEALTHY = 70;
  public static final int CRITICAL = 30;

  /** The score; a number without calls keeps full success and error marks. */
  public int score() {
    long calls = accepted + refused + unreached;
    double success = calls == 0 ? 1.0 : (double) accepted / calls;
    double errorRate = calls == 0 ? 0.0 : (double) refused / calls;
    double latency = averageLatencyMillis == null ? 1.0
        : clamp(1.0 - (averageLatencyMillis - 1000.0) / 4000.0);
    double connectivity = calls > 0 ? (double) (accepted + refused) / calls
        : lastConnectionOk == null || lastConnectionOk ? 1.0 : 0.0;
    return (int) Math.round(40 * success + 30 * (1.0 - errorRate) + 15 * latency + 15 * connectivity);
  }

  public static boolean isHealthy(int score) {
    return score >= HEALTHY;
  }

  public static boolean isCritical(int score) {
    return score < CRITICAL;
  }

  /** healthy, degraded or critical. */
  public static String level(int score) {
    return isHealthy(score) ? "healthy" : isCritical(score) ? "critical" : "degraded";
  }

  private static double clamp(double value) {
    return Math.max(0.0, Math.min(1.0, value));
  }
}
