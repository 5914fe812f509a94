package dev.crm.whatsapp.templates.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crm.whatsapp.templates.TemplateCategory;
import dev.crm.whatsapp.templates.TemplateDefinition;
import dev.crm.whatsapp.templates.TemplateStatus;
import org.junit.jupiter.api.Test;

/** The sandbox's decisions outlive a restart (they are written into the ids it hands out); some it refuses at once. */
class SandboxTemplateCatalogTest {
  private final SandboxTemplateCatalog sandbox = new SandboxTemplateCatalog();

  @Test
  void anIdFromBeforeARestartStillTellsItsDecision() {
    assertThat(sandbox.find("sandbox-tpl-a-1f0c")).hasValueSatisfying(t -> assertThat(t.status())
        .isEqualTo(TemplateStatus.APPROVED));
    assertThat(sandbox.find("sandbox-tpl-r-1f0c")).hasValueSatisfying(t -> {
      assertThat(t.status()).isEqualTo(TemplateStatus.REJECTED);
      assertThat(t.reason()).isEqualTo("INVALID_FORMAT");
    });
  }

  @Test
  void aTemplateWithTheRefuseWordIsRefusedAtSubmitAsMetaRefusesOneOutright() {
    sandbox.refuseWord = "refuse";
    TemplateDefinition template = new TemplateDefinition("spring_offer", "en_US", TemplateCategory.MARKETING, null,
        null, null, "Hi {{1}}, we refuse nothing this spring.", null, null, java.util.Map.of("body.1", "Ayu"));

    assertThatThrownBy(() -> sandbox.submit(template, java.util.Optional.empty()))
        .isInstanceOfSatisfying(CatalogException.class, e -> {
          assertThat(e.refused()).isTrue();
          assertThat(e.getMessage()).contains("Meta refused the template");
        });
    assertThat(sandbox.list()).isEmpty();
  }

  @Test
  void anIdTheSandboxNeverGaveIsUnknown() {
    assertThat(sandbox.find("594425479261596")).isEmpty();
  }
}
