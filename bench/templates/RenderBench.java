import dev.crm.whatsapp.api.LeadId;
import dev.crm.whatsapp.api.TenantId;
import dev.crm.whatsapp.api.host.Lead;
import dev.crm.whatsapp.providers.cloudapi.CloudApiMessageJson;
import dev.crm.whatsapp.templates.*;
import dev.crm.whatsapp.templates.TemplateDefinition.*;
import java.util.*;

/**
 * How many template renderings per second one core does: validate, render for a lead, build the Cloud API
 * request body. A campaign renders once per recipient, so this bounds its preparation rate.
 *
 * Run from the repository's top level after {@code mvn -B -o -pl plugin-impl -am compile -Dskip.npm}:
 * <pre>
 * CP=plugin-impl/target/classes:plugin-api/target/classes:$HOME/.m2/repository/jakarta/platform/jakarta.jakartaee-api/10.0.0/jakarta.jakartaee-api-10.0.0.jar:$HOME/.m2/repository/org/eclipse/parsson/parsson/1.1.7/parsson-1.1.7.jar
 * javac -d target/bench -cp $CP bench/templates/RenderBench.java &amp;&amp; java -cp $CP:target/bench RenderBench 50000
 * </pre>
 */
public class RenderBench {
  public static void main(String[] args) {
    TemplateDefinition t = new TemplateDefinition("order_update", "en_US", TemplateCategory.UTILITY, ParameterFormat.POSITIONAL,
        Set.of(), new Header(HeaderFormat.TEXT, "Hello {{1}}"), "Hi {{1}}, your order {{2}} ships today from {{3}}.",
        "Reply STOP to opt out", List.of(new Button(ButtonType.QUICK_REPLY, "Thanks", null, null),
        new Button(ButtonType.URL, "Track", "https://shop.example/t/{{1}}", null)),
        Map.of("header.1", "Ayu", "body.1", "Ayu", "body.2", "A-1", "body.3", "Jakarta", "buttons.1", "A-1"));
    Map<String, Binding> b = Map.of("header.1", Binding.leadField("first_name", null), "body.1", Binding.leadField("name", null),
        "body.2", Binding.constant("A-1001"), "body.3", Binding.leadField("company", "our shop"), "buttons.1", Binding.constant("A-1001"));
    Lead lead = new Lead(LeadId.of("7"), TenantId.of("acme"), "Ayu Lestari", "+6281234567890", null, null, null, null, null, null,
        Set.of(), Map.of("company", "Kopi"));
    for (int round = 0; round < 3; round++) {
      int n = Integer.parseInt(args[0]);
      long start = System.nanoTime();
      long sink = 0;
      for (int i = 0; i < n; i++) {
        sink += TemplateValidator.check(t).size();
        RenderedTemplate r = TemplateRenderer.render(t, b, lead, null);
        sink += CloudApiMessageJson.envelope("6281234567890", r.content()).build().size();
      }
      double secs = (System.nanoTime() - start) / 1e9;
      System.out.printf("round %d: %d validate+render+CloudAPI JSON in %.2f s = %.0f per second (sink %d)%n", round, n, secs, n / secs, sink);
    }
  }
}
