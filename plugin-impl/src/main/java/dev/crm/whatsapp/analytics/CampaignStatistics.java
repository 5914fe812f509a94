package dev.crm.whatsapp.analytics;

import dev.crm.whatsapp.analytics.StatsView.ErrorView;
import dev.crm.whatsapp.analytics.StatsView.FailedSample;
import dev.crm.whatsapp.analytics.StatsView.Point;
import dev.crm.whatsapp.analytics.StatsView.SenderView;
import dev.crm.whatsapp.analytics.StatsView.Timeline;
import dev.crm.whatsapp.analytics.StatsView.VariantView;
import dev.crm.whatsapp.api.PhoneNumber;
import dev.crm.whatsapp.api.TenantId;
import dev.crm.whatsapp.dispatch.ErrorPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A campaign's statistics from its counters: two small reads of counter rows, one for the conversions and
 * one sample of failed recipients per error code; never a scan of the recipients.
 */
@ApplicationScoped
public class CampaignStatistics {
  static final int ERROR_CODES_SHOWN = 10;
  static final int SAMPLE_SIZE = 5;

  @PersistenceContext(unitName = "whatsapp")
  EntityManager em;

  public static CampaignStatistics over(EntityManager em) {
    CampaignStatistics statistics = new CampaignStatistics();
    statistics.em = em;
    return statistics;
  }

  /**
   * The statistics of the tenant's campaign, of run {@code run} when given, else of every run (a draft:
   * its list, run 0; a launched campaign: runs 1 and on, run 0 being only the uploaded list they copy).
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<StatsView> stats(TenantId tenant, String id, TimeBucket bucket, Integer run) {
    return CampaignRow.find(em, tenant, id).map(campaign -> {
      Predicate<Integer> inRuns = run != null ? r -> r.equals(run)
          : campaign.runNo() == 0 ? r -> r == 0 : r -> r > 0;
      List<StatRows.Count> counts = StatRows.counts(em, id).stream().filter(c -> inRuns.test(c.runNo())).toList();
      List<StatRows.Hour> hours = StatRows.hours(em, id).stream().filter(h -> inRuns.test(h.runNo())).toList();
      return view(campaign, counts, hours, bucket, run, inRuns);
    });
  }

  private StatsView view(CampaignRow campaign, List<StatRows.Count> counts, List<StatRows.Hour> hours,
      TimeBucket bucket, Integer run, Predicate<Integer> inRuns) {
    StatusCounts all = sum(counts);
    EventSums events = hours.stream().map(StatRows.Hour::events).reduce(EventSums.ZERO, EventSums::plus);
    long conversions = conversions(campaign.id());
    return new StatsView(campaign.id(), campaign.status(), all.total(), all.json(events.responded()),
        Rates.of(events, all.get(StatusCounts.Status.FAILED), all.attempted(), conversions),
        errors(campaign.id(), counts, run, campaign.runNo()), timeline(hours, bucket, campaign),
        hourlyDistribution(hours, campaign), senders(campaign, hours), variants(campaign, counts, hours),
        events.averageSecondsToDelivered(), events.averageSecondsToRead());
  }

  private static StatusCounts sum(List<StatRows.Count> counts) {
    StatusCounts sum = new StatusCounts();
    counts.forEach(c -> sum.add(c.status(), c.n()));
    return sum;
  }

  private long conversions(String campaignId) {
    return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM wa_conversion WHERE attributed_campaign_id = ?")
        .setParameter(1, campaignId).getSingleResult()).longValue();
  }

  private List<ErrorView> errors(String campaignId, List<StatRows.Count> counts, Integer run, int currentRun) {
    Map<Integer, Long> byCode = counts.stream().filter(c -> "FAILED".equals(c.status()))
        .collect(Collectors.groupingBy(StatRows.Count::errorCode, Collectors.summingLong(StatRows.Count::n)));
    return byCode.entrySet().stream().filter(e -> e.getValue() > 0)
        .sorted(Map.Entry.<Integer, Long>comparingByValue().reversed()).limit(ERROR_CODES_SHOWN)
        .map(e -> {
          Integer code = e.getKey() == 0 ? null : e.getKey();
          String meaning = code == null ? "failed before a send, or no error code was given"
              : ErrorPolicy.forCode(code).meaning();
          return new ErrorView(code, meaning, e.getValue(), sample(campaignId, code, run, currentRun));
        }).toList();
  }

  private List<FailedSample> sample(String campaignId, Integer code, Integer run, int currentRun) {
    String runFilter = run != null ? " AND run_no = " + run.intValue() : currentRun == 0 ? " AND run_no = 0" : " AND run_no > 0";
    var query = em.createNativeQuery("SELECT id, lead_id, phone, error_message FROM wa_campaign_recipient"
        + " WHERE campaign_id = ? AND status = 'FAILED'" + runFilter
        + (code == null ? " AND error_code IS NULL" : " AND error_code = ?") + " FETCH FIRST " + SAMPLE_SIZE
        + " ROWS ONLY").setParameter(1, campaignId);
    if (code != null) {
      query.setParameter(2, code);
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows = query.getResultList();
    return rows.stream().map(r -> new FailedSample((String) r[0], (String) r[1],
        PhoneNumber.of((String) r[2]).masked(), (String) r[3])).toList();
  }

  private static Timeline timeline(List<StatRows.Hour> hours, TimeBucket bucket, CampaignRow campaign) {
    Map<java.time.Instant, EventSums> points = new TreeMap<>();
    hours.forEach(h -> points.merge(bucket.start(h.hour(), campaign.zone()), h.events(), EventSums::plus));
    List<Point> list = new ArrayList<>();
    points.forEach((at, e) -> list.add(new Point(bucket.at(at, campaign.zone()), e.sent(), e.delivered(), e.read(),
        e.failed())));
    return new Timeline(bucket.wireName(), list);
  }

  /** Messages sent in each hour of the day (0 to 23, in the campaign's time zone). */
  private static List<Long> hourlyDistribution(List<StatRows.Hour> hours, CampaignRow campaign) {
    long[] byHour = new long[24];
    hours.forEach(h -> byHour[h.hour().atZone(campaign.zone()).getHour()] += h.events().sent());
    List<Long> list = new ArrayList<>(24);
    for (long n : byHour) {
      list.add(n);
    }
    return list;
  }

  private List<SenderView> senders(CampaignRow campaign, List<StatRows.Hour> hours) {
    Map<String, EventSums> bySender = new TreeMap<>();
    hours.stream().filter(h -> !h.senderId().isEmpty())
        .forEach(h -> bySender.merge(h.senderId(), h.events(), EventSums::plus));
    Map<String, Object[]> accounts = SenderNames.of(em, campaign.tenant(), bySender.keySet());
    List<SenderView> list = new ArrayList<>();
    bySender.forEach((sender, e) -> {
      Object[] account = accounts.getOrDefault(sender, new Object[] {null, null});
      list.add(new SenderView(sender, (String) account[0], (String) account[1], e.sent(), e.delivered(), e.read(),
          e.failed()));
    });
    list.sort(Comparator.comparingLong(SenderView::sent).reversed());
    return list;
  }

  private List<VariantView> variants(CampaignRow campaign, List<StatRows.Count> counts, List<StatRows.Hour> hours) {
    Map<String, List<StatRows.Count>> countsBy = counts.stream().filter(c -> !c.variant().isEmpty())
        .collect(Collectors.groupingBy(StatRows.Count::variant, TreeMap::new, Collectors.toList()));
    List<VariantView> list = new ArrayList<>();
    countsBy.forEach((key, rows) -> {
      StatusCounts c = sum(rows);
      EventSums e = hours.stream().filter(h -> h.variant().equals(key)).map(StatRows.Hour::events)
          .reduce(EventSums.ZERO, EventSums::plus);
      // Conversions are attributed to campaigns, not variants: the variant's conversion rate stays null.
      list.add(new VariantView(key, campaign.variantTemplates().get(key), c.json(e.responded()),
          Rates.of(e, c.get(StatusCounts.Status.FAILED), c.attempted(), 0).withoutConversion()));
    });
    return list;
  }
}
