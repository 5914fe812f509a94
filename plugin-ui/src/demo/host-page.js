// The host's side of the demo's campaigns, analytics and admin pages: sign in through the shared demo
// session (session.js), then mount the page's plugin element with the API base and the token, as a host
// mounts an extension point from the descriptor (element name, module URL; the module is imported by the page).
import { API, logEvent, startSession } from './session.js';

const slot = document.getElementById('plugin-slot');
const log = document.getElementById('event-log');

function mount(token) {
  const element = document.createElement(slot.dataset.element);
  element.setAttribute('api-base', API);
  element.token = token;
  slot.replaceChildren(element);
  log.replaceChildren();
}

for (const type of ['wa-campaign-launched', 'wa-campaign-saved', 'wa-campaign-changed', 'wa-sender-changed', 'wa-error']) {
  slot.addEventListener(type, (event) => logEvent(log, event));
}
startSession(mount);
