package dev.crm.whatsapp.templates.catalog;

/** The provider refused a template call, or could not be reached. */
public class CatalogException extends RuntimeException {
  private final boolean refused;

  /**
   * @param refused true when the provider answered and said no (e.g. the content breaks its rules); false
   *     when it could not be reached or failed
   */
  public CatalogException(String message, boolean refused, Throwable cause) {
    super(message, cause);
    this.refused = refused;
  }

  public boolean refused() {
    return refused;
  }
}
