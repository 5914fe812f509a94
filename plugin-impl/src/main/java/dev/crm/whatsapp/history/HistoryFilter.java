package dev.crm.whatsapp.history;

import dev.crm.whatsapp.api.MessageStatus;
import dev.crm.whatsapp.platform.errors.ApiException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * Which of a lead's messages a history page shows. Empty fields select everything.
 *
 * @param direction inbound or outbound
 * @param status one status
 * @param campaignId messages of one campaign
 * @param from inclusive lower bound of the creation time
 * @param to exclusive upper bound of the creation time
 */
public record HistoryFilter(Optional<Direction> direction, Optional<MessageStatus> status,
    Optional<String> campaignId, Optional<OffsetDateTime> from, Optional<OffsetDateTime> to) {

  public static HistoryFilter none() {
    return new HistoryFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  /** Reads query parameters; anything unreadable is a 400 naming the parameter. */
  public static HistoryFilter parse(String direction, String status, String campaign, String from, String to) {
    Optional<Direction> d = blankless(direction).map(text -> {
      try {
        return Direction.valueOf(text.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw ApiException.invalid("direction", "direction is inbound or outbound");
      }
    });
    Optional<MessageStatus> s = blankless(status).map(text -> MessageStatus.fromWire(text)
        .orElseThrow(() -> ApiException.invalid("status", "status is not a message status")));
    HistoryFilter filter = new HistoryFilter(d, s, blankless(campaign), time("from", from), time("to", to));
    if (filter.from.isPresent() && filter.to.isPresent() && !filter.from.get().isBefore(filter.to.get())) {
      throw ApiException.invalid("to", "to must be after from");
    }
    return filter;
  }

  private static Optional<OffsetDateTime> time(String field, String text) {
    return blankless(text).map(t -> {
      try {
        return OffsetDateTime.parse(t);
      } catch (DateTimeParseException e) {
        throw ApiException.invalid(field, field + " is an ISO-8601 time with offset, e.g. 2026-03-01T09:00:00Z");
      }
    });
  }

  private static Optional<String> blankless(String text) {
    return Optional.ofNullable(text).map(String::trim).filter(t -> !t.isEmpty());
  }
}
