package dev.crm.whatsapp.analytics;

import dev.crm.whatsapp.api.TenantId;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseBroadcaster;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One progress broadcast per watched campaign: however many listen, the progress is read once a second
 * and sent to all; the ticking stops when the last listener leaves, and the streams close when the
 * campaign ends.
 */
@ApplicationScoped
public class ProgressStreams {
  private static final Logger LOG = Logger.getLogger(ProgressStreams.class.getName());

  @Resource ManagedScheduledExecutorService scheduler;
  @Inject CampaignProgress progress;

  private final Map<String, Broadcast> broadcasts = new ConcurrentHashMap<>();

  /** Adds a listener to the campaign's broadcast (the caller checked the tenant and permission). */
  public void listen(TenantId tenant, String campaignId, SseEventSink sink, Sse sse) {
    Broadcast broadcast = broadcasts.computeIfAbsent(campaignId, id -> new Broadcast(tenant, id, sse));
    broadcast.add(sink);
  }

  @PreDestroy
  void stopAll() {
    broadcasts.values().forEach(Broadcast::close);
  }

  private final class Broadcast {
    private final TenantId tenant;
    private final String campaignId;
    private final Sse sse;
    private final SseBroadcaster broadcaster;
    private final CampaignProgress.Samples samples = new CampaignProgress.Samples();
    private final AtomicInteger listeners = new AtomicInteger();
    private ScheduledFuture<?> ticking;

    Broadcast(TenantId tenant, String campaignId, Sse sse) {
      this.tenant = tenant;
      this.campaignId = campaignId;
      this.sse = sse;
      this.broadcaster = sse.newBroadcaster();
      broadcaster.onClose(sink -> left());
      broadcaster.onError((sink, error) -> left());
    }

    synchronized void add(SseEventSink sink) {
      broadcaster.register(sink);
      listeners.incrementAndGet();
      if (ticking == null) {
        ticking = scheduler.scheduleAtFixedRate(this::tick, 0, 1, TimeUnit.SECONDS);
      }
    }

    private void tick() {
      try {
        var snapshot = progress.now(tenant, campaignId, samples);
        if (snapshot.isEmpty()) {
          close();
          return;
        }
        broadcaster.broadcast(sse.newEventBuilder().name("progress").mediaType(MediaType.APPLICATION_JSON_TYPE)
            .data(ProgressView.class, snapshot.get().view()).build())
            .toCompletableFuture().get(5, TimeUnit.SECONDS);
        if (snapshot.get().ended()) {
          close();
        }
      } catch (Exception e) {
        LOG.log(Level.FINE, "progress of campaign " + campaignId + " not sent", e);
      }
    }

    private void left() {
      if (listeners.decrementAndGet() <= 0) {
        close();
      }
    }

    synchronized void close() {
      broadcasts.remove(campaignId, this);
      if (ticking != null) {
        ticking.cancel(false);
      }
      broadcaster.close();
    }
  }
}
