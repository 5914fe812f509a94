package dev.crm.whatsapp.templates;

import static dev.crm.whatsapp.templates.TemplateBuilder.aTemplate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crm.whatsapp.api.LeadId;
import dev.crm.whatsapp.api.TenantId;
import dev.crm.whatsapp.api.host.Lead;
import dev.crm.whatsapp.api.security.Permission;
import dev.crm.whatsapp.platform.errors.ApiException;
import dev.crm.whatsapp.security.Caller;
import dev.crm.whatsapp.templates.catalog.CloudApiTemplateCatalog;
import dev.crm.whatsapp.templates.catalog.GraphStubs;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import dev.crm.whatsapp.testing.PluginDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The approval path end to end outside the container: a draft is submitted to a Graph API stub over real
 * HTTP, Meta's status webhook and sync move it on PostgreSQL, and only an approved template renders for a
 * send.
 */
class TemplateLifecyclePgTest {
  private static final TenantId ACME = TenantId.of("acme");
  private static final Caller ADMIN = new Caller(ACME, "admin", Set.of(Permission.TEMPLATE_CREATE));
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T09:00:00Z"), ZoneOffset.UTC);
  private static final Lead AYU = new Lead(LeadId.of("7"), ACME, "Ayu Lestari", "+6281234567890", null, null, null,
      null, null, null, Set.of(), Map.of());

  @RegisterExtension
  static final PluginDatabase database = PluginDatabase.emptying();

  private GraphStubs.Running graph;
  private Beans.Recorded<TemplateStatusChanged> changes;
  private final List<TemplateUsage> usages = new ArrayList<>();


  @BeforeEach
  void startGraph() throws Exception {
    graph = GraphStubs.start();
    changes = new Beans.Recorded<>();
  }

  @AfterEach
  void clean() {
    graph.close();
    database.schema().execute("DELETE FROM wa_template");
  }

  private <T> T service(Function<TemplateService, T> work) {
    return database.persistence().inTransaction(em -> {
      TemplateService service = new TemplateService();
      service.repository = TemplateRepository.over(em);
      service.catalogs = TemplateCatalogs.of(CloudApiTemplateCatalog.at(graph.url(), "v23.0", GraphStubs.WABA, "t"));
      service.usages = Beans.instance(usages);
      service.statusChanges = changes;
      service.clock = CLOCK;
      service.importTenant = Optional.of("acme");
      return work.apply(service);
    });
  }

  @Test
  void aSubmittedTemplateIsPendingUntilMetasWebhookApprovesItThenItRendersForASend() {
    graph.answerSubmit("{\"id\":\"594425479261596\",\"status\":\"PENDING\",\"category\":\"UTILITY\"}");
    String id = service(s -> s.create(ADMIN, aTemplate().build())).id();

    MessageTemplate submitted = service(s -> s.submit(ACME, id));
    assertThat(submitted.status()).isEqualTo(TemplateStatus.PENDING);
    assertThat(submitted.providerTemplateId()).contains("594425479261596");
    assertThatThrownBy(() -> service(s -> s.prepareSend(ACME, id, AYU, Map.of(), null)))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(409));

    service(s -> {
      for (TemplateProviderEvent event : TemplateWebhooks.parse(GraphStubs.statusWebhook("594425479261596", "APPROVED",
          "NONE").getBytes(StandardCharsets.UTF_8))) {
        s.applyProviderEvent(event);
      }
      return null;
    });
    PreparedTemplate prepared = service(s -> s.prepareSend(ACME, id, AYU, Map.of(
        "header.1", Binding.leadField("first_name", null), "body.1", Binding.leadField("first_name", null),
        "body.2", Binding.constant("A-1001")), null));

    assertThat(prepared.rendered().body()).isEqualTo("Hi Ayu, your order A-1001 ships today.");
    assertThat(service(s -> s.require(ACME, id)).usageCount()).isEqualTo(1);
    assertThat(changes.fired).extracting(TemplateStatusChanged::current)
        .containsExactly(TemplateStatus.PENDING, TemplateStatus.APPROVED);
  }

  @Test
  void aPauseByMetaStopsSendsAndIsAnnouncedForCampaigns() {
    graph.answerSubmit("{\"id\":\"77\",\"status\":\"APPROVED\",\"category\":\"UTILITY\"}");
    String id = service(s -> s.create(ADMIN, aTemplate().build())).id();
    service(s -> s.submit(ACME, id));

    service(s -> s.applyProviderEvent(new TemplateProviderEvent("77", Optional.of(TemplateStatus.PAUSED),
        "FIRST_PAUSE", Optional.of(TemplateQuality.RED))));

    MessageTemplate paused = service(s -> s.require(ACME, id));
    assertThat(paused.status()).isEqualTo(TemplateStatus.PAUSED);
    assertThat(paused.rejectionReason()).contains("FIRST_PAUSE");
    assertThat(paused.quality()).isEqualTo(TemplateQuality.RED);
    TemplateStatusChanged last = changes.fired.get(changes.fired.size() - 1);
    assertThat(last.stopsSending()).isTrue();
    assertThat(last.reason()).isEqualTo("FIRST_PAUSE");
  }

  @Test
  void syncUpdatesKnownTemplatesAndImportsThoseMadeInMetasManager() {
    graph.answerSubmit("{\"id\":\"594425479261596\",\"status\":\"PENDING\",\"category\":\"UTILITY\"}");
    String id = service(s -> s.create(ADMIN, aTemplate().build())).id();
    service(s -> s.submit(ACME, id));
    graph.answerList(GraphStubs.listing("594425479261596", "REJECTED", "PROMOTIONAL", "order_update"),
        GraphStubs.listing("720384716628160", "APPROVED", null, "made_in_manager"));

    TemplateService.SyncReport report = service(TemplateService::sync);

    assertThat(report).isEqualTo(new TemplateService.SyncReport(1, 1, 0));
    MessageTemplate rejected = service(s -> s.require(ACME, id));
    assertThat(rejected.status()).isEqualTo(TemplateStatus.REJECTED);
    assertThat(rejected.rejectionReason()).contains("PROMOTIONAL");
    TemplateRepository.Page imported = service(s -> s.repository.list(
        new TemplateQuery(ACME, TemplateStatus.APPROVED, null, null, null, null, 0, 10)));
    assertThat(imported.items()).extracting(MessageTemplate::name).containsExactly("made_in_manager");
  }

  @Test
  void aPendingTemplateMissingFromTheListingIsAskedForByIdSoItNeverStaysPending() {
    graph.answerSubmit("{\"id\":\"594425479261596\",\"status\":\"PENDING\",\"category\":\"UTILITY\"}");
    String id = service(s -> s.create(ADMIN, aTemplate().build())).id();
    service(s -> s.submit(ACME, id));
    graph.answerList();
    graph.answerGet("594425479261596", GraphStubs.listing("594425479261596", "APPROVED", null, "order_update"));

    TemplateService.SyncReport report = service(TemplateService::sync);

    assertThat(report.updated()).isEqualTo(1);
    assertThat(service(s -> s.require(ACME, id)).status()).isEqualTo(TemplateStatus.APPROVED);
  }

  @Test
  void aRejectedTemplateIsEditedAndResubmittedInPlaceKeepingItsName() {
    graph.answerSubmit("{\"id\":\"594425479261596\",\"status\":\"PENDING\",\"category\":\"UTILITY\"}");
    String id = service(s -> s.create(ADMIN, aTemplate().build())).id();
    service(s -> s.submit(ACME, id));
    service(s -> s.applyProviderEvent(new TemplateProviderEvent("594425479261596", Optional.of(TemplateStatus.REJECTED),
        "INCORRECT_CATEGORY", Optional.empty())));

    assertThatThrownBy(() -> service(s -> s.update(ACME, id, aTemplate().name("renamed").build())))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(409));
    service(s -> s.update(ACME, id, aTemplate().footer("Thanks for shopping").build()));
    graph.answerEdit("594425479261596");
    MessageTemplate resubmitted = service(s -> s.submit(ACME, id));

    assertThat(resubmitted.status()).isEqualTo(TemplateStatus.PENDING);
    assertThat(resubmitted.rejectionReason()).isEmpty();
    assertThat(graph.requests("POST")).isEqualTo(2);
  }

  @Test
  void onlyDraftsAndRejectedTemplatesCanBeEditedOrSubmitted() {
    graph.answerSubmit("{\"id\":\"1\",\"status\":\"PENDING\",\"category\":\"UTILITY\"}");
    String id = service(s -> s.create(ADMIN, aTemplate().build())).id();
    service(s -> s.submit(ACME, id));

    assertThatThrownBy(() -> service(s -> s.update(ACME, id, aTemplate().footer("changed").build())))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(409));
    assertThatThrownBy(() -> service(s -> s.submit(ACME, id)))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(409));
    assertThat(graph.submissions()).isEqualTo(1);
  }

  @Test
  void anInvalidTemplateIsRefusedWithEveryViolationAndNothingIsStored() {
    assertThatThrownBy(() -> service(s -> s.create(ADMIN, aTemplate().name("Bad").footer("{{1}}").build())))
        .isInstanceOfSatisfying(InvalidTemplateException.class, e -> {
          assertThat(e.status()).isEqualTo(422);
          assertThat(e.body().violations()).hasSize(2);
        });
    assertThat(service(s -> s.repository.list(new TemplateQuery(ACME, null, null, null, null, null, 0, 5))).total())
        .isZero();
  }

  @Test
  void aSubmittedTemplateIsDeletedAtMetaTooSoASyncCannotBringItBack() {
    graph.answerSubmit("{\"id\":\"594425479261596\",\"status\":\"PENDING\",\"category\":\"UTILITY\"}");
    String id = service(s -> s.create(ADMIN, aTemplate().build())).id();
    service(s -> s.submit(ACME, id));
    graph.answerDelete(500, "{\"error\":{\"message\":\"An unknown error occurred\",\"code\":1}}");

    assertThatThrownBy(() -> service(s -> {
      s.delete(ACME, id);
      return null;
    })).isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(503));
    assertThat(service(s -> s.require(ACME, id)).status()).isEqualTo(TemplateStatus.PENDING);

    graph.answerDelete(200, "{\"success\":true}");
    service(s -> {
      s.delete(ACME, id);
      return null;
    });
    assertThat(graph.requests("DELETE")).isEqualTo(2);
    assertThatThrownBy(() -> service(s -> s.require(ACME, id))).isInstanceOf(ApiException.class);
  }

  @Test
  void aTemplateInUseCannotBeDeleted() {
    String id = service(s -> s.create(ADMIN, aTemplate().build())).id();
    usages.add((tenant, templateId) -> templateId.equals(id) ? List.of("campaign 'Spring' (running)") : List.of());

    assertThatThrownBy(() -> service(s -> {
      s.delete(ACME, id);
      return null;
    })).isInstanceOfSatisfying(ApiException.class, e -> {
      assertThat(e.status()).isEqualTo(409);
      assertThat(e.getMessage()).contains("campaign 'Spring' (running)");
    });
    usages.clear();
    service(s -> {
      s.delete(ACME, id);
      return null;
    });
    assertThatThrownBy(() -> service(s -> s.require(ACME, id))).isInstanceOf(ApiException.class);
  }
}
