package dev.crm.whatsapp.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.crm.whatsapp.platform.errors.ApiException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DemoTokenResourceTest {

  private final DemoTokenResource resource = new DemoTokenResource();

  DemoTokenResourceTest() {
    resource.clock = Clock.fixed(Instant.parse("2026-11-01T10:00:00Z"), ZoneOffset.UTC);
    resource.tenantClaim = "tenant";
  }

  @AfterEach
  void backToTheDefaultMode() {
    System.clearProperty("wa.mode");
  }

  @Test
  void outsideDemoModeTheEndpointAnswersAsIfItDidNotExist() {
    System.setProperty("wa.mode", "production");

    ApiException refused = catchThrowableOfType(() -> resource.create(
        new DemoTokenResource.TokenRequest("acme", "rina", List.of("admin"))), ApiException.class);

    assertThat(refused.status()).isEqualTo(404);
  }

  @Test
  void inDemoModeItSignsATokenForTheAskedTenantAndGroups() {
    System.setProperty("wa.mode", "demo");

    DemoTokenResource.TokenResponse answer =
        resource.create(new DemoTokenResource.TokenRequest("globex", "hank", List.of("marketing")));

    assertThat(answer.tenant()).isEqualTo("globex");
    assertThat(answer.token().split("\\.")).hasSize(3);
  }
}
