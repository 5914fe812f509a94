package dev.crm.whatsapp.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URL;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * On every build, every endpoint (found by reflection): it asks for its own permission — a caller granted
 * all the others is refused, one granted only that one gets through — and another tenant's admin finds none
 * of this tenant's leads, campaigns, templates or sender numbers. The forged-token callers are tried in the
 * reliability suite, whose server trusts a test signing key; here tokens come from the demo endpoint.
 */
@ExtendWith(PreviousServerGone.class)
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PermissionsIT {

  @Deployment(testable = false)
  static WebArchive plugin() {
    return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("it.war")));
  }

  @ArquillianResource URL base;

  @Test
  void everyEndpointNeedsItsOwnPermission() throws Exception {
    matrix().everyEndpointNeedsItsOwnPermission();
  }

  @Test
  void anotherTenantFindsNothingOfThisOneOnAnyEndpoint() throws Exception {
    matrix().anotherTenantFindsNothingOfThisOne();
  }

  /** Lead 27 (Grace Costa) is left to this test by the other tests of the embedded run. */
  private AccessMatrix matrix() throws Exception {
    Http http = new Http(base.toURI());
    return new AccessMatrix(base, (tenant, groups) -> demoToken(http, tenant, groups), "27", "+919887716741");
  }

  private static String demoToken(Http http, String tenant, String... groups) {
    String list = String.join("\",\"", List.of(groups));
    Http.Answer answer = http.post("api/v1/demo/tokens", null,
        "{\"tenant\":\"" + tenant + "\",\"user\":\"it.user\",\"groups\":[\"" + list + "\"]}");
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer.json().getString("token");
  }
}
