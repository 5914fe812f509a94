package dev.crm.whatsapp.api.host;

/**
 * A slice of an ordered selection.
 *
 * @param offset how many leading results to skip, at least 0
 * @param limit how many results at most, at least 1
 */
public record Range(long offset, int limit) {
  /** Everything: for audiences, which are streamed rather than paged. */
  public static final Range ALL = new Range(0, Integer.MAX_VALUE);

  public Range {
    if (offset < 0) {
      throw new IllegalArgumentException("offset must be at least 0");
    }
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1");
    }
  }

  public static Range page(int pageNumber, int pageSize) {
    return new Range((long) pageNumber * pageSize, pageSize);
  }
}
