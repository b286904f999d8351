'use strict';
/* global FerrySettings */
/*
 * Ferry's background script: Chromium runs it as a service worker, Firefox as an event page
 * (dist/firefox's manifest lists settings.js before it). It talks to Ferry only through the
 * native-messaging host "app.ferry.host", one message per request (protocol version 1).
 */
if (typeof importScripts === 'function') {
  importScripts('settings.js');
}

const api = globalThis.browser ?? globalThis.chrome;
const HOST = 'app.ferry.host';
const MENU_ID = 'ferry-download';

api.runtime.onInstalled.addListener(async () => {
  await api.contextMenus.removeAll();
  api.contextMenus.create({
    id: MENU_ID,
    title: api.i18n.getMessage('menuDownload'),
    contexts: ['link', 'video', 'audio'],
  });
});

api.contextMenus.onClicked.addListener((info, tab) => {
  if (info.menuItemId !== MENU_ID) {
    return;
  }
  sendLink(info.linkUrl || info.srcUrl, info.pageUrl || tab?.url, tab?.incognito === true).then(showOutcome);
});

api.downloads.onCreated.addListener((item) => {
  captureIfWanted(item).catch((error) => showOutcome({ ok: false, message: String(error) }));
});

/*
 * Requests from the extension's own pages (the popup asks for a ping). The same "send-link"
 * request a context-menu click makes can come from an extension page, which is how the
 * end-to-end test triggers it: no browser automation can click a context menu. There are no
 * content scripts and no externally_connectable, so a web page cannot send these.
 */
api.runtime.onMessage.addListener((message, sender, sendResponse) => {
  if (sender.id !== api.runtime.id || !String(sender.url).startsWith(api.runtime.getURL(''))) {
    return false;
  }
  if (message?.type === 'ping') {
    ping().then(sendResponse);
    return true;
  }
  if (message?.type === 'send-link') {
    sendLink(message.url, message.pageUrl, false).then(sendResponse);
    return true;
  }
  return false;
});

/** {ok, version, windowRunning} or {ok: false, problem, detail} for the popup. */
async function ping() {
  try {
    const reply = await api.runtime.sendNativeMessage(HOST, { v: 1, type: 'ping' });
    if (reply?.type === 'pong') {
      return { ok: true, version: reply.ferryVersion, windowRunning: reply.windowRunning === true };
    }
    return { ok: false, problem: reply?.code === 'forbidden-origin' ? 'forbidden' : 'host-broken', detail: reply?.message };
  } catch (error) {
    return { ok: false, problem: classify(String(error?.message ?? error)), detail: String(error?.message ?? error) };
  }
}

/**
 * What a failed sendNativeMessage means for the user. Chromium says "Specified native messaging
 * host not found." and "Access to the specified native messaging host is forbidden."; Firefox
 * says "No such native application app.ferry.host"; anything else means the host was found but
 * did not answer (its launcher is gone or broken).
 */
function classify(text) {
  if (/not found|no such native application/i.test(text)) {
    return 'host-missing';
  }
  if (/forbidden/i.test(text)) {
    return 'forbidden';
  }
  return 'host-broken';
}

async function sendLink(url, pageUrl, incognito) {
  if (!FerrySettings.isHttp(url)) {
    return { ok: false, message: api.i18n.getMessage('notHttp') };
  }
  return send([await describe(url, pageUrl, undefined, incognito)]);
}

/**
 * A download as the host expects it: the URL with the browser's cookies for it, the page as
 * Referer, the browser's User-Agent. The cookies go straight to the host and are not kept here.
 */
async function describe(url, pageUrl, suggestedName, incognito) {
  // Private-window cookies stay private: a link from a private window goes without them.
  const cookies = incognito ? [] : await api.cookies.getAll({ url });
  const page = FerrySettings.isHttp(pageUrl) ? pageUrl : undefined;
  return {
    url,
    cookies: cookies.map((c) => ({
      name: c.name,
      value: c.value,
      domain: c.domain,
      path: c.path,
      secure: c.secure,
      ...(c.session || c.expirationDate === undefined ? {} : { expirationDate: c.expirationDate }),
    })),
    referer: page,
    pageUrl: page,
    userAgent: navigator.userAgent,
    suggestedName: FerrySettings.safeName(suggestedName) ?? FerrySettings.nameFromUrl(url),
  };
}

/** {ok, message}: ok only when Ferry accepted every download. */
async function send(downloads) {
  try {
    const reply = await api.runtime.sendNativeMessage(HOST, { v: 1, type: 'download', downloads });
    return { ok: reply?.type === 'accepted', message: reply?.message ?? '' };
  } catch (error) {
    return { ok: false, message: String(error?.message ?? error) };
  }
}

/*
 * Capture of the browser's own downloads. Manifest V3 gives a background script no keyboard
 * state, so "hold a key to let the browser download" is the popup's switch instead. The
 * browser's download is paused while Ferry decides and cancelled only once Ferry has accepted
 * it; on any refusal or error it resumes, so a download is never lost between the two.
 */
async function captureIfWanted(item) {
  const settings = await FerrySettings.load();
  if (!FerrySettings.shouldCapture(item, settings, await FerrySettings.bypassed())) {
    return;
  }
  await api.downloads.pause(item.id).catch(() => undefined); // It may have finished already; then Ferry is not needed.
  const [current] = await api.downloads.search({ id: item.id });
  if (!current || current.state !== 'in_progress') {
    return;
  }
  const url = item.finalUrl || item.url;
  const name = item.filename ? item.filename.split(/[/\\]/).pop() : undefined;
  const outcome = await send([await describe(url, item.referrer, name, false)]);
  if (outcome.ok) {
    await api.downloads.cancel(item.id);
    await api.downloads.erase({ id: item.id });
  } else {
    await api.downloads.resume(item.id);
  }
  showOutcome(outcome);
}

/** A short badge on the toolbar button: the only feedback that needs no extra permission. */
function showOutcome(outcome) {
  api.action.setBadgeBackgroundColor({ color: outcome.ok ? '#2e7d32' : '#c62828' });
  api.action.setBadgeText({ text: outcome.ok ? '✓' : '!' });
  api.action.setTitle({ title: outcome.ok ? api.i18n.getMessage('sentToFerry') : `${api.i18n.getMessage('notSent')} ${outcome.message}` });
  setTimeout(() => api.action.setBadgeText({ text: '' }), 4000);
}
