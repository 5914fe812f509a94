package dev.crm.whatsapp.platform.errors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ws.rs.core.MultivaluedHashMap;
import org.junit.jupiter.api.Test;

class NulCharacterFilterTest {

  @Test
  void aParameterHoldingNulIsRefusedNamingIt() {
    var query = new MultivaluedHashMap<String, String>();
    query.add("limit", "10");
    query.add("q", "ab\0c");

    assertThatThrownBy(() -> NulCharacterFilter.refuseNul(query))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(400))
        .hasMessageContaining("NUL");
  }

  @Test
  void ordinaryParametersPass() {
    var query = new MultivaluedHashMap<String, String>();
    query.add("q", "Ayu 😀 <script> ' OR 1=1");

    assertThatCode(() -> NulCharacterFilter.refuseNul(query)).doesNotThrowAnyException();
  }
}
