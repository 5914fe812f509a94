// The host's templates page: mounts <wa-template-manager> with the token.
import { API, logEvent, startSession } from './session.js';

const $ = (id) => document.getElementById(id);
for (const type of ['wa-template-submitted', 'wa-error']) $('slot').addEventListener(type, (e) => logEvent($('event-log'), e));

startSession((token) => {
  const manager = document.createElement('wa-template-manager');
  manager.setAttribute('api-base', API);
  manager.token = token;
  $('slot').replaceChildren(manager);
});
