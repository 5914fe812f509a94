package dev.crm.whatsapp.audience;

import dev.crm.whatsapp.api.security.Permission;
import dev.crm.whatsapp.platform.errors.ApiException;
import dev.crm.whatsapp.security.CurrentCaller;
import dev.crm.whatsapp.security.RequiresPermission;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;

/** How many leads a criteria audience reaches, who is left out and why, and a sample. */
@Path("campaigns/audience-preview")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AudiencePreviewResource {

  /** A reached lead, its phone masked. */
  public record Sample(String leadId, String name, String phone) {}

  public record PreviewView(long count, Map<String, Long> excluded, List<Sample> sample) {}

  @Inject CurrentCaller caller;
  @Inject Audiences audiences;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RequiresPermission(Permission.CAMPAIGN_VIEW)
  public PreviewView preview(@NotNull(message = "a JSON body is required") AudienceSpec spec,
      @QueryParam("sample") @DefaultValue("10") @Min(value = 0, message = "is at least 0")
          @Max(value = 100, message = "is at most 100") int sampleSize) {
    if (spec.isList()) {
      throw ApiException.invalid("source", "only a leads audience can be previewed; a list is what was uploaded");
    }
    Audiences.Preview preview = audiences.preview(caller.get().tenant(), spec, sampleSize);
    return new PreviewView(preview.count(), preview.excluded(), preview.sample().stream()
        .map(c -> new Sample(c.leadId(), c.name(), c.phone().masked())).toList());
  }
}
