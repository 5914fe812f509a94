// The host's side of the demo: sign in, list leads, show one, mount <wa-lead-panel> for it.
// Plain DOM on purpose: the page plays the host CRM, not the plugin.
const API = new URL('../api/v1', location.href).pathname;
const PAGE_SIZE = 20;
const state = { token: null, q: '', page: 0, total: 0, leadId: null };
const $ = (id) => document.getElementById(id);

async function call(method, path, body) {
  const headers = { Accept: 'application/json' };
  if (state.token) headers.Authorization = `Bearer ${state.token}`;
  if (body) headers['Content-Type'] = 'application/json';
  const response = await fetch(`${API}/${path}`, { method, headers, body: body && JSON.stringify(body) });
  const text = await response.text();
  const json = text ? safeJson(text) : null;
  if (!response.ok) {
    const where = json?.field ? `${json.field}: ` : '';
    throw new Error(`${where}${json?.message ?? `HTTP ${response.status}`}`);
  }
  return json;
}

function safeJson(text) {
  try { return JSON.parse(text); } catch { return null; }
}

function showError(element, error) {
  element.hidden = !error;
  element.textContent = error ? error.message : '';
}

async function signIn() {
  const form = new FormData($('identity'));
  const identity = { tenant: form.get('tenant'), user: form.get('user').trim(), groups: [form.get('group')] };
  state.token = null;
  $('whoami').textContent = 'Signing in…';
  try {
    state.token = (await call('POST', 'demo/tokens', identity)).token;
    $('whoami').textContent = `${identity.user} @ ${identity.tenant} (${identity.groups[0]})`;
  } catch (error) {
    $('whoami').textContent = `Sign-in failed: ${error.message}`;
    return;
  }
  state.page = 0;
  closeLead();
  await loadLeads();
}

async function loadLeads() {
  const query = new URLSearchParams({ q: state.q, page: state.page, size: PAGE_SIZE });
  try {
    const page = await call('GET', `leads?${query}`);
    state.total = page.total ?? 0;
    renderLeads(page.items ?? []);
    showError($('leads-error'), null);
  } catch (error) {
    state.total = 0;
    renderLeads([]);
    showError($('leads-error'), error);
  }
}

function renderLeads(leads) {
  const rows = leads.map((lead) => {
    const row = document.createElement('tr');
    row.dataset.leadId = lead.id;
    row.classList.toggle('selected', lead.id === state.leadId);
    const open = Object.assign(document.createElement('button'), { type: 'button', className: 'link', textContent: lead.name });
    open.addEventListener('click', () => openLead(lead));
    row.append(cell(open), cell(lead.status), cell(lead.owner));
    return row;
  });
  if (!rows.length) rows.push(Object.assign(document.createElement('tr'), { innerHTML: '<td colspan="3" class="muted">No leads.</td>' }));
  $('lead-rows').replaceChildren(...rows);
  const first = state.total ? state.page * PAGE_SIZE + 1 : 0;
  const last = Math.min((state.page + 1) * PAGE_SIZE, state.total);
  $('paging-info').textContent = `${first}–${last} of ${state.total}`;
  $('prev').disabled = state.page === 0;
  $('next').disabled = last >= state.total;
}

function cell(content) {
  const td = document.createElement('td');
  td.append(content ?? '');
  return td;
}

function openLead(lead) {
  state.leadId = lead.id;
  for (const row of $('lead-rows').rows) row.classList.toggle('selected', row.dataset.leadId === String(lead.id));
  $('detail-title').textContent = lead.name;
  const fields = [['Phone', lead.phone], ['Status', lead.status], ['Source', lead.source], ['Priority', lead.priority],
    ['Owner', lead.owner], ['Tags', (lead.tags ?? []).join(', ')], ['Created', lead.createdAt && new Date(lead.createdAt).toLocaleString()],
    ['Time zone', lead.timeZone]];
  $('lead-fields').replaceChildren(...fields.flatMap(([name, value]) => [
    Object.assign(document.createElement('dt'), { textContent: name }),
    Object.assign(document.createElement('dd'), { textContent: value || '—' }),
  ]));
  const panel = document.createElement('wa-lead-panel');
  panel.setAttribute('api-base', API);
  panel.token = state.token;
  panel.setAttribute('lead-id', lead.id);
  $('plugin-slot').replaceChildren(panel);
  $('event-log').replaceChildren();
  $('detail-empty').hidden = true;
  $('detail').hidden = false;
}

function closeLead() {
  state.leadId = null;
  $('detail-title').textContent = 'Lead';
  $('plugin-slot').replaceChildren();
  $('detail').hidden = true;
  $('detail-empty').hidden = false;
}

function logEvent(event) {
  const summary = event.type === 'wa-message-sent' ? `message ${event.detail?.id} (${event.detail?.status})` : event.detail?.message;
  const item = Object.assign(document.createElement('li'), { textContent: `${new Date().toLocaleTimeString()} ${event.type}: ${summary}` });
  $('event-log').prepend(item);
}

let searchTimer;
$('q').addEventListener('input', (event) => {
  clearTimeout(searchTimer);
  searchTimer = setTimeout(() => {
    state.q = event.target.value.trim();
    state.page = 0;
    loadLeads();
  }, 250);
});
$('search').addEventListener('submit', (event) => event.preventDefault());
$('prev').addEventListener('click', () => { state.page -= 1; loadLeads(); });
$('next').addEventListener('click', () => { state.page += 1; loadLeads(); });
$('identity').addEventListener('submit', (event) => { event.preventDefault(); signIn(); });
$('plugin-slot').addEventListener('wa-message-sent', logEvent);
$('plugin-slot').addEventListener('wa-error', logEvent);

signIn();
