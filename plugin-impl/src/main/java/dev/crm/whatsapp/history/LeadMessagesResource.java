package dev.crm.whatsapp.history;

import dev.crm.whatsapp.api.LeadId;
import dev.crm.whatsapp.api.security.Permission;
import dev.crm.whatsapp.dispatch.SingleSend;
import dev.crm.whatsapp.api.provider.MessageContent;
import dev.crm.whatsapp.leads.LeadLookup;
import dev.crm.whatsapp.media.LeadMedia;
import dev.crm.whatsapp.platform.errors.ApiException;
import dev.crm.whatsapp.security.Caller;
import dev.crm.whatsapp.security.CurrentCaller;
import dev.crm.whatsapp.security.RequiresPermission;
import dev.crm.whatsapp.templates.TemplateSendRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** A lead's WhatsApp messages: read the history, send a new one. */
@Path("leads/{leadId}/messages")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class LeadMessagesResource {

  /**
   * A free-form text, or (instead) an approved template with its bindings, or an uploaded file
   * ({@code POST /leads/{leadId}/media}) with an optional caption, for one lead.
   */
  public record SendTextRequest(
      @Size(max = 4096, message = "is at most 4096 characters") String text,
      TemplateSendRequest template,
      MediaSendRequest media) {}

  /**
   * An upload to send: its id, and the caption shown under an image, video or document. Checked in
   * {@link #send} rather than by annotations, so that a refusal names {@code media.id} or {@code media.caption}.
   */
  public record MediaSendRequest(String id, String caption) {}

  /** One page of history, newest first; pass {@code nextCursor} back as {@code cursor} for the next. */
  public record HistoryPage(List<MessageView> items, String nextCursor) {}

  @Inject CurrentCaller caller;
  @Inject LeadLookup leads;
  @Inject LeadMessages messages;
  @Inject SingleSend singleSend;
  @Inject LeadHistory leadHistory;
  @Inject LeadMedia media;
  @Context UriInfo uri;

  @PathParam("leadId") String leadId;

  @GET
  @RequiresPermission(Permission.LEAD_VIEW)
  public HistoryPage history(
      @QueryParam("cursor") @Size(max = 200, message = "is at most 200 characters") String cursor,
      @QueryParam("limit") @DefaultValue("50") @Min(value = 1, message = "is at least 1")
          @Max(value = 200, message = "is at most 200") int limit,
      @QueryParam("direction") String direction, @QueryParam("status") String status,
      @QueryParam("campaign") String campaign, @QueryParam("from") String from, @QueryParam("to") String to) {
    Caller who = caller.get();
    LeadId lead = leads.require(who.tenant(), leadId).id();
    HistoryFilter filter = HistoryFilter.parse(direction, status, campaign, from, to);
    List<LeadMessage> page = leadHistory.page(who.tenant(), lead, filter,
        Optional.ofNullable(cursor).filter(c -> !c.isBlank()).map(HistoryCursor::decode), limit + 1);
    boolean more = page.size() > limit;
    List<LeadMessage> shown = more ? page.subList(0, limit) : page;
    String next = more ? HistoryCursor.after(shown.get(shown.size() - 1)).encode() : null;
    Map<String, String> campaigns = leadHistory.campaignNames(who.tenant(),
        shown.stream().flatMap(m -> m.campaignId().stream()).collect(Collectors.toSet()));
    return new HistoryPage(shown.stream()
        .map(m -> MessageView.of(m, m.campaignId().map(campaigns::get).orElse(null))).toList(), next);
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RequiresPermission(Permission.SEND)
  public Response send(@NotNull(message = "a JSON body is required") @Valid SendTextRequest request) {
    Caller who = caller.get();
    var lead = leads.require(who.tenant(), leadId);
    if (request.media() != null) {
      if (request.template() != null) {
        throw ApiException.invalid("media", "send either media or a template, not both");
      }
      if (request.text() != null) {
        throw ApiException.invalid("text", "a file's text is its caption: send media.caption, not text");
      }
      if (request.media().id() == null || request.media().id().isBlank()) {
        throw ApiException.invalid("media.id", "is the id POST /leads/{leadId}/media answered");
      }
      if (request.media().caption() != null && request.media().caption().length() > LeadMedia.MAX_CAPTION) {
        throw ApiException.invalid("media.caption", "is at most 1024 characters");
      }
      MessageContent.Media file = media.message(who.tenant(), lead.id(), request.media().id(),
          request.media().caption(), uri.getBaseUri());
      String shown = file.caption() != null ? file.caption()
          : file.filename() != null ? file.filename() : file.kind().name().toLowerCase(java.util.Locale.ROOT);
      return Response.accepted(MessageView.of(singleSend.sendMedia(who, lead, file, shown))).build();
    }
    if (request.template() != null) {
      if (request.text() != null) {
        throw ApiException.invalid("template", "send either text or template, not both");
      }
      if (request.template().id() == null || request.template().id().isBlank()) {
        throw ApiException.invalid("template.id", "must not be empty");
      }
      return Response.accepted(MessageView.of(singleSend.sendTemplate(who, lead, request.template()))).build();
    }
    if (request.text() == null || request.text().isBlank()) {
      throw ApiException.invalid("text", "must not be empty (or send a template instead)");
    }
    LeadMessage sent = singleSend.sendText(who, lead, request.text());
    return Response.accepted(MessageView.of(sent)).build();
  }
}
