'use strict';
/* global FerrySettings */
(async () => {
  const api = globalThis.browser ?? globalThis.chrome;
  const field = (id) => document.getElementById(id);
  const settings = await FerrySettings.load();
  field('captureEnabled').checked = settings.captureEnabled;
  field('minSizeMB').value = String(settings.minSizeMB);
  field('fileTypes').value = settings.fileTypes.join(' ');
  field('excludedSites').value = settings.excludedSites.join('\n');

  field('save').addEventListener('click', async () => {
    const minSize = Number.parseFloat(field('minSizeMB').value);
    await FerrySettings.save({
      captureEnabled: field('captureEnabled').checked,
      minSizeMB: Number.isFinite(minSize) && minSize >= 0 ? minSize : FerrySettings.DEFAULTS.minSizeMB,
      fileTypes: FerrySettings.parseList(field('fileTypes').value),
      excludedSites: FerrySettings.parseList(field('excludedSites').value),
    });
    field('saved').textContent = api.i18n.getMessage('saved');
  });
})();
