package dev.crm.whatsapp.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crm.whatsapp.api.TenantId;
import org.junit.jupiter.api.Test;

class ConfiguredInboundTenantsTest {

  @Test
  void numberMapsToOneTenantOrAList() {
    ConfiguredInboundTenants tenants = ConfiguredInboundTenants.of("{\"111\":\"acme\",\"222\":[\"acme\",\"globex\"]}");

    assertThat(tenants.tenantsFor("111")).containsExactly(TenantId.of("acme"));
    assertThat(tenants.tenantsFor("222")).containsExactly(TenantId.of("acme"), TenantId.of("globex"));
  }

  @Test
  void unlistedNumberServesNoTenant() {
    assertThat(ConfiguredInboundTenants.of("{\"111\":\"acme\"}").tenantsFor("999")).isEmpty();
    assertThat(ConfiguredInboundTenants.of("{\"111\":\"acme\"}").tenantsFor(null)).isEmpty();
  }

  @Test
  void malformedMappingIsRefusedAtStartNamingTheKey() {
    assertThatThrownBy(() -> ConfiguredInboundTenants.of("not json"))
        .hasMessageContaining("wa.webhook.tenant-by-phone-number-id");
    assertThatThrownBy(() -> ConfiguredInboundTenants.of("{\"111\":[]}")).hasMessageContaining("111");
    assertThatThrownBy(() -> ConfiguredInboundTenants.of("{\"111\":42}")).hasMessageContaining("111");
  }
}
