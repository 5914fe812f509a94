import { html, css, nothing } from 'lit';

/**
 * A WhatsApp-style bubble for a rendered template (`renderTemplate` from lib/templates.js): media
 * placeholder or bold header, body, grey footer, buttons underneath. A template, not an element, so
 * the lead panel, the bulk-send dialog and the template wizard share it inside their own shadow roots.
 */
export function renderPreview(rendered, { label = 'Preview of the message' } = {}) {
  if (!rendered) return nothing;
  return html`<figure class="wa-preview" aria-label=${label}>
    <div class="wa-chat">
      <div class="wa-bubble">
        ${rendered.headerMedia ? html`<div class="wa-media" aria-label="${rendered.headerMedia.toLowerCase()} header">${mediaIcon(rendered.headerMedia)}</div>` : nothing}
        ${rendered.header ? html`<p class="wa-header">${rendered.header}</p>` : nothing}
        <p class="wa-body">${rendered.body}</p>
        ${rendered.footer ? html`<p class="wa-footer">${rendered.footer}</p>` : nothing}
      </div>
      ${rendered.buttons?.length
        ? html`<ul class="wa-buttons" aria-label="Buttons">
            ${rendered.buttons.map((b) => html`<li title=${b.detail ?? nothing}>${buttonIcon(b.type)} ${b.text ?? ''}</li>`)}
          </ul>`
        : nothing}
    </div>
  </figure>`;
}

function mediaIcon(kind) {
  return { IMAGE: '🖼 Image', VIDEO: '🎬 Video', DOCUMENT: '📄 Document' }[kind] ?? kind;
}

function buttonIcon(type) {
  return { URL: '↗', PHONE_NUMBER: '✆', COPY_CODE: '⧉', QUICK_REPLY: '↩' }[type] ?? '';
}

export const previewStyles = css`
  .wa-preview { margin: 0; }
  .wa-chat {
    padding: 0.75rem;
    border-radius: 8px;
    background: #e5ddd5;
    max-width: 22rem;
  }
  .wa-bubble {
    background: #fff;
    border-radius: 0 8px 8px 8px;
    padding: 0.45rem 0.6rem;
    box-shadow: 0 1px 0.5px rgba(0, 0, 0, 0.13);
    overflow-wrap: anywhere;
  }
  .wa-bubble p { white-space: pre-wrap; }
  .wa-media {
    display: grid;
    place-items: center;
    height: 6rem;
    margin-bottom: 0.35rem;
    border-radius: 6px;
    background: #cfd8dc;
    color: #37474f;
  }
  .wa-header { margin: 0 0 0.25rem; font-weight: 700; }
  .wa-body { margin: 0; }
  .wa-footer { margin: 0.3rem 0 0; color: #8696a0; font-size: 0.85em; }
  .wa-buttons { list-style: none; margin: 2px 0 0; padding: 0; display: grid; gap: 2px; }
  .wa-buttons li {
    background: #fff;
    border-radius: 6px;
    padding: 0.35rem;
    text-align: center;
    color: #00a5f4;
    box-shadow: 0 1px 0.5px rgba(0, 0, 0, 0.13);
  }
`;

/** Form controls shared by the composer-like elements: labelled fields, inline field errors, buttons. */
export const formStyles = css`
  .field { display: grid; gap: 0.2rem; margin: 0 0 0.6rem; }
  .field > label, .field > .label { font-weight: 600; }
  .field input, .field select, .field textarea {
    box-sizing: border-box;
    width: 100%;
    padding: 0.4rem 0.5rem;
    font: inherit;
    border: 1px solid #b8c2cc;
    border-radius: 6px;
    background: #fff;
  }
  .field textarea { min-height: 4.5rem; resize: vertical; }
  .field [aria-invalid='true'] { border-color: var(--wa-danger); }
  .field .help { color: #5f6b7a; font-size: 0.85em; }
  .field .field-error { color: var(--wa-danger); font-size: 0.85em; margin: 0; }
  input:focus-visible, select:focus-visible, textarea:focus-visible, button:focus-visible {
    outline: 2px solid var(--wa-accent);
    outline-offset: 1px;
  }
  .vars { display: grid; gap: 0.4rem; margin: 0 0 0.6rem; padding: 0; border: none; }
  .vars legend { font-weight: 600; padding: 0; margin-bottom: 0.25rem; }
  .var { display: grid; grid-template-columns: 8rem 10rem 1fr; gap: 0.4rem; align-items: center; }
  .var input, .var select { padding: 0.3rem 0.4rem; font: inherit; border: 1px solid #b8c2cc; border-radius: 6px; min-width: 0; }
  .primary, .secondary {
    font: inherit;
    font-weight: 600;
    padding: 0.4rem 1rem;
    border-radius: 6px;
    cursor: pointer;
  }
  .primary { border: none; background: var(--wa-accent); color: #fff; }
  .primary:disabled { background: #9fb8b4; cursor: not-allowed; }
  .secondary { border: 1px solid #b8c2cc; background: #f6f8fa; color: inherit; }
  .secondary:disabled { opacity: 0.5; cursor: not-allowed; }
  .notice {
    margin: 0.5rem 0;
    padding: 0.5rem 0.75rem;
    border-left: 4px solid #d9a400;
    border-radius: 4px;
    background: #fff8e1;
  }
  .notice.blocked { border-left-color: var(--wa-danger); background: #fef3f2; }
  .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;
