/**
 * The plugin's one error shape, `{"error":"...","field":"...","message":"..."}`, turned into an Error
 * the components can show. Pure: no fetch, no DOM.
 */
export class ApiError extends Error {
  constructor({ status = 0, error = 'error', field = null, message, violations = [] } = {}) {
    super(message || genericMessage(status));
    this.name = 'ApiError';
    this.status = status;
    this.error = error;
    this.field = field || null;
    /** Every broken rule, `{component, field, rule, message}`, when the API listed them (templates). */
    this.violations = violations;
  }

  /** What the component shows: the field named first when the server named one. */
  get display() {
    return this.field ? `${humanField(this.field)}: ${this.message}` : this.message;
  }

  toJSON() {
    return { status: this.status, error: this.error, field: this.field, message: this.message };
  }
}

/**
 * An ApiError from a failed response's status and body text. A body that is not our JSON shape
 * (a proxy's HTML page, an empty 502) still gives a readable message.
 */
export function parseApiError(status, bodyText) {
  let body = null;
  try {
    body = bodyText ? JSON.parse(bodyText) : null;
  } catch {
    body = null;
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    return new ApiError({ status, error: statusError(status) });
  }
  return new ApiError({
    status,
    error: typeof body.error === 'string' ? body.error : statusError(status),
    field: typeof body.field === 'string' ? body.field : null,
    message: typeof body.message === 'string' && body.message.trim() ? body.message : undefined,
    violations: Array.isArray(body.violations)
      ? body.violations.filter((v) => v && typeof v.field === 'string' && typeof v.message === 'string')
      : [],
  });
}

/** For fetch's own failures (offline, DNS, CORS): no status, nothing from the server. */
export function networkError(cause) {
  const error = new ApiError({ status: 0, error: 'network', message: 'Could not reach the WhatsApp service. Check the connection and try again.' });
  error.cause = cause;
  return error;
}

function genericMessage(status) {
  if (status === 401) return 'Your session has expired. Sign in again.';
  if (status === 403) return 'You do not have permission to do this.';
  if (status === 404) return 'Not found.';
  if (status === 0) return 'Could not reach the WhatsApp service.';
  if (status >= 500) return `The WhatsApp service failed (HTTP ${status}). Try again later.`;
  return `The request was refused (HTTP ${status}).`;
}

function statusError(status) {
  return ({ 400: 'bad_request', 401: 'unauthorized', 403: 'forbidden', 404: 'not_found', 409: 'conflict', 422: 'unprocessable' })[status]
    ?? (status >= 500 ? 'server_error' : 'error');
}

/** "text" → "Text", "template.name" → "Template name", "sendAt" → "Send at". */
export function humanField(field) {
  const words = String(field).replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[._\-[\]]+/g, ' ').trim().toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
