/**
 * Composer rules. WhatsApp caps a text body at 4,096 characters; we count UTF-16 code units
 * (`String.length`), as the server's `@Size` on a Java String does, so the two never disagree.
 */
export const MAX_TEXT_LENGTH = 4096;

/** `{used, remaining, over, label}` for the counter under the textarea. */
export function counterState(text, max = MAX_TEXT_LENGTH) {
  const used = (text ?? '').length;
  return { used, remaining: max - used, over: used > max, label: `${used.toLocaleString('en-US')} / ${max.toLocaleString('en-US')}` };
}

/** Sendable: something besides whitespace, within the limit, and no send already under way. */
export function canSend(text, busy = false, max = MAX_TEXT_LENGTH) {
  const value = text ?? '';
  return !busy && value.trim().length > 0 && value.length <= max;
}

/** Ctrl+Enter (Cmd+Enter on a Mac) sends; a plain Enter is a new line. */
export function isSendShortcut(event) {
  return event.key === 'Enter' && Boolean(event.ctrlKey || event.metaKey) && !event.isComposing;
}
