package dev.crm.whatsapp.templates;

/**
 * Where one parameter's value comes from.
 *
 * @param source {@code lead} (a field of the recipient lead), {@code constant} (one value for every
 *     recipient, e.g. set on a campaign) or {@code recipient} (a value given per recipient, e.g. from an
 *     uploaded list)
 * @param field for {@code lead}: {@code name}, {@code first_name}, {@code phone}, {@code status},
 *     {@code source}, {@code priority}, {@code owner}, or any host attribute (by its name, or as
 *     {@code attributes.<name>})
 * @param value for {@code constant} and {@code recipient}: the value
 * @param fallback used when the lead field or value is empty; may be {@code null}
 */
public record Binding(String source, String field, String value, String fallback) {

  public static Binding leadField(String field, String fallback) {
    return new Binding("lead", field, null, fallback);
  }

  public static Binding constant(String value) {
    return new Binding("constant", null, value, null);
  }
}
