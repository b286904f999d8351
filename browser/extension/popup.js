'use strict';
/* global FerrySettings */
(async () => {
  const api = globalThis.browser ?? globalThis.chrome;
  const message = (key, ...substitutions) => api.i18n.getMessage(key, substitutions);
  const status = document.getElementById('status');

  const bypass = document.getElementById('bypass');
  bypass.checked = await FerrySettings.bypassed();
  bypass.addEventListener('change', () => FerrySettings.setBypassed(bypass.checked));
  document.getElementById('options').addEventListener('click', (event) => {
    event.preventDefault();
    api.runtime.openOptionsPage();
  });

  const reply = await api.runtime.sendMessage({ type: 'ping' });
  if (reply?.ok) {
    status.textContent = message(reply.windowRunning ? 'reachableRunning' : 'reachableNotRunning', reply.version);
    status.className = 'ok';
    return;
  }
  status.textContent = message('unreachable');
  status.className = 'problem';
  status.title = reply?.detail ?? '';
  // One line that fixes it: the command to run where there is one, else what to install.
  const fix = {
    'host-missing': ['ferry browser install', 'fixHostMissing'],
    forbidden: ['', 'fixForbidden'],
    'host-broken': ['', 'fixFerryMissing'],
  }[reply?.problem ?? 'host-broken'];
  document.getElementById('fix-command').textContent = fix[0];
  document.getElementById('fix-text').textContent = message(fix[1]);
  document.getElementById('fix').hidden = false;
})();
