package dev.crm.whatsapp.campaigns;

import dev.crm.whatsapp.audience.AudienceSpec;
import dev.crm.whatsapp.templates.Binding;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON columns of campaigns and recipients: audience, bindings, variants, content, per-recipient variables. */
final class CampaignJson {
  private static final Jsonb JSONB = JsonbBuilder.create();
  private static final Type BINDINGS = map(Binding.class);
  private static final Type VARIABLES = map(String.class);
  private static final Type VARIANTS = new ParameterizedType() {
    @Override
    public Type[] getActualTypeArguments() {
      return new Type[] {Variant.class};
    }

    @Override
    public Type getRawType() {
      return List.class;
    }

    @Override
    public Type getOwnerType() {
      return null;
    }
  };

  private CampaignJson() {}

  static AudienceSpec audience(String json) {
    return json == null || json.isBlank() || json.equals("{}") ? AudienceSpec.list()
        : JSONB.fromJson(json, AudienceSpec.class);
  }

  static Map<String, Binding> bindings(String json) {
    return json == null || json.isBlank() ? Map.of() : JSONB.fromJson(json, BINDINGS);
  }

  static List<Variant> variants(String json) {
    return json == null || json.isBlank() ? List.of() : List.copyOf(JSONB.<List<Variant>>fromJson(json, VARIANTS));
  }

  static DirectContent content(String json) {
    return json == null || json.isBlank() ? null : JSONB.fromJson(json, DirectContent.class);
  }

  static Map<String, String> variables(String json) {
    return json == null || json.isBlank() ? Map.of() : JSONB.fromJson(json, VARIABLES);
  }

  static String write(Object value) {
    return value == null ? null : JSONB.toJson(value);
  }

  static String writeVariables(Map<String, String> variables) {
    return variables == null || variables.isEmpty() ? null : JSONB.toJson(new LinkedHashMap<>(variables));
  }

  private static Type map(Class<?> valueType) {
    return new ParameterizedType() {
      @Override
      public Type[] getActualTypeArguments() {
        return new Type[] {String.class, valueType};
      }

      @Override
      public Type getRawType() {
        return Map.class;
      }

      @Override
      public Type getOwnerType() {
        return null;
      }
    };
  }
}
