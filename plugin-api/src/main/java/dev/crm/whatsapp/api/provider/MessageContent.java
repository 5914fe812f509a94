package dev.crm.whatsapp.api.provider;

import java.util.List;
import java.util.Objects;

/**
 * What a message says, already rendered: providers translate it to their wire format and never look up
 * templates or leads themselves.
 */
public sealed interface MessageContent {

  /**
   * Free-form text, allowed only inside the recipient's 24-hour customer-service window.
   *
   * @param body 1 to 4,096 characters
   */
  record Text(String body) implements MessageContent {
    public static final int MAX_LENGTH = 4096;

    public Text {
      Objects.requireNonNull(body, "body");
      if (body.isBlank() || body.length() > MAX_LENGTH) {
        throw new IllegalArgumentException("text is 1 to 4096 characters");
      }
    }
  }

  /**
   * An approved template with its parameters, in the order and shape of the Cloud API's
   * {@code template.components}.
   *
   * @param name the template's name at the provider
   * @param language its language code, e.g. {@code en_US}
   * @param components header, body and button parameters; empty for a template without parameters
   */
  record Template(String name, String language, List<Component> components) implements MessageContent {
    public Template {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(language, "language");
      components = components == null ? List.of() : List.copyOf(components);
    }
  }

  /**
   * The parameters of one template component.
   *
   * @param type {@code header}, {@code body} or {@code button}
   * @param subType for buttons: {@code quick_reply}, {@code url} or {@code copy_code}; else {@code null}
   * @param index for buttons: the button's position from 0; else {@code null}
   * @param parameters the values, in order
   */
  record Component(String type, String subType, Integer index, List<Parameter> parameters) {
    public Component {
      Objects.requireNonNull(type, "type");
      parameters = parameters == null ? List.of() : List.copyOf(parameters);
    }
  }

  /** One template parameter value. */
  sealed interface Parameter {}

  /**
   * A text value.
   *
   * @param text the rendered value, never empty
   * @param name for templates with named parameters, the parameter's name; else {@code null}
   */
  record TextParameter(String text, String name) implements Parameter {
    public TextParameter {
      Objects.requireNonNull(text, "text");
    }
  }

  /**
   * A media value (a template's media header).
   *
   * @param media the file
   */
  record MediaParameter(Media media) implements Parameter {
    public MediaParameter {
      Objects.requireNonNull(media, "media");
    }
  }

  /**
   * A file, by public HTTPS link or by a provider media id (exactly one of the two).
   *
   * @param kind image, video, document or audio
   * @param link an https URL the provider fetches; {@code null} when {@code mediaId} is given
   * @param mediaId the provider's id of an uploaded file; {@code null} when {@code link} is given
   * @param caption shown under images, videos and documents; may be {@code null}
   * @param filename for documents; may be {@code null}
   */
  record Media(MediaKind kind, String link, String mediaId, String caption, String filename)
      implements MessageContent {
    public Media {
      Objects.requireNonNull(kind, "kind");
      if ((link == null) == (mediaId == null)) {
        throw new IllegalArgumentException("media has exactly one of link and mediaId");
      }
    }
  }

  /** The kinds of file WhatsApp sends. */
  enum MediaKind {
    IMAGE,
    VIDEO,
    DOCUMENT,
    AUDIO
  }
}
