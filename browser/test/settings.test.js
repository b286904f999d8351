'use strict';
// Unit tests of the capture rules (node --test): which browser downloads go to Ferry.
const test = require('node:test');
const assert = require('node:assert/strict');

require('../extension/settings.js');
const { FerrySettings } = globalThis;

const rules = { ...FerrySettings.DEFAULTS, captureEnabled: true, minSizeMB: 1, fileTypes: ['zip', 'iso'], excludedSites: ['example.org'] };
const item = (over) => ({ url: 'https://cdn.example.com/a/file.zip', referrer: 'https://example.com/', filename: '', totalBytes: 5e6, incognito: false, ...over });

test('a large zip from an http(s) site is captured', () => {
  assert.equal(FerrySettings.shouldCapture(item({}), rules, false), true);
});

test('nothing is captured while capture is off or bypassed from the popup', () => {
  assert.equal(FerrySettings.shouldCapture(item({}), { ...rules, captureEnabled: false }, false), false);
  assert.equal(FerrySettings.shouldCapture(item({}), rules, true), false);
});

test('below the size threshold the browser keeps it; an unknown size lets the type decide', () => {
  assert.equal(FerrySettings.shouldCapture(item({ totalBytes: 1000 }), rules, false), false);
  assert.equal(FerrySettings.shouldCapture(item({ totalBytes: -1 }), rules, false), true);
});

test('file types: the browser keeps what is not listed; an empty list takes every type', () => {
  assert.equal(FerrySettings.shouldCapture(item({ url: 'https://cdn.example.com/a/page.pdf' }), rules, false), false);
  assert.equal(FerrySettings.shouldCapture(item({ url: 'https://cdn.example.com/a/page.pdf' }), { ...rules, fileTypes: [] }, false), true);
  assert.equal(FerrySettings.shouldCapture(item({ url: 'https://x.example.com/get?id=1', filename: '/home/u/Downloads/disk.ISO' }), rules, false), true);
});

test('excluded sites (and their subdomains) keep their downloads, as the download page or the file host', () => {
  assert.equal(FerrySettings.shouldCapture(item({ url: 'https://dl.example.org/f.zip' }), rules, false), false);
  assert.equal(FerrySettings.shouldCapture(item({ referrer: 'https://example.org/page' }), rules, false), false);
  assert.equal(FerrySettings.shouldCapture(item({ url: 'https://notexample.org/f.zip' }), rules, false), true);
});

test('private windows, blob: and data: downloads are never captured', () => {
  assert.equal(FerrySettings.shouldCapture(item({ incognito: true }), rules, false), false);
  assert.equal(FerrySettings.shouldCapture(item({ url: 'blob:https://example.com/123' }), rules, false), false);
  assert.equal(FerrySettings.shouldCapture(item({ url: 'data:application/zip;base64,AA' }), rules, false), false);
});

test('names from URLs carry no folders', () => {
  assert.equal(FerrySettings.nameFromUrl('https://h.example/a/b%2F..%2Fc.zip'), 'b_.._c.zip');
  assert.equal(FerrySettings.nameFromUrl('https://h.example/'), undefined);
  assert.equal(FerrySettings.safeName('..'), undefined);
});

test('lists typed in the options page are normalised', () => {
  assert.deepEqual(FerrySettings.parseList('zip, .ISO  *.mp4\n'), ['zip', 'iso', 'mp4']);
});
