package dev.crm.whatsapp.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crm.whatsapp.api.security.Permission;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RoleGrantsTest {

  @Test
  void defaultsComeFromTheDescriptor() {
    assertThat(RoleGrants.readDescriptor().getJsonObject("defaultRoleGrants").keySet())
        .contains("admin", "marketing", "sales-rep");
  }

  @Test
  void adminHasEveryPermissionByDefault() {
    RoleGrants grants = loaded(Optional.empty());

    assertThat(grants.permissionsOf(List.of("admin"))).isEqualTo(EnumSet.allOf(Permission.class));
  }

  @Test
  void salesRepMaySendAndViewButNotCreateCampaigns() {
    RoleGrants grants = loaded(Optional.empty());

    assertThat(grants.permissionsOf(List.of("sales-rep")))
        .contains(Permission.SEND, Permission.LEAD_VIEW)
        .doesNotContain(Permission.CAMPAIGN_CREATE, Permission.ACCOUNTS_ADMIN, Permission.SETTINGS_ADMIN);
  }

  @Test
  void unknownGroupsGrantNothing() {
    RoleGrants grants = loaded(Optional.empty());

    assertThat(grants.permissionsOf(List.of("intern", "ADMIN"))).isEmpty();
    assertThat(grants.permissionsOf(List.of())).isEmpty();
  }

  @Test
  void groupsGrantTogether() {
    RoleGrants grants = loaded(Optional.of("{\"auditor\":[\"whatsapp-settings-admin\"]}"));

    assertThat(grants.permissionsOf(List.of("sales-rep", "auditor")))
        .contains(Permission.SEND, Permission.SETTINGS_ADMIN);
  }

  @Test
  void overrideReplacesOnlyTheGroupsItNames() {
    RoleGrants grants = loaded(Optional.of("{\"sales-rep\":[\"lead-whatsapp-view\"]}"));

    assertThat(grants.permissionsOf(List.of("sales-rep"))).containsExactly(Permission.LEAD_VIEW);
    assertThat(grants.permissionsOf(List.of("admin"))).isEqualTo(EnumSet.allOf(Permission.class));
    assertThat(grants.permissionsOf(List.of("marketing"))).contains(Permission.CAMPAIGN_CREATE);
  }

  @Test
  void overrideWithAnEmptyListTakesEverythingFromThatGroup() {
    RoleGrants grants = loaded(Optional.of("{\"marketing\":[]}"));

    assertThat(grants.permissionsOf(List.of("marketing"))).isEmpty();
  }

  @Test
  void overrideNamingAnUnknownPermissionStopsStartWithItsName() {
    RoleGrants grants = unloaded(Optional.of("{\"sales-rep\":[\"lead-whatsapp-view\",\"lead-whatsapp-teleport\"]}"));

    assertThatThrownBy(grants::load)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("lead-whatsapp-teleport")
        .hasMessageContaining("sales-rep");
  }

  @Test
  void overrideThatIsNotJsonStopsStartNamingTheKey() {
    RoleGrants grants = unloaded(Optional.of("sales-rep=lead-whatsapp-view"));

    assertThatThrownBy(grants::load)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("wa.security.role-grants");
  }

  @Test
  void overrideOfTheWrongShapeStopsStartNamingTheKeyAndGroup() {
    for (String wrong : List.of("{\"sales-rep\":\"lead-whatsapp-view\"}", "{\"sales-rep\":[1]}")) {
      RoleGrants grants = unloaded(Optional.of(wrong));

      assertThatThrownBy(grants::load)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("sales-rep");
    }
  }

  private static RoleGrants loaded(Optional<String> overrides) {
    RoleGrants grants = unloaded(overrides);
    grants.load();
    return grants;
  }

  private static RoleGrants unloaded(Optional<String> overrides) {
    RoleGrants grants = new RoleGrants();
    grants.overrides = overrides;
    return grants;
  }
}
