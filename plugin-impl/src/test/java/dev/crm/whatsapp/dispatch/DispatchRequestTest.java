package dev.crm.whatsapp.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class DispatchRequestTest {
  private static final String MESSAGE_ID = "7d3c2b1a-0000-4000-8000-000000000001";

  @Test
  void jsonRoundTripKeepsBothIds() {
    DispatchRequest request = new DispatchRequest(MESSAGE_ID, "acme");

    assertThat(DispatchRequest.fromJson(request.toJson())).isEqualTo(request);
  }

  @Test
  void jsonCarriesIdsOnly() {
    assertThat(new DispatchRequest(MESSAGE_ID, "acme").toJson())
        .isEqualTo("{\"messageId\":\"" + MESSAGE_ID + "\",\"tenant\":\"acme\"}");
  }

  @Test
  void textNeedingEscapesSurvivesTheRoundTrip() {
    DispatchRequest request = new DispatchRequest("a\"b\\c", "t\u00e9nant");

    assertThat(DispatchRequest.fromJson(request.toJson())).isEqualTo(request);
  }

  @Test
  void unknownFieldsAreIgnored() {
    String json = "{\"messageId\":\"m-1\",\"tenant\":\"acme\",\"priority\":5}";

    assertThat(DispatchRequest.fromJson(json)).isEqualTo(new DispatchRequest("m-1", "acme"));
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "garbage", "[]", "{}", "{\"messageId\":\"m-1\"}", "{\"tenant\":\"acme\"}",
      "{\"messageId\":1,\"tenant\":\"acme\"}", "{\"messageId\":null,\"tenant\":\"acme\"}", "{\"messageId\":\"m-1\","})
  void anythingButARequestIsRefusedAsIllegalArgument(String json) {
    assertThatThrownBy(() -> DispatchRequest.fromJson(json)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void duplicateIdDependsOnlyOnTheMessage() {
    DispatchRequest first = new DispatchRequest(MESSAGE_ID, "acme");
    DispatchRequest again = DispatchRequest.fromJson(first.toJson());

    assertThat(again.duplicateId()).isEqualTo(first.duplicateId()).isEqualTo("message:" + MESSAGE_ID);
    assertThat(new DispatchRequest("another-message", "acme").duplicateId()).isNotEqualTo(first.duplicateId());
  }

  @Test
  void idsAreRequired() {
    assertThatThrownBy(() -> new DispatchRequest(null, "acme")).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new DispatchRequest(MESSAGE_ID, null)).isInstanceOf(NullPointerException.class);
  }
}
