// The host's side of the demo's campaigns, analytics and admin pages: sign in through the shared demo
// session (session.js), then mount the page's plugin element with the API base and the token, as a host
// mounts an extension point from the descriptor (element name, module URL; the module is imported by the page).
//
// `?auth=provider` mounts it with a token-provider callback instead of a fixed token, the way a host with
// short-lived tokens does: the element asks for a token before every call (the page counts the calls in
// `window.waTokenProviderCalls`). `?campaign=<id>` opens that campaign on the campaigns page.
import { API, logEvent, startSession } from './session.js';

const slot = document.getElementById('plugin-slot');
const log = document.getElementById('event-log');
const query = new URLSearchParams(location.search);
window.waTokenProviderCalls = 0;

function mount(token) {
  const element = document.createElement(slot.dataset.element);
  element.setAttribute('api-base', API);
  if (query.get('auth') === 'provider') {
    element.tokenProvider = async () => {
      window.waTokenProviderCalls += 1;
      return token;
    };
  } else {
    element.token = token;
  }
  if (query.get('campaign')) element.campaignId = query.get('campaign');
  slot.replaceChildren(element);
  log.replaceChildren();
}

for (const type of ['wa-campaign-launched', 'wa-campaign-saved', 'wa-campaign-changed', 'wa-sender-changed', 'wa-error']) {
  slot.addEventListener(type, (event) => logEvent(log, event));
}
startSession(mount);
