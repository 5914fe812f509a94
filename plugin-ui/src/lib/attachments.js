/**
 * The files the lead panel can attach, as the server takes them (`POST /leads/{id}/media`): WhatsApp's media
 * types, at most 5 MB (the server's `wa.media.max-bytes` default; the server's answer is what counts). A
 * file is checked here first so the rep hears about a wrong file before it is uploaded.
 */
export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;

/** WhatsApp's caption limit for images, videos and documents. */
export const MAX_CAPTION_LENGTH = 1024;

const KINDS = Object.freeze({
  'image/jpeg': 'image', 'image/png': 'image',
  'video/mp4': 'video', 'video/3gpp': 'video',
  'audio/aac': 'audio', 'audio/amr': 'audio', 'audio/mpeg': 'audio', 'audio/mp4': 'audio', 'audio/ogg': 'audio',
  'application/pdf': 'document', 'text/plain': 'document', 'application/msword': 'document',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'document',
  'application/vnd.ms-excel': 'document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'document',
  'application/vnd.ms-powerpoint': 'document',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'document',
});

/** For the file input's `accept`. */
export const ACCEPTED_TYPES = Object.freeze(Object.keys(KINDS));

/** "image", "video", "audio" or "document" for a type WhatsApp sends; null for any other. */
export function attachmentKind(type) {
  return KINDS[String(type ?? '').split(';')[0].trim().toLowerCase()] ?? null;
}

/** Why this file cannot be attached, or null when it can: `{size, type, name}` as a File has them. */
export function attachmentProblem(file, max = MAX_ATTACHMENT_BYTES) {
  if (!file) return 'Choose a file.';
  if (!attachmentKind(file.type)) {
    return `WhatsApp does not send ${file.type ? `${file.type} files` : 'files of this type'}: attach an image (JPEG, PNG), a video (MP4), audio or a document (PDF, Office, text).`;
  }
  if (file.size === 0) return 'The file is empty.';
  if (file.size > max) return `The file is ${formatSize(file.size)}; the most that can be sent is ${formatSize(max)}.`;
  return null;
}

/** 1536 → "1.5 KB"; 5242880 → "5 MB". */
export function formatSize(bytes) {
  const n = Number(bytes) || 0;
  if (n < 1024) return `${n} B`;
  const [value, unit] = n < 1024 * 1024 ? [n / 1024, 'KB'] : [n / (1024 * 1024), 'MB'];
  return `${Number.isInteger(value) ? value : value.toFixed(1)} ${unit}`;
}
