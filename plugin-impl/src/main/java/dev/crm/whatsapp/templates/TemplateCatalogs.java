package dev.crm.whatsapp.templates;

import dev.crm.whatsapp.templates.catalog.TemplateCatalog;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The template catalog in use, chosen once at start by {@code wa.templates.catalog}. */
@ApplicationScoped
public class TemplateCatalogs {

  @Inject @Any Instance<TemplateCatalog> available;

  @Inject
  @ConfigProperty(name = "wa.templates.catalog", defaultValue = "sandbox")
  String configured;

  private TemplateCatalog chosen;

  @PostConstruct
  void choose() {
    chosen = available.stream().filter(c -> c.type().equals(configured)).findFirst()
        .orElseThrow(() -> new IllegalStateException("wa.templates.catalog is '" + configured + "' but the catalogs are "
            + available.stream().map(TemplateCatalog::type).collect(Collectors.toList())));
  }

  /** For tests outside the container. */
  public static TemplateCatalogs of(TemplateCatalog catalog) {
    TemplateCatalogs catalogs = new TemplateCatalogs();
    catalogs.chosen = catalog;
    return catalogs;
  }

  public TemplateCatalog current() {
    return chosen;
  }
}
