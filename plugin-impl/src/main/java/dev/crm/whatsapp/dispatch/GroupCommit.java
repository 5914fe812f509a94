package dev.crm.whatsapp.dispatch;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Runs the same small transaction for many callers at once. Each caller hands in its item and waits;
 * one of them, the leader, takes every item waiting (up to {@code maxBatch}, its own first) and runs
 * {@code work} on them in its own thread, then hands leadership to the oldest caller still waiting. So a
 * database round trip and a commit serve a whole batch, the batch grows with the load by itself (it holds
 * whatever arrived while the previous batch ran), and no thread of our own is needed: the work runs on
 * the callers' threads, with their transaction context.
 *
 * <p>{@code work} must answer one result per item, in order. When it throws, every caller of that batch
 * gets the exception (nothing of the batch was done: it is one transaction).
 */
final class GroupCommit<I, O> {
  private final Function<List<I>, List<O>> work;
  private final int maxBatch;
  private final ArrayDeque<Waiter<I, O>> waiting = new ArrayDeque<>();
  private boolean leading;

  GroupCommit(int maxBatch, Function<List<I>, List<O>> work) {
    if (maxBatch < 1) {
      throw new IllegalArgumentException("maxBatch is at least 1");
    }
    this.maxBatch = maxBatch;
    this.work = Objects.requireNonNull(work, "work");
  }

  /** Runs {@code item} in the next batch and returns its result; rethrows what the batch threw. */
  O submit(I item) {
    Waiter<I, O> mine = new Waiter<>(item);
    boolean lead;
    synchronized (this) {
      waiting.add(mine);
      lead = !leading;
      leading = true;
    }
    if (!lead) {
      mine.awaitTurn();
    }
    if (!mine.isDone()) {
      runOneBatch(); // the oldest waiter leads, so its own item is in this batch
    }
    return mine.result();
  }

  /** Callers whose item waits for a batch. */
  synchronized int waitingCount() {
    return waiting.size();
  }

  private void runOneBatch() {
    List<Waiter<I, O>> batch = new ArrayList<>();
    synchronized (this) {
      while (!waiting.isEmpty() && batch.size() < maxBatch) {
        batch.add(waiting.poll());
      }
    }
    try {
      List<O> results = work.apply(batch.stream().map(w -> w.item).toList());
      if (results.size() != batch.size()) {
        throw new IllegalStateException(results.size() + " results for " + batch.size() + " items");
      }
      for (int i = 0; i < batch.size(); i++) {
        batch.get(i).finish(results.get(i), null);
      }
    } catch (RuntimeException | Error failure) {
      batch.forEach(w -> w.finish(null, failure));
    } finally {
      Waiter<I, O> next;
      synchronized (this) {
        next = waiting.peek();
        leading = next != null;
      }
      if (next != null) {
        next.lead();
      }
    }
  }

  /** One caller: its item, and later its result or failure, or the call to lead. */
  private static final class Waiter<I, O> {
    final I item;
    boolean done;
    boolean turn;
    O result;
    Throwable failure;

    Waiter(I item) {
      this.item = item;
    }

    synchronized void finish(O result, Throwable failure) {
      this.result = result;
      this.failure = failure;
      done = true;
      notifyAll();
    }

    synchronized boolean isDone() {
      return done;
    }

    synchronized void lead() {
      turn = true;
      notifyAll();
    }

    /** Waits until a batch did this item or this caller is to lead; not interruptible, as a commit is not. */
    synchronized void awaitTurn() {
      boolean interrupted = false;
      while (!done && !turn) {
        try {
          wait();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }

    synchronized O result() {
      if (failure instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (failure instanceof Error error) {
        throw error;
      }
      return result;
    }
  }
}
