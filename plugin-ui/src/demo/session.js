// The demo host's sign-in, shared by its pages: a top bar with the pages and an identity switcher, and a
// token from the demo token endpoint (demo mode only), exactly what a host hands to the components.
export const API = new URL('../api/v1', location.href).pathname;

const PAGES = [
  ['index.html', 'Leads'],
  ['customers.html', 'Customers'],
  ['templates.html', 'Templates'],
  ['campaigns.html', 'Campaigns'],
  ['analytics.html', 'Analytics'],
  ['admin.html', 'Admin settings'],
];

const KEY = 'wa-demo-identity';
const $ = (id) => document.getElementById(id);

export async function call(token, method, path, body) {
  const headers = { Accept: 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body) headers['Content-Type'] = 'application/json';
  const response = await fetch(`${API}/${path}`, { method, headers, body: body && JSON.stringify(body) });
  const text = await response.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch { json = null; }
  if (!response.ok) throw new Error(`${json?.field ? `${json.field}: ` : ''}${json?.message ?? `HTTP ${response.status}`}`);
  return json;
}

function identity() {
  const stored = JSON.parse(sessionStorage.getItem(KEY) ?? 'null');
  return stored ?? { tenant: 'acme', user: 'demo.rep', group: document.body.dataset.defaultGroup ?? 'sales-rep' };
}

function renderTopbar(current) {
  const here = location.pathname.split('/').pop() || 'index.html';
  const links = PAGES.map(([href, label]) => `<a href="${href}"${href === here ? ' aria-current="page"' : ''}>${label}</a>`).join('');
  $('topbar').innerHTML = `
    <div class="brand">Demo CRM <span class="sub">a mock host for the WhatsApp plugin</span></div>
    <nav class="pages" aria-label="Demo CRM pages">${links}</nav>
    <form id="identity" class="identity" aria-label="Demo identity">
      <label>Tenant <select name="tenant"><option>acme</option><option>globex</option></select></label>
      <label>User <input name="user" required size="10" autocomplete="off"></label>
      <label>Group <select name="group"><option>sales-rep</option><option>marketing</option><option>admin</option></select></label>
      <button type="submit">Switch</button>
      <span id="whoami" class="whoami" role="status"></span>
    </form>`;
  const form = $('identity');
  form.tenant.value = current.tenant;
  form.user.value = current.user;
  form.group.value = current.group;
}

/** Renders the top bar, signs in, and calls `onToken(token)` now and after every identity switch. */
export function startSession(onToken) {
  renderTopbar(identity());
  const signIn = async () => {
    const form = $('identity');
    const who = { tenant: form.tenant.value, user: form.user.value.trim(), group: form.group.value };
    sessionStorage.setItem(KEY, JSON.stringify(who));
    $('whoami').textContent = 'Signing in…';
    try {
      const { token } = await call(null, 'POST', 'demo/tokens', { tenant: who.tenant, user: who.user, groups: [who.group] });
      $('whoami').textContent = `${who.user} @ ${who.tenant} (${who.group})`;
      await onToken(token);
    } catch (error) {
      $('whoami').textContent = `Sign-in failed: ${error.message}`;
    }
  };
  $('identity').addEventListener('submit', (event) => { event.preventDefault(); signIn(); });
  signIn();
}

/** Writes the host's log of the events a component fired. */
export function logEvent(list, event) {
  const d = event.detail ?? {};
  const id = d.id ?? d.campaign?.id ?? d.account?.id;
  const status = d.status ?? d.campaign?.status;
  const summary = d.message ?? [d.action, id, status && `(${status})`].filter(Boolean).join(' ');
  list.prepend(Object.assign(document.createElement('li'), { textContent: `${new Date().toLocaleTimeString()} ${event.type}: ${summary}` }));
}
