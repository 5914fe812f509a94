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
    private boolean warned;
    private boolean closed;

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
        ticking = scheduler.schedule(this::tick, 0, TimeUnit.SECONDS);
      }
    }

    /**
     * One event, then the next tick is armed: one-shot tasks re-armed rather than a fixed-rate task,
     * because Payara's managed scheduler fails to reset the request's context after each run of a
     * periodic task submitted from a request thread.
     */
    private void tick() {
      boolean again = true;
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
          again = false;
          close();
        }
      } catch (Exception e) {
        if (!warned) {
          warned = true;
          LOG.log(Level.WARNING, "progress of campaign " + campaignId + " not sent; trying again every second", e);
        }
      }
      rearm(again);
    }

    private synchronized void rearm(boolean again) {
      if (again && !closed) {
        ticking = scheduler.schedule(this::tick, 1, TimeUnit.SECONDS);
      }
    }

    private void left() {
      if (listeners.decrementAndGet() <= 0) {
        close();
      }
    }

    synchronized void close() {
      closed = true;
      broadcasts.remove(campaignId, this);
      if (ticking != null) {
        ticking.cancel(false);
      }
      broadcaster.close();
    }
  }
}
