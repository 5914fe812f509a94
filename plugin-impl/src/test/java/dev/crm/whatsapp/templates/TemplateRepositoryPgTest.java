package dev.crm.whatsapp.templates;

import static dev.crm.whatsapp.templates.TemplateBuilder.aTemplate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crm.whatsapp.api.TenantId;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Function;
import dev.crm.whatsapp.testing.PluginDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link TemplateRepository} on PostgreSQL: tenant scoping, filters, newest-first pages, usage counts. */
class TemplateRepositoryPgTest {
  private static final TenantId ACME = TenantId.of("acme");
  private static final TenantId GLOBEX = TenantId.of("globex");
  private static final OffsetDateTime T0 = OffsetDateTime.parse("2026-03-01T09:00:00Z");

  @RegisterExtension
  static final PluginDatabase database = PluginDatabase.emptying("wa_template");



  private <T> T tx(Function<TemplateRepository, T> work) {
    return database.persistence().inTransaction(em -> work.apply(TemplateRepository.over(em)));
  }

  private String add(TenantId tenant, TemplateDefinition definition, OffsetDateTime at) {
    MessageTemplate template = MessageTemplate.draft(tenant, definition, "admin", at);
    tx(r -> {
      r.add(template);
      return null;
    });
    return template.id();
  }

  @Test
  void aStoredTemplateReadsBackWithItsWholeDefinition() {
    TemplateDefinition definition = aTemplate().button(TemplateBuilder.quickReply("Yes")).build();
    String id = add(ACME, definition, T0);

    MessageTemplate found = tx(r -> r.find(ACME, id)).orElseThrow();

    assertThat(found.definition()).isEqualTo(definition);
    assertThat(found.status()).isEqualTo(TemplateStatus.DRAFT);
    assertThat(found.tags()).containsExactly(TemplateTag.REMINDER);
    assertThat(found.quality()).isEqualTo(TemplateQuality.UNKNOWN);
  }

  @Test
  void anotherTenantsTemplateIsNotFound() {
    String id = add(ACME, aTemplate().build(), T0);

    java.util.Optional<MessageTemplate> elsewhere = tx(r -> r.find(GLOBEX, id));
    assertThat(elsewhere).isEmpty();
    assertThat(tx(r -> r.list(new TemplateQuery(GLOBEX, null, null, null, null, null, 0, 50))).total()).isZero();
  }

  @Test
  void theSameNameAndLanguageTwiceInOneTenantIsRefusedByTheDatabase() {
    add(ACME, aTemplate().build(), T0);
    add(GLOBEX, aTemplate().build(), T0);

    assertThatThrownBy(() -> add(ACME, aTemplate().build(), T0.plusSeconds(1))).isInstanceOf(RuntimeException.class);
  }

  @Test
  void listsFilterByCategoryTagLanguageAndTextNewestFirstInPages() {
    String oldest = add(ACME, aTemplate().name("welcome").tags(TemplateTag.GREETING).body("Welcome {{1}} to our shop.")
        .build(), T0);
    String middle = add(ACME, aTemplate().name("promo_spring").category(TemplateCategory.MARKETING)
        .tags(TemplateTag.PROMOTIONAL).language("id").build(), T0.plusMinutes(1));
    String newest = add(ACME, aTemplate().name("follow_up_call").tags(TemplateTag.FOLLOW_UP, TemplateTag.REMINDER)
        .build(), T0.plusMinutes(2));

    assertThat(ids(query(null, null, null, null, 0, 50))).containsExactly(newest, middle, oldest);
    assertThat(ids(query(TemplateCategory.MARKETING, null, null, null, 0, 50))).containsExactly(middle);
    assertThat(ids(query(null, TemplateTag.REMINDER, null, null, 0, 50))).containsExactly(newest);
    assertThat(ids(query(null, null, "id", null, 0, 50))).containsExactly(middle);
    assertThat(ids(query(null, null, null, "WELCOME", 0, 50))).containsExactly(oldest);
    assertThat(ids(query(null, null, null, "shop", 0, 50))).containsExactly(oldest);
    assertThat(ids(query(null, null, null, "100%_", 0, 50))).isEmpty();
    TemplateRepository.Page second = tx(r -> r.list(new TemplateQuery(ACME, null, null, null, null, null, 1, 2)));
    assertThat(second.items()).extracting(MessageTemplate::id).containsExactly(oldest);
    assertThat(second.total()).isEqualTo(3);
  }

  @Test
  void statusFilterAndProviderIdFindSubmittedTemplates() {
    String id = add(ACME, aTemplate().build(), T0);
    tx(r -> {
      r.find(ACME, id).orElseThrow().submitted("594425479261596", TemplateStatus.PENDING, T0.plusSeconds(5));
      return null;
    });

    List<MessageTemplate> byProvider = tx(r -> r.byProviderId("594425479261596"));
    assertThat(byProvider).extracting(MessageTemplate::id).containsExactly(id);
    assertThat(ids(tx(r -> r.list(new TemplateQuery(ACME, TemplateStatus.PENDING, null, null, null, null, 0, 5))))).containsExactly(id);
    assertThat(ids(tx(r -> r.list(new TemplateQuery(ACME, TemplateStatus.DRAFT, null, null, null, null, 0, 5))))).isEmpty();
  }

  @Test
  void everyRecordedUseCountsAndTheLastOneIsKept() {
    String id = add(ACME, aTemplate().build(), T0);

    tx(r -> {
      r.recordUse(id, T0.plusMinutes(1));
      return null;
    });
    tx(r -> {
      r.recordUse(id, T0.plusMinutes(2));
      return null;
    });

    MessageTemplate used = tx(r -> r.find(ACME, id)).orElseThrow();
    assertThat(used.usageCount()).isEqualTo(2);
    assertThat(used.lastUsedAt()).hasValueSatisfying(at -> assertThat(at).isAtSameInstantAs(T0.plusMinutes(2)));
  }

  private TemplateRepository.Page query(TemplateCategory category, TemplateTag tag, String language, String text,
      int page, int size) {
    return tx(r -> r.list(new TemplateQuery(ACME, null, category, tag, language, text, page, size)));
  }

  private static List<String> ids(TemplateRepository.Page page) {
    return page.items().stream().map(MessageTemplate::id).toList();
  }
}
