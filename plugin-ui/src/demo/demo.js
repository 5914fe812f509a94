// The host's lead screens: a lead list with a bulk action (mounts <wa-bulk-send>) and a lead detail
// (mounts <wa-lead-panel>). Plain DOM on purpose: the page plays the host CRM, not the plugin.
import { API, call, logEvent, startSession } from './session.js';

const PAGE_SIZE = 20;
const state = { token: null, q: '', page: 0, total: 0, leadId: null, selected: new Set() };
const $ = (id) => document.getElementById(id);

function showError(element, error) {
  element.hidden = !error;
  element.textContent = error ? error.message : '';
}

async function loadLeads() {
  const query = new URLSearchParams({ q: state.q, page: state.page, size: PAGE_SIZE });
  try {
    const page = await call(state.token, 'GET', `leads?${query}`);
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
    const pick = Object.assign(document.createElement('input'), { type: 'checkbox', checked: state.selected.has(lead.id) });
    pick.setAttribute('aria-label', `Select ${lead.name}`);
    pick.addEventListener('change', () => {
      if (pick.checked) state.selected.add(lead.id); else state.selected.delete(lead.id);
      renderSelection();
    });
    const open = Object.assign(document.createElement('button'), { type: 'button', className: 'link', textContent: lead.name });
    open.addEventListener('click', () => openLead(lead));
    row.append(cell(pick), cell(open), cell(lead.status), cell(lead.owner));
    return row;
  });
  if (!rows.length) rows.push(Object.assign(document.createElement('tr'), { innerHTML: '<td colspan="4" class="muted">No leads.</td>' }));
  $('lead-rows').replaceChildren(...rows);
  const first = state.total ? state.page * PAGE_SIZE + 1 : 0;
  const last = Math.min((state.page + 1) * PAGE_SIZE, state.total);
  $('paging-info').textContent = `${first}–${last} of ${state.total}`;
  $('prev').disabled = state.page === 0;
  $('next').disabled = last >= state.total;
}

function renderSelection() {
  const n = state.selected.size;
  $('bulk-open').disabled = n === 0;
  $('bulk-open').textContent = n ? `Send WhatsApp to ${n} selected…` : 'Send WhatsApp to selected…';
}

function cell(content) {
  const td = document.createElement('td');
  td.append(content ?? '');
  return td;
}

// The host's bulk action: the plugin's dialog, given the selection and the token.
function openBulkSend() {
  const dialog = document.createElement('wa-bulk-send');
  dialog.setAttribute('api-base', API);
  dialog.token = state.token;
  dialog.leadIds = [...state.selected];
  $('bulk-slot').replaceChildren(dialog);
  dialog.show();
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
  // The host's extension point lead.detail.panel: the plugin's panel with the lead id and token.
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
$('bulk-open').addEventListener('click', openBulkSend);
for (const type of ['wa-message-sent', 'wa-error']) $('plugin-slot').addEventListener(type, (e) => logEvent($('event-log'), e));
for (const type of ['wa-bulk-sent', 'wa-bulk-finished']) $('bulk-slot').addEventListener(type, (e) => logEvent($('bulk-log'), e));

startSession(async (token) => {
  state.token = token;
  state.page = 0;
  state.selected.clear();
  renderSelection();
  closeLead();
  await loadLeads();
  const wanted = new URLSearchParams(location.search).get('lead');
  if (wanted) {
    try {
      openLead(await call(token, 'GET', `leads/${encodeURIComponent(wanted)}`));
    } catch (error) {
      showError($('leads-error'), error);
    }
  }
});
