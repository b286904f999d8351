'use strict';
/* Fills every element marked data-i18n with its message, as text (never as HTML). */
(() => {
  const api = globalThis.browser ?? globalThis.chrome;
  for (const element of document.querySelectorAll('[data-i18n]')) {
    element.textContent = api.i18n.getMessage(element.dataset.i18n);
  }
})();
