package dev.crm.whatsapp.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crm.whatsapp.testing.MapConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HostColumnTest {

  @Test
  void identifiersAreAlwaysQuoted() {
    assertThat(new HostColumn("lead").sql()).isEqualTo("\"lead\"");
    assertThat(new HostColumn("user").sql()).isEqualTo("\"user\"");
    assertThat(new HostColumn("Created_At2").sql()).isEqualTo("\"Created_At2\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"name; drop table x", "name\"; drop table x; --", "a b", "1st", "lead.id", "na-me",
      "\"name\"", "", "naïve"})
  void anythingButAPlainIdentifierIsRefused(String configured) {
    assertThatThrownBy(() -> new HostColumn(configured))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("not a plain SQL identifier");
  }

  @Test
  void identifiersLongerThanPostgresAllowsAreRefused() {
    assertThat(new HostColumn("c".repeat(63)).name()).hasSize(63);
    assertThatThrownBy(() -> new HostColumn("c".repeat(64))).isInstanceOf(IllegalStateException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"none", "NONE", "", "   "})
  void noneOrBlankLeavesAnOptionalColumnUnmapped(String configured) {
    assertThat(HostColumn.optional(configured)).isEmpty();
  }

  @Test
  void missingLeavesAnOptionalColumnUnmapped() {
    assertThat(HostColumn.optional(null)).isEmpty();
  }

  @Test
  void optionalColumnIsTrimmed() {
    assertThat(HostColumn.optional(" tags ")).contains(new HostColumn("tags"));
  }

  @Test
  void injectedColumnNameStopsTheMappingAtConfigurationTime() {
    LeadTableMapping mapping = new LeadTableMapping();
    mapping.config = MapConfig.empty().with("wa.host.lead.name-column", "name; drop table x");

    assertThatThrownBy(mapping::read)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("name; drop table x");
  }

  @Test
  void injectedAttributeColumnStopsTheMappingAtConfigurationTime() {
    LeadTableMapping mapping = new LeadTableMapping();
    mapping.config = MapConfig.empty().with("wa.host.lead.attribute-columns", "email,company\"--");

    assertThatThrownBy(mapping::read).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void requiredColumnCannotBeNone() {
    LeadTableMapping mapping = new LeadTableMapping();
    mapping.config = MapConfig.empty().with("wa.host.lead.phone-column", "none");

    assertThatThrownBy(mapping::read)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("wa.host.lead.phone-column");
  }
}
