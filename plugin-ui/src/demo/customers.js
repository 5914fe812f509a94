// The host's customer screen: mounts <wa-customer-card> for the chosen customer, linking back to the lead screen.
import { API, startSession } from './session.js';

// The demo host's customers of each tenant (its own data; a real host reads them from its database).
const CUSTOMERS = { acme: [['1', 'Citra Smith'], ['2', 'Hana Müller']], globex: [['3', 'Olivia Smith']] };
const $ = (id) => document.getElementById(id);
let token = null;

function show(id, name) {
  $('customer-title').textContent = name;
  $('customer-empty').hidden = true;
  const card = document.createElement('wa-customer-card');
  card.setAttribute('api-base', API);
  card.setAttribute('lead-href', 'index.html?lead={leadId}');
  card.token = token;
  card.setAttribute('customer-id', id);
  $('card-slot').replaceChildren(card);
}

startSession((newToken) => {
  token = newToken;
  const tenant = document.querySelector('#identity select[name=tenant]').value;
  $('customers').replaceChildren(...(CUSTOMERS[tenant] ?? []).map(([id, name]) => {
    const button = Object.assign(document.createElement('button'), { type: 'button', className: 'link', textContent: name });
    button.addEventListener('click', () => show(id, name));
    const item = document.createElement('li');
    item.append(button);
    return item;
  }));
  $('card-slot').replaceChildren();
  $('customer-empty').hidden = false;
  // A deep link, as the host's own customer URLs would be: customers.html?customer=<id>.
  const wanted = new URLSearchParams(location.search).get('customer');
  if (wanted) show(wanted, (CUSTOMERS[tenant] ?? []).find(([id]) => id === wanted)?.[1] ?? `Customer ${wanted}`);
});
