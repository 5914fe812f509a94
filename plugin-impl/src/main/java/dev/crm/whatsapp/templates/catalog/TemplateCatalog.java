package dev.crm.whatsapp.templates.catalog;

import dev.crm.whatsapp.templates.TemplateDefinition;
import java.util.List;
import java.util.Optional;

/**
 * The provider's side of templates: where they are submitted for approval and where their status is
 * read back. One implementation per provider, chosen by {@code wa.templates.catalog}.
 */
public interface TemplateCatalog {

  /** The name configuration uses for this catalog, e.g. {@code sandbox}, {@code cloud-api}. */
  String type();

  /**
   * Submits a template for approval; with {@code existingId} (a template the provider rejected before),
   * submits the edited content of that template.
   *
   * @throws CatalogException when the provider refuses or cannot be reached
   */
  Submission submit(TemplateDefinition template, Optional<String> existingId);

  /** Every template the provider holds for this account, with its status and quality. */
  List<RemoteTemplate> list();

  /**
   * One template by the provider's id, for pending templates a listing did not show; empty when the
   * provider does not know it.
   *
   * @throws CatalogException when the provider cannot be reached
   */
  Optional<RemoteTemplate> find(String providerId);

  /**
   * Deletes a template at the provider, so that a sync does not bring it back.
   *
   * @throws CatalogException when the provider refuses or cannot be reached
   */
  void delete(String providerId, String name);
}
