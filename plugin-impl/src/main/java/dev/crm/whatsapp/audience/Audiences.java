package dev.crm.whatsapp.audience;

import dev.crm.whatsapp.api.PhoneNumber;
import dev.crm.whatsapp.api.TenantId;
import dev.crm.whatsapp.api.host.Lead;
import dev.crm.whatsapp.api.host.LeadDirectory;
import dev.crm.whatsapp.api.host.Range;
import dev.crm.whatsapp.platform.PhoneNormaliser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Resolves an audience over the host's leads, one lead at a time from {@link LeadDirectory#select}'s stream
 * (never the whole audience in memory), leaving out leads without a valid phone and every phone an
 * {@link AudienceExclusion} refuses, each counted by reason.
 */
@ApplicationScoped
public class Audiences {

  /** How many an audience reaches, what was left out and why, and the first few reached. */
  public record Preview(long count, Map<String, Long> excluded, List<Candidate> sample) {}

  public static final String NO_PHONE = "no_phone";
  public static final String INVALID_PHONE = "invalid_phone";

  @Inject LeadDirectory directory;
  @Inject PhoneNormaliser phones;
  @Inject Instance<AudienceExclusion> exclusions;

  public static Audiences over(LeadDirectory directory, PhoneNormaliser phones, List<AudienceExclusion> exclusions) {
    Audiences audiences = new Audiences();
    audiences.directory = directory;
    audiences.phones = phones;
    audiences.fixedExclusions = List.copyOf(exclusions);
    return audiences;
  }

  private List<AudienceExclusion> fixedExclusions;

  public Preview preview(TenantId tenant, AudienceSpec spec, int sampleSize) {
    List<Candidate> sample = new ArrayList<>();
    Map<String, Long> excluded = new TreeMap<>();
    long[] count = {0};
    resolve(tenant, spec, candidate -> {
      if (sample.size() < sampleSize) {
        sample.add(candidate);
      }
      count[0]++;
    }, reason -> excluded.merge(reason, 1L, Long::sum));
    return new Preview(count[0], excluded, sample);
  }

  /** Every candidate of a leads audience in the directory's order, and every exclusion's reason. */
  public void resolve(TenantId tenant, AudienceSpec spec, Consumer<Candidate> reached, Consumer<String> left) {
    try (Stream<Lead> leads = directory.select(tenant, spec.criteria(), Range.ALL)) {
      leads.forEach(lead -> {
        if (lead.phone() == null || lead.phone().isBlank()) {
          left.accept(NO_PHONE);
          return;
        }
        Optional<PhoneNumber> phone = phones.normalise(lead.phone());
        if (phone.isEmpty()) {
          left.accept(INVALID_PHONE);
          return;
        }
        Optional<String> reason = excluded(tenant, phone.get());
        if (reason.isPresent()) {
          left.accept(reason.get());
          return;
        }
        reached.accept(new Candidate(lead.id().value(), lead.displayName(), phone.get(), lead.timeZone(), null, lead));
      });
    }
  }

  /** The first exclusion's reason for this phone, if any. */
  public Optional<String> excluded(TenantId tenant, PhoneNumber phone) {
    Iterable<AudienceExclusion> all = fixedExclusions != null ? fixedExclusions : exclusions;
    for (AudienceExclusion exclusion : all) {
      Optional<String> reason = exclusion.excludes(tenant, phone);
      if (reason.isPresent()) {
        return reason;
      }
    }
    return Optional.empty();
  }
}
