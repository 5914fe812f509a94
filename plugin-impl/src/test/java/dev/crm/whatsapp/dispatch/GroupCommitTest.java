package dev.crm.whatsapp.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Concurrent callers share batches, each gets its own result, a failed batch fails only its callers. */
class GroupCommitTest {

  @Test
  void aCallerAloneRunsItsOwnBatchOfOne() {
    List<List<Integer>> batches = Collections.synchronizedList(new ArrayList<>());
    GroupCommit<Integer, String> commit = new GroupCommit<>(8, items -> {
      batches.add(items);
      return items.stream().map(i -> "done " + i).toList();
    });

    assertThat(commit.submit(7)).isEqualTo("done 7");
    assertThat(batches).containsExactly(List.of(7));
  }

  @Test
  void callersArrivingWhileABatchRunsShareTheNextOneAndEachGetsItsOwnResult() throws Exception {
    CountDownLatch firstBatchStarted = new CountDownLatch(1);
    CountDownLatch othersWaiting = new CountDownLatch(1);
    List<List<Integer>> batches = Collections.synchronizedList(new ArrayList<>());
    GroupCommit<Integer, Integer> commit = new GroupCommit<>(8, items -> {
      batches.add(List.copyOf(items));
      if (batches.size() == 1) {
        firstBatchStarted.countDown();
        await(othersWaiting);
      }
      return items.stream().map(i -> i * 10).toList();
    });
    ExecutorService callers = Executors.newFixedThreadPool(6);
    try {
      Future<Integer> first = callers.submit(() -> commit.submit(0));
      await(firstBatchStarted);
      List<Future<Integer>> others = IntStream.rangeClosed(1, 5).mapToObj(i -> callers.submit(() -> commit.submit(i)))
          .toList();
      while (waiting(commit) < 5) {
        Thread.onSpinWait();
      }
      othersWaiting.countDown();

      assertThat(first.get(5, TimeUnit.SECONDS)).isZero();
      for (int i = 0; i < others.size(); i++) {
        assertThat(others.get(i).get(5, TimeUnit.SECONDS)).isEqualTo((i + 1) * 10);
      }
      assertThat(batches).hasSize(2);
      assertThat(batches.get(1)).containsExactlyInAnyOrder(1, 2, 3, 4, 5);
    } finally {
      callers.shutdownNow();
    }
  }

  @Test
  void aBatchNeverHoldsMoreThanItsLimit() throws Exception {
    List<Integer> sizes = Collections.synchronizedList(new ArrayList<>());
    GroupCommit<Integer, Integer> commit = new GroupCommit<>(3, items -> {
      sizes.add(items.size());
      return items;
    });
    ExecutorService callers = Executors.newFixedThreadPool(16);
    try {
      List<Future<Integer>> results = IntStream.range(0, 200).mapToObj(i -> callers.submit(() -> commit.submit(i)))
          .toList();
      for (int i = 0; i < results.size(); i++) {
        assertThat(results.get(i).get(10, TimeUnit.SECONDS)).isEqualTo(i);
      }
    } finally {
      callers.shutdownNow();
    }
    assertThat(sizes).allMatch(size -> size >= 1 && size <= 3);
    assertThat(sizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(200);
  }

  @Test
  void aFailedBatchFailsItsCallersAndTheNextBatchRunsAsUsual() {
    GroupCommit<Integer, Integer> commit = new GroupCommit<>(8, items -> {
      if (items.contains(13)) {
        throw new IllegalStateException("rolled back");
      }
      return items;
    });

    assertThatThrownBy(() -> commit.submit(13)).isInstanceOf(IllegalStateException.class).hasMessage("rolled back");
    assertThat(commit.submit(14)).isEqualTo(14);
  }

  @Test
  void workAnsweringTheWrongNumberOfResultsIsAFailureNotAWrongAnswer() {
    GroupCommit<Integer, Integer> commit = new GroupCommit<>(8, items -> List.of());

    assertThatThrownBy(() -> commit.submit(1)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("0 results for 1 items");
  }

  private static int waiting(GroupCommit<?, ?> commit) {
    return commit.waitingCount();
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(5, TimeUnit.SECONDS)) {
        throw new AssertionError("timed out");
      }
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }
}
