package dev.crm.whatsapp.platform;

import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * A periodic poll as a chain of single-action timers, each armed by the one before it <em>before</em> the
 * poll's work runs. An automatic {@code @Schedule} timer is expunged by Payara after its timeout failed
 * twice ({@code EJB5119}), and a timeout can be counted as failed even when its work catches every
 * exception (a JMS allocation that fails while the broker is still starting, after a {@code kill -9}); the
 * server then never polls again. A chain cannot be lost that way: the next link exists before the work
 * starts. Arming also cancels any other link of the same chain, so a container's redelivery of a failed
 * timeout never doubles the chain.
 */
public final class TimerChain {
  private final TimerService timers;
  private final String name;
  private final Duration every;

  public TimerChain(TimerService timers, String name, Duration every) {
    this.timers = Objects.requireNonNull(timers);
    this.name = Objects.requireNonNull(name);
    this.every = Objects.requireNonNull(every);
  }

  /** The first link, at start. */
  public void start() {
    armAfter(null);
  }

  /** Called first thing in the timeout of {@code current}: cancels other links, arms the next. */
  public void armAfter(Timer current) {
    for (Timer timer : timers.getTimers()) {
      if (name.equals(infoOf(timer)) && !timer.equals(current)) {
        timer.cancel();
      }
    }
    timers.createSingleActionTimer(every.toMillis(), new TimerConfig(name, false));
  }

  /** Whether {@code timer} is a link of this chain (a bean may own other timers). */
  public boolean owns(Timer timer) {
    return name.equals(infoOf(timer));
  }

  private static Serializable infoOf(Timer timer) {
    try {
      return timer.getInfo();
    } catch (RuntimeException cancelledMeanwhile) {
      return null;
    }
  }
}
