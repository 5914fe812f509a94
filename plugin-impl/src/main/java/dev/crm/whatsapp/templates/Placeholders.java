package dev.crm.whatsapp.templates;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds {@code {{...}}} parameters in a template text and fills them. */
final class Placeholders {
  /** Anything between double braces, so that malformed names are reported rather than ignored. */
  static final Pattern ANY = Pattern.compile("\\{\\{\\s*([^{}]*?)\\s*}}");
  static final Pattern POSITIONAL = Pattern.compile("[1-9][0-9]*");
  static final Pattern NAMED = Pattern.compile("[a-z][a-z0-9_]*");

  private Placeholders() {}

  /** The parameter names in order of appearance, duplicates kept. */
  static List<String> in(String text) {
    List<String> names = new ArrayList<>();
    if (text != null) {
      Matcher matcher = ANY.matcher(text);
      while (matcher.find()) {
        names.add(matcher.group(1));
      }
    }
    return names;
  }

  /** The text with every parameter replaced by {@code valueOf(name)}. */
  static String fill(String text, java.util.function.Function<String, String> valueOf) {
    if (text == null) {
      return null;
    }
    Matcher matcher = ANY.matcher(text);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      matcher.appendReplacement(out, Matcher.quoteReplacement(valueOf.apply(matcher.group(1))));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  /** The text without its parameters, for counting the words around them. */
  static String stripped(String text) {
    return text == null ? "" : ANY.matcher(text).replaceAll(" ");
  }
}
