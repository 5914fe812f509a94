package dev.crm.whatsapp.consent;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The replies that opt a user out or back in. A reply matches when, trimmed, without trailing
 * punctuation and ignoring case and inner spacing, it is exactly a keyword: "stop!" opts out,
 * "please stop sending" does not (a person reads that one).
 *
 * <p>Keywords are configured per language as {@code language:keyword} ({@code id:BERHENTI}); a keyword
 * without a language applies to all. Every language's keywords are matched, because a webhook does not
 * say which language the user writes in.
 */
@ApplicationScoped
public class ConsentKeywords {

  @Inject
  @ConfigProperty(name = "wa.consent.opt-out-keywords", defaultValue = "en:STOP,en:UNSUBSCRIBE,en:STOP PROMOTIONS,id:BERHENTI")
  List<String> optOutConfig;

  @Inject
  @ConfigProperty(name = "wa.consent.opt-in-keywords", defaultValue = "en:START,id:MULAI")
  List<String> optInConfig;

  private Set<String> optOut;
  private Set<String> optIn;

  @PostConstruct
  void load() {
    optOut = normalised(optOutConfig);
    optIn = normalised(optInConfig);
  }

  public static ConsentKeywords of(List<String> optOut, List<String> optIn) {
    ConsentKeywords keywords = new ConsentKeywords();
    keywords.optOutConfig = optOut;
    keywords.optInConfig = optIn;
    keywords.load();
    return keywords;
  }

  /** The consent a reply asks for, if it is a keyword. */
  public Optional<ConsentState> meaning(String reply) {
    if (reply == null || reply.length() > 100) {
      return Optional.empty();
    }
    String text = normalise(reply);
    if (optOut.contains(text)) {
      return Optional.of(ConsentState.OPTED_OUT);
    }
    if (optIn.contains(text)) {
      return Optional.of(ConsentState.OPTED_IN);
    }
    return Optional.empty();
  }

  private static final java.util.regex.Pattern LANGUAGE = java.util.regex.Pattern.compile("^[a-z]{2,3}(?:[_-][A-Za-z]{2})?:");

  private static Set<String> normalised(List<String> keywords) {
    return keywords.stream()
        .map(keyword -> LANGUAGE.matcher(keyword.trim()).replaceFirst(""))
        .map(ConsentKeywords::normalise)
        .filter(k -> !k.isEmpty())
        .collect(Collectors.toSet());
  }

  static String normalise(String text) {
    return text.trim().replaceAll("[\\p{Punct}\\s]+$", "").replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
  }
}
