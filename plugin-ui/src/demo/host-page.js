// The host's side of the demo's campaigns, analytics and admin pages: sign in with the demo token
// endpoint, then mount the page's plugin element with the API base and the token, as a host mounts
// an extension point from the descriptor (element name, module URL; the module is imported by the page).
const API = new URL('../api/v1', location.href).pathname;
const $ = (id) => document.getElementById(id);
const slot = $('plugin-slot');
const elementName = slot.dataset.element;

async function signIn() {
  const form = new FormData($('identity'));
  const identity = { tenant: form.get('tenant'), user: form.get('user').trim(), groups: [form.get('group')] };
  $('whoami').textContent = 'Signing in…';
  const response = await fetch(`${API}/demo/tokens`, {
    method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body: JSON.stringify(identity),
  }).catch((error) => ({ ok: false, status: 0, text: async () => error.message }));
  if (!response.ok) {
    $('whoami').textContent = `Sign-in failed (HTTP ${response.status})`;
    slot.replaceChildren();
    return;
  }
  const { token } = await response.json();
  $('whoami').textContent = `${identity.user} @ ${identity.tenant} (${identity.groups[0]})`;
  mount(token);
}

function mount(token) {
  const element = document.createElement(elementName);
  element.setAttribute('api-base', API);
  element.token = token;
  slot.replaceChildren(element);
  $('event-log').replaceChildren();
}

function logEvent(event) {
  const detail = event.detail ?? {};
  const summary = detail.message ?? [detail.action, detail.id ?? detail.campaign?.id ?? detail.account?.id, detail.status ?? detail.campaign?.status]
    .filter(Boolean).join(' ');
  $('event-log').prepend(Object.assign(document.createElement('li'), { textContent: `${new Date().toLocaleTimeString()} ${event.type}: ${summary}` }));
}

for (const type of ['wa-campaign-launched', 'wa-campaign-saved', 'wa-campaign-changed', 'wa-sender-changed', 'wa-error']) {
  slot.addEventListener(type, logEvent);
}
$('identity').addEventListener('submit', (event) => { event.preventDefault(); signIn(); });
signIn();
