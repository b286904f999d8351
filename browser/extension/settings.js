'use strict';
/*
 * Capture rules, shared by the background script, the options page and the popup.
 * Rules live in storage.sync (they follow the user's browser profile); the popup's
 * "let the browser download" switch lives in storage.session, so it ends with the browser.
 * Nothing secret is ever stored: cookies are read when a download is sent and forgotten.
 */
const FerrySettings = (() => {
  const api = globalThis.browser ?? globalThis.chrome;

  const DEFAULTS = Object.freeze({
    captureEnabled: false,
    minSizeMB: 1,
    fileTypes: ['7z', 'apk', 'bz2', 'deb', 'dmg', 'exe', 'gz', 'iso', 'mkv', 'mov', 'mp3', 'mp4', 'msi',
      'pkg', 'rar', 'rpm', 'tar', 'webm', 'xz', 'zip', 'zst'],
    excludedSites: [],
  });

  async function load() {
    const stored = await api.storage.sync.get(Object.keys(DEFAULTS));
    return { ...DEFAULTS, ...stored };
  }

  async function save(settings) {
    await api.storage.sync.set(settings);
  }

  async function bypassed() {
    const { bypass } = await api.storage.session.get('bypass');
    return bypass === true;
  }

  async function setBypassed(value) {
    await api.storage.session.set({ bypass: value === true });
  }

  /** "zip, .ISO  mp4" -> ["zip", "iso", "mp4"] */
  function parseList(text) {
    return String(text).split(/[\s,;]+/).map((s) => s.trim().toLowerCase().replace(/^\*?\./, '')).filter(Boolean);
  }

  function hostOf(url) {
    try {
      return new URL(url).hostname.toLowerCase();
    } catch {
      return '';
    }
  }

  function isHttp(url) {
    return typeof url === 'string' && /^https?:\/\//i.test(url);
  }

  function siteExcluded(url, sites) {
    const host = hostOf(url);
    return host !== '' && sites.some((site) => host === site || host.endsWith(`.${site}`));
  }

  /** The file name a URL's path ends with, made safe for Ferry (no folders), or undefined. */
  function nameFromUrl(url) {
    try {
      const segment = new URL(url).pathname.split('/').pop();
      return safeName(decodeURIComponent(segment));
    } catch {
      return undefined;
    }
  }

  function safeName(name) {
    // eslint-disable-next-line no-control-regex
    const cleaned = String(name ?? '').replace(/[/\\\u0000-\u001f]/g, '_').slice(0, 255);
    return cleaned === '' || cleaned === '.' || cleaned === '..' ? undefined : cleaned;
  }

  function extensionOf(name) {
    const dot = name ? name.lastIndexOf('.') : -1;
    return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
  }

  /**
   * Whether a download the browser started should go to Ferry instead. A size the browser does
   * not know yet (-1 or 0) lets the file type decide alone.
   */
  function shouldCapture(item, settings, isBypassed) {
    const url = item.finalUrl || item.url;
    if (!settings.captureEnabled || isBypassed || item.incognito || !isHttp(url)) {
      return false;
    }
    if (siteExcluded(url, settings.excludedSites) || siteExcluded(item.referrer, settings.excludedSites)) {
      return false;
    }
    const name = safeName(item.filename?.split(/[/\\]/).pop()) ?? nameFromUrl(url);
    const types = settings.fileTypes;
    if (types.length > 0 && !types.includes(extensionOf(name))) {
      return false;
    }
    const size = item.totalBytes > 0 ? item.totalBytes : item.fileSize;
    return !(size > 0) || size >= settings.minSizeMB * 1024 * 1024;
  }

  return { DEFAULTS, load, save, bypassed, setBypassed, parseList, hostOf, isHttp, nameFromUrl, safeName, shouldCapture };
})();

globalThis.FerrySettings = FerrySettings;
