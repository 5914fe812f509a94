package dev.crm.whatsapp.providers.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which sandbox sends fail, and with which Cloud API error code: {@code wa.sandbox.outcomes}, e.g.
 * {@code 131026:2,131049:1,130429:1}, percent of sends per code; the rest succeed. The choice for one send
 * is a hash of the seed, the send's own id (its callback data) and its attempt, so the same seed gives the
 * same outcomes whatever the order or concurrency of sends, while a retried message rolls again.
 */
public final class SandboxOutcomes {

  /**
   * The codes Meta accepts a request for and reports later in a {@code failed} status webhook
   * ({@code statuses[].errors[].code}); every other code is answered at once as an error response.
   */
  static final Set<Integer> REPORTED_BY_WEBHOOK = Set.of(131026, 131047, 131048, 131049, 131050, 131053);

  /** One code and how often it happens. */
  record Share(int code, double percent) {}

  private final List<Share> shares;
  private final long seed;

  private SandboxOutcomes(List<Share> shares, long seed) {
    this.shares = List.copyOf(shares);
    this.seed = seed;
  }

  /**
   * @param spec {@code code:percent} pairs separated by commas; blank for no failures
   * @throws IllegalArgumentException naming the pair that is wrong, or when the percents exceed 100
   */
  public static SandboxOutcomes parse(String spec, long seed) {
    List<Share> shares = new ArrayList<>();
    double total = 0;
    if (spec != null && !spec.isBlank()) {
      for (String pair : spec.split(",")) {
        String[] parts = pair.trim().split(":");
        try {
          Share share = new Share(Integer.parseInt(parts[0].trim()), Double.parseDouble(parts[1].trim()));
          if (parts.length != 2 || share.percent() < 0) {
            throw new IllegalArgumentException();
          }
          shares.add(share);
          total += share.percent();
        } catch (RuntimeException bad) {
          throw new IllegalArgumentException("wa.sandbox.outcomes: '" + pair.trim() + "' is not code:percent");
        }
      }
    }
    if (total > 100.0) {
      throw new IllegalArgumentException("wa.sandbox.outcomes: the percents add up to " + total + ", above 100");
    }
    return new SandboxOutcomes(shares, seed);
  }

  /** The error code the first attempt of send {@code sendId} fails with; empty when it succeeds. */
  public Optional<Integer> failureOf(String sendId) {
    return failureOf(sendId, 0);
  }

  /** The error code attempt {@code attempt} (from 0) of send {@code sendId} fails with; empty when it succeeds. */
  public Optional<Integer> failureOf(String sendId, int attempt) {
    double roll = roll(sendId, attempt) * 100.0;
    double upTo = 0;
    for (Share share : shares) {
      upTo += share.percent();
      if (roll < upTo) {
        return Optional.of(share.code());
      }
    }
    return Optional.empty();
  }

  /** True when Meta reports {@code code} in a failed status webhook rather than answering the request with it. */
  public static boolean reportedByWebhook(int code) {
    return REPORTED_BY_WEBHOOK.contains(code);
  }

  /** A uniform value in [0, 1) from the seed and the id (SplitMix64 finaliser over both). */
  private double roll(String sendId, int attempt) {
    long z = seed * 0x9E3779B97F4A7C15L + sendId.hashCode() * 31L + attempt;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    z = z ^ (z >>> 31);
    return (z >>> 11) * 0x1.0p-53;
  }
}
