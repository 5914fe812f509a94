import { html, nothing } from 'lit';
import { MAX_TEXT_LENGTH, canSend, counterState } from './lib/composer.js';
import { ACCEPTED_TYPES, MAX_CAPTION_LENGTH, formatSize } from './lib/attachments.js';

/**
 * The lead panel's free-text composer: the message (or, with a file attached, its caption) with its
 * character counter, and the attachment: a file input that uploads at once, the attached file with a
 * Remove button, and any refusal of the file next to it. State stays in the panel; `p` carries it and the
 * callbacks: `{lead, text, sending, sendError, attachment, uploading, attachError, onText, onKeydown,
 * onFile, onRemoveFile, renderError}`.
 */
export function renderTextComposer(p) {
  const max = p.attachment ? MAX_CAPTION_LENGTH : MAX_TEXT_LENGTH;
  const counter = counterState(p.text, max);
  const textInvalid = ['text', 'media.caption'].includes(p.sendError?.field) || counter.over;
  const sendable = p.attachment
    ? !p.sending && !p.uploading && !counter.over
    : !p.uploading && canSend(p.text, p.sending);
  return html`<label for="wa-text">${p.attachment ? 'Caption (optional)' : `Message${p.lead?.name ? ` to ${p.lead.name}` : ''}`}</label>
    <textarea id="wa-text" rows="3" .value=${p.text} aria-invalid=${textInvalid ? 'true' : 'false'}
      aria-describedby="wa-counter wa-hint ${p.sendError ? 'wa-send-error' : ''}"
      @input=${(e) => p.onText(e.target.value)} @keydown=${p.onKeydown}></textarea>
    ${renderAttachment(p)}
    <div class="row">
      <span id="wa-hint" class="hint">Ctrl+Enter to send</span>
      <span id="wa-counter" class="counter ${counter.over ? 'over' : ''}">
        ${counter.label}<span class="visually-hidden"> characters</span>
      </span>
      <button class="send" type="submit" ?disabled=${!sendable}>
        ${p.sending ? 'Sending…' : p.attachment ? `Send ${p.attachment.kind.toLowerCase()}` : 'Send'}
      </button>
    </div>
    <div role="status" class="visually-hidden">
      ${counter.over ? `Too long by ${-counter.remaining} characters; the limit is ${max}.` : ''}
    </div>`;
}

function renderAttachment(p) {
  const file = p.attachment;
  return html`<div class="attach">
    ${file
      ? html`<p class="attached" id="wa-attached">
          <span class="tag">${file.kind.toLowerCase()}</span> ${file.filename} <span class="hint">(${formatSize(file.size)})</span>
          <button type="button" class="link" @click=${p.onRemoveFile} aria-label="Remove ${file.filename}">Remove</button>
        </p>`
      : html`<label for="wa-file" class="file">${p.uploading ? 'Uploading…' : 'Attach a file'}</label>
        <input id="wa-file" type="file" accept=${ACCEPTED_TYPES.join(',')} ?disabled=${p.uploading}
          aria-describedby="wa-file-help${p.attachError ? ' wa-file-error' : ''}" aria-invalid=${p.attachError ? 'true' : 'false'}
          @change=${(e) => { const chosen = e.target.files?.[0]; e.target.value = ''; if (chosen) p.onFile(chosen); }}>
        <span id="wa-file-help" class="hint">An image, video, audio or document of at most 5 MB.</span>`}
    ${p.renderError(p.attachError, { id: 'wa-file-error' })}
  </div>`;
}
