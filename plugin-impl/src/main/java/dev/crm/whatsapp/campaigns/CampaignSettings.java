package dev.crm.whatsapp.campaigns;

import java.util.Objects;

/** The editable part of a campaign, validated: what the create and update requests become. */
public record CampaignSettings(String name, String description, String templateId, String bindingsJson,
    String audienceJson, Schedule schedule, int throttlePerMinute, SendWindow window, boolean adHoc) {

  public CampaignSettings {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(templateId, "templateId");
    bindingsJson = bindingsJson == null ? "{}" : bindingsJson;
    audienceJson = audienceJson == null ? "{}" : audienceJson;
    Objects.requireNonNull(schedule, "schedule");
    window = window == null ? SendWindow.ALWAYS : window;
  }

  public CampaignSettings renamed(String newName) {
    return new CampaignSettings(newName.length() > 200 ? newName.substring(0, 200) : newName, description,
        templateId, bindingsJson, audienceJson, schedule, throttlePerMinute, window, adHoc);
  }
}
