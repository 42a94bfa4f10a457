// Entry of the browser build: install the bridge client as window.broadsheet (what the Electron
// preload does on the desktop), then start the same app.

import { mountApp } from '../src/mountApp';
import { takeBridgeToken } from './bridgeToken';
import { createWebBridgeClient } from './webBridgeClient';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element to mount Broadsheet into.');

const token = takeBridgeToken({
  location: window.location,
  history: window.history,
  storage: window.sessionStorage,
});
if (token) {
  window.broadsheet = createWebBridgeClient({ token });
  mountApp(container);
} else {
  const message = document.createElement('p');
  message.setAttribute('role', 'alert');
  message.style.font = '16px/1.5 system-ui, sans-serif';
  message.style.margin = '2rem';
  message.textContent =
    'This page needs the access token from the address that "npm run dev:web" printed. Open that address (it ends in ?token=…).';
  container.replaceChildren(message);
}
