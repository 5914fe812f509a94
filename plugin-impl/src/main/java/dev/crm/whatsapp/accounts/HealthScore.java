package dev.crm.whatsapp.accounts;

/**
 * A sender number's health from 0 to 100, from its recent sends: success rate (40 points), error rate
 * (30), provider latency (15; full marks up to 1 s, none from 5 s) and connectivity (15; the last
 * connection test or send reached the provider). Healthy at 70 and above, critical below 30.
 *
 * @param attempts sends with a known outcome in the window
 * @param succeeded of which accepted
 * @param errors of which refused with an error code
 * @param averageLatencyMillis mean time from claim to the provider's answer; {@code null} when unknown
 * @param connected whether the provider was reachable at last contact; {@code null} when never contacted
 */
public record HealthScore(long attempts, long succeeded, long errors, Long averageLatencyMillis, Boolean connected) {
  public static final int HEALTHY = 70;
  public static final int CRITICAL = 30;

  /** The score; a number without traffic keeps full success and error marks. */
  public int score() {
    double success = attempts == 0 ? 1.0 : (double) succeeded / attempts;
    double errorRate = attempts == 0 ? 0.0 : (double) errors / attempts;
    double latency = averageLatencyMillis == null ? 1.0
        : clamp(1.0 - (averageLatencyMillis - 1000.0) / 4000.0);
    double connectivity = connected == null || connected ? 1.0 : 0.0;
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
