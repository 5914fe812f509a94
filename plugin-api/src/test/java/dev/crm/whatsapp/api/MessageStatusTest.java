package dev.crm.whatsapp.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MessageStatusTest {

  @Test
  void statusesMoveOnlyForward() {
    assertThat(MessageStatus.PENDING.canMoveTo(MessageStatus.QUEUED)).isTrue();
    assertThat(MessageStatus.SENT.canMoveTo(MessageStatus.DELIVERED)).isTrue();
    assertThat(MessageStatus.DELIVERED.canMoveTo(MessageStatus.SENT)).isFalse();
  }

  @Test
  void lateDeliveredDoesNotOverwriteRead() {
    assertThat(MessageStatus.READ.canMoveTo(MessageStatus.DELIVERED)).isFalse();
  }

  @Test
  void readMayArriveWithoutDelivered() {
    assertThat(MessageStatus.SENT.canMoveTo(MessageStatus.READ)).isTrue();
  }

  @Test
  void failureAfterSentCountsButNotAfterDelivery() {
    assertThat(MessageStatus.SENT.canMoveTo(MessageStatus.FAILED)).isTrue();
    assertThat(MessageStatus.DELIVERED.canMoveTo(MessageStatus.FAILED)).isFalse();
  }

  @Test
  void endStatusesAreFinal() {
    assertThat(MessageStatus.FAILED.canMoveTo(MessageStatus.READ)).isFalse();
    assertThat(MessageStatus.SKIPPED.canMoveTo(MessageStatus.SENT)).isFalse();
  }

  @Test
  void wireNamesAreLowerCaseAndUnknownNamesAreEmpty() {
    assertThat(MessageStatus.OPTED_OUT.wireName()).isEqualTo("opted_out");
    assertThat(MessageStatus.fromWire("delivered")).contains(MessageStatus.DELIVERED);
    assertThat(MessageStatus.fromWire("nonsense")).isEmpty();
  }
}
