package dev.crm.whatsapp.campaigns;

import java.util.Objects;

/**
 * The editable part of a campaign, validated: what the create and update requests become. The content is
 * exactly one of {@code templateId} (with {@code bindingsJson}), {@code variantsJson} or {@code contentJson}.
 */
public record CampaignSettings(String name, String description, String templateId, String bindingsJson,
    String variantsJson, String contentJson, MissingVariables missingVariables, String audienceJson,
    Schedule schedule, int throttlePerMinute, SendWindow window, boolean adHoc, CampaignSending sending) {

  public CampaignSettings {
    Objects.requireNonNull(name, "name");
    int contents = (templateId == null ? 0 : 1) + (variantsJson == null ? 0 : 1) + (contentJson == null ? 0 : 1);
    if (contents != 1) {
      throw new IllegalArgumentException("a campaign has exactly one of templateId, variants and content");
    }
    bindingsJson = bindingsJson == null ? "{}" : bindingsJson;
    missingVariables = missingVariables == null ? MissingVariables.REFUSE : missingVariables;
    audienceJson = audienceJson == null ? "{}" : audienceJson;
    Objects.requireNonNull(schedule, "schedule");
    window = window == null ? SendWindow.ALWAYS : window;
    sending = sending == null ? CampaignSending.DEFAULT : sending;
  }

  /** A single-template campaign. */
  public CampaignSettings(String name, String description, String templateId, String bindingsJson,
      String audienceJson, Schedule schedule, int throttlePerMinute, SendWindow window, boolean adHoc) {
    this(name, description, templateId, bindingsJson, null, null, MissingVariables.REFUSE, audienceJson, schedule,
        throttlePerMinute, window, adHoc, CampaignSending.DEFAULT);
  }

  public CampaignSettings renamed(String newName) {
    return new CampaignSettings(newName.length() > 200 ? newName.substring(0, 200) : newName, description,
        templateId, bindingsJson, variantsJson, contentJson, missingVariables, audienceJson, schedule,
        throttlePerMinute, window, adHoc, sending);
  }

  /** The same content and settings for a follow-up draft: its own name, an uploaded-list audience, never ad hoc. */
  public CampaignSettings forFollowUp(String newName) {
    return new CampaignSettings(newName.length() > 200 ? newName.substring(0, 200) : newName, description,
        templateId, bindingsJson, variantsJson, contentJson, missingVariables, "{\"source\":\"list\"}", schedule,
        throttlePerMinute, window, false, sending);
  }
}
