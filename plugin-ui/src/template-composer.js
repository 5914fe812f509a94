import { html, nothing } from 'lit';
import { mediaHeaderKind, parameterKeys, renderTemplate, resolveAll } from './lib/templates.js';
import { renderPreview } from './whatsapp-preview.js';
import { renderVariableFields } from './variable-fields.js';

/**
 * The lead panel's template composer: the approved-template picker, the variable fields filled from the
 * lead, the media header's link (attachments go by https link; the plugin stores no files), the send
 * button, and beside them the live preview of what the lead will read. State stays in the panel.
 */
export function renderTemplateComposer({ templates, templateId, bindings, lead, mediaLink, sending, mediaInvalid,
  onChoose, onBinding, onMediaLink }) {
  const template = templates.find((t) => t.id === templateId) ?? null;
  const media = mediaHeaderKind(template);
  return html`<div class="template-compose">
    <div>
      <div class="field">
        <label for="wa-template">Approved template</label>
        <select id="wa-template" @change=${(e) => onChoose(e.target.value)}>
          <option value="">${templates.length ? 'Choose an approved template…' : 'No approved templates'}</option>
          ${templates.map((t) => html`<option value=${t.id} ?selected=${t.id === templateId}>${t.name} (${t.language})</option>`)}
        </select>
      </div>
      ${template ? renderVariableFields({ keys: parameterKeys(template), bindings, lead,
        attributeNames: Object.keys(lead?.attributes ?? {}), idPrefix: 'wa-var', onChange: onBinding }) : nothing}
      ${media ? html`<div class="field">
          <label for="wa-media">${media.charAt(0)}${media.slice(1).toLowerCase()} attachment (https link)</label>
          <input id="wa-media" type="url" inputmode="url" placeholder="https://…" .value=${mediaLink}
            aria-invalid=${mediaInvalid ? 'true' : 'false'} aria-describedby="wa-media-help"
            @input=${(e) => onMediaLink(e.target.value)}>
          <span id="wa-media-help" class="help">WhatsApp fetches the file from this address when it sends.</span>
        </div>` : nothing}
      <button class="send" type="submit" ?disabled=${!template || sending}>${sending ? 'Sending…' : 'Send template'}</button>
    </div>
    ${template ? renderPreview(renderTemplate(template, resolveAll(bindings, lead)), { label: 'Preview of what the lead will read' }) : nothing}
  </div>`;
}
