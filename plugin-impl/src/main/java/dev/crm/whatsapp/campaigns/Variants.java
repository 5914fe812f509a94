package dev.crm.whatsapp.campaigns;

import dev.crm.whatsapp.api.PhoneNumber;
import dev.crm.whatsapp.platform.errors.ApiException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules of A/B variants and the assignment of a recipient to one. Assignment hashes the campaign id
 * and the phone onto 10,000 buckets laid over the cumulative percentages: the same recipient always gets
 * the same variant in every run of the campaign (retries, recurring runs), and different campaigns split
 * the same people differently.
 */
public final class Variants {
  static final int MAX = 8;
  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]{1,8}");
  private static final int BUCKETS = 10_000;

  private Variants() {}

  /** 422 naming the first broken rule: 2 to 8 variants, unique keys, a template each, percents summing to 100. */
  public static List<Variant> validate(List<Variant> variants) {
    if (variants.size() < 2 || variants.size() > MAX) {
      throw ApiException.invalid("variants", "has 2 to " + MAX + " variants");
    }
    Set<String> keys = new HashSet<>();
    int sum = 0;
    for (int i = 0; i < variants.size(); i++) {
      Variant variant = variants.get(i);
      String at = "variants[" + i + "]";
      if (variant == null) {
        throw ApiException.invalid(at, "is a variant object");
      }
      if (variant.key() == null || !KEY.matcher(variant.key()).matches()) {
        throw ApiException.invalid(at + ".key", "is 1 to 8 letters, digits, '-' or '_'");
      }
      if (!keys.add(variant.key())) {
        throw ApiException.invalid(at + ".key", "is unique among the variants ('" + variant.key() + "' repeats)");
      }
      if (variant.templateId() == null || variant.templateId().isBlank()) {
        throw ApiException.invalid(at + ".templateId", "is required");
      }
      if (variant.percent() == null || variant.percent() < 1 || variant.percent() > 99) {
        throw ApiException.invalid(at + ".percent", "is a whole number from 1 to 99");
      }
      sum += variant.percent();
    }
    if (sum != 100) {
      throw ApiException.invalid("variants", "percents add up to 100 (they add up to " + sum + ")");
    }
    return List.copyOf(variants);
  }

  /** The variant this recipient gets; always the same for the same campaign and phone. */
  public static Variant assign(List<Variant> variants, String campaignId, PhoneNumber phone) {
    int bucket = bucket(campaignId, phone);
    int upTo = 0;
    for (Variant variant : variants) {
      upTo += variant.percent() * (BUCKETS / 100);
      if (bucket < upTo) {
        return variant;
      }
    }
    return variants.get(variants.size() - 1);
  }

  static int bucket(String campaignId, PhoneNumber phone) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest((campaignId + "|" + phone.e164()).getBytes(StandardCharsets.UTF_8));
      return (int) Long.remainderUnsigned(ByteBuffer.wrap(digest).getLong(), BUCKETS);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
