package dev.crm.whatsapp.templates.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crm.whatsapp.templates.TemplateStatus;
import org.junit.jupiter.api.Test;

/** The sandbox's decisions outlive a restart: they are written into the ids it hands out. */
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
  void anIdTheSandboxNeverGaveIsUnknown() {
    assertThat(sandbox.find("594425479261596")).isEmpty();
  }
}
