package dev.crm.whatsapp.api;

import java.util.Locale;
import java.util.Optional;

/**
 * Where a message stands. Statuses only move forward along {@code pending -> queued -> sending -> sent ->
 * delivered -> read}; {@code failed}, {@code opted_out} and {@code skipped} end a message, and
 * {@code unknown} marks a send whose outcome the provider never told. A late {@code delivered} never
 * overwrites {@code read}.
 */
public enum MessageStatus {
  PENDING(0, false),
  QUEUED(1, false),
  SENDING(2, false),
  SENT(3, false),
  DELIVERED(4, false),
  READ(5, true),
  FAILED(6, true),
  OPTED_OUT(6, true),
  SKIPPED(6, true),
  UNKNOWN(6, true),
  /** Inbound messages: received from the lead. */
  RECEIVED(6, true);

  private final int rank;
  private final boolean terminal;

  MessageStatus(int rank, boolean terminal) {
    this.rank = rank;
    this.terminal = terminal;
  }

  /** Position along the forward path; a status may only replace one of lower rank. */
  public int rank() {
    return rank;
  }

  public boolean isTerminal() {
    return terminal;
  }

  /** True when a message in this status may move to {@code next}. */
  public boolean canMoveTo(MessageStatus next) {
    if (terminal) {
      return false;
    }
    if (next == FAILED) {
      // Meta can report a failure after "sent", but a delivered message has not failed.
      return rank < DELIVERED.rank;
    }
    return next.rank > rank;
  }

  /** The lower-case name used in JSON and in the database. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<MessageStatus> fromWire(String name) {
    if (name == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(valueOf(name.trim().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException unknown) {
      return Optional.empty();
    }
  }
}
