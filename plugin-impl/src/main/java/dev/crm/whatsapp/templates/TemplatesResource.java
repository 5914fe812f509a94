package dev.crm.whatsapp.templates;

import dev.crm.whatsapp.api.PhoneNumber;
import dev.crm.whatsapp.api.host.Lead;
import dev.crm.whatsapp.platform.PhoneNormaliser;
import dev.crm.whatsapp.api.security.Permission;
import dev.crm.whatsapp.leads.LeadLookup;
import dev.crm.whatsapp.platform.errors.ApiException;
import dev.crm.whatsapp.providers.cloudapi.CloudApiMessageJson;
import dev.crm.whatsapp.security.Caller;
import dev.crm.whatsapp.security.CurrentCaller;
import dev.crm.whatsapp.security.RequiresPermission;
import dev.crm.whatsapp.templates.RenderedTemplate.RenderedButton;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Message templates: list, read, write, submit for approval, preview, sync with the provider. */
@Path("templates")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TemplatesResource {

  /** One page of templates, newest first. */
  public record TemplatePage(List<TemplateView> items, long total, int page, int size) {}

  /** Preview input: a lead to render for, or none for sample values (the examples, or given constants). */
  public record PreviewRequest(String leadId, Map<String, Binding> bindings,
      TemplateSendRequest.HeaderMedia headerMedia) {}

  /** What the recipient would see, and the Cloud API request body that would carry it. */
  public record Preview(String header, String body, String footer, List<RenderedButton> buttons,
      JsonObject cloudApiRequest) {}

  @Inject CurrentCaller caller;
  @Inject TemplateService templates;
  @Inject TemplateRepository repository;
  @Inject LeadLookup leads;
  @Inject PhoneNormaliser phones;

  @GET
  @RequiresPermission(Permission.TEMPLATE_LIST)
  public TemplatePage list(
      @QueryParam("status") String status,
      @QueryParam("category") String category,
      @QueryParam("tag") String tag,
      @QueryParam("language") @Size(max = 16, message = "is at most 16 characters") String language,
      @QueryParam("q") @Size(max = 200, message = "is at most 200 characters") String text,
      @QueryParam("page") @DefaultValue("0") @Min(value = 0, message = "is at least 0") int page,
      @QueryParam("size") @DefaultValue("50") @Min(value = 1, message = "is at least 1")
          @Max(value = 200, message = "is at most 200") int size) {
    TemplateQuery query = new TemplateQuery(caller.get().tenant(), parse(TemplateStatus.class, "status", status),
        parse(TemplateCategory.class, "category", category),
        parse(TemplateTag.class, "tag", tag == null ? null : tag.replace('-', '_')), language, text, page, size);
    TemplateRepository.Page found = repository.list(query);
    return new TemplatePage(found.items().stream().map(TemplateView::of).toList(), found.total(), page, size);
  }

  @GET
  @Path("{id}")
  @RequiresPermission(Permission.TEMPLATE_LIST)
  public TemplateView get(@PathParam("id") String id) {
    return TemplateView.of(templates.require(caller.get().tenant(), id));
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RequiresPermission(Permission.TEMPLATE_CREATE)
  public Response create(@NotNull(message = "a JSON body is required") TemplateDefinition definition) {
    MessageTemplate created = templates.create(caller.get(), definition);
    return Response.status(Response.Status.CREATED).entity(TemplateView.of(created)).build();
  }

  @PUT
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @RequiresPermission(Permission.TEMPLATE_EDIT)
  public TemplateView update(@PathParam("id") String id,
      @NotNull(message = "a JSON body is required") TemplateDefinition definition) {
    return TemplateView.of(templates.update(caller.get().tenant(), id, definition));
  }

  @DELETE
  @Path("{id}")
  @RequiresPermission(Permission.TEMPLATE_DELETE)
  public Response delete(@PathParam("id") String id) {
    templates.delete(caller.get().tenant(), id);
    return Response.noContent().build();
  }

  @POST
  @Path("{id}/submit")
  @RequiresPermission(Permission.TEMPLATE_EDIT)
  public TemplateView submit(@PathParam("id") String id) {
    return TemplateView.of(templates.submit(caller.get().tenant(), id));
  }

  @POST
  @Path("{id}/preview")
  @Consumes(MediaType.APPLICATION_JSON)
  @RequiresPermission(Permission.TEMPLATE_LIST)
  public Preview preview(@PathParam("id") String id, PreviewRequest request) {
    Caller who = caller.get();
    PreviewRequest input = request == null ? new PreviewRequest(null, null, null) : request;
    Lead lead = input.leadId() == null ? null : leads.require(who.tenant(), input.leadId());
    RenderedTemplate rendered = templates.preview(who.tenant(), id, lead, input.bindings(),
        input.headerMedia() == null ? null : input.headerMedia().toMedia("headerMedia"));
    String to = lead == null ? "<recipient>" : phones.normalise(lead.phone()).map(PhoneNumber::digits)
        .orElse("<invalid phone>");
    return new Preview(rendered.header(), rendered.body(), rendered.footer(), rendered.buttons(),
        CloudApiMessageJson.envelope(to, rendered.content()).build());
  }

  @POST
  @Path("sync")
  @RequiresPermission(Permission.TEMPLATE_EDIT)
  public TemplateService.SyncReport sync() {
    caller.get();
    return templates.sync();
  }

  private static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(type, value.trim().toUpperCase());
    } catch (IllegalArgumentException unknown) {
      throw ApiException.invalid(field, field + " is one of " + Arrays.toString(type.getEnumConstants()));
    }
  }
}
