/**
 * Reading a gateway's QR answer (`GET /accounts/{id}/session/qr`) whatever form it takes: an image
 * answered as is, or JSON carrying a data URL or bare base64 PNG under `image`, `qr`, `dataUrl` or
 * `base64`. Pure, so the node test runner checks it.
 */

/** `{kind: 'image'}` when the answer is itself an image, else `{src}` or `{message}` from its JSON body. */
export function qrFromAnswer(contentType, body) {
  if (String(contentType ?? '').toLowerCase().startsWith('image/')) return { kind: 'image' };
  const value = body && typeof body === 'object' ? body.image ?? body.qr ?? body.dataUrl ?? body.base64 ?? null : null;
  if (typeof value === 'string' && /^data:image\/[a-z+.-]+;base64,/i.test(value)) return { src: value };
  if (typeof value === 'string' && value.length >= 16 && /^[A-Za-z0-9+/]+={0,2}$/.test(value)) return { src: `data:image/png;base64,${value}` };
  return { message: 'The gateway answered without a QR image.' };
}

/** The session's state word, whichever name the gateway's answer uses for it. */
export function sessionState(session) {
  return session?.status ?? session?.state ?? null;
}
