// Builds Ferry's extension for each browser from the one source tree in extension/:
//   dist/chromium/ and dist/ferry-chromium.zip: the manifest as written (service worker, fixed-id key)
//   dist/firefox/ and dist/ferry-firefox.xpi: an event page instead of the service worker
//     (Firefox's Manifest V3 has no background service worker) and no "key" (Chromium-only)
// Run with `npm run build`; no network, no dependencies beyond web-ext for packing.
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const source = join(here, 'extension');
const dist = join(here, 'dist');
const manifest = JSON.parse(readFileSync(join(source, 'manifest.json'), 'utf8'));

const variants = {
  chromium: () => {
    const { browser_specific_settings: _gecko, ...chromium } = manifest;
    return chromium;
  },
  firefox: () => {
    const { key: _key, ...firefox } = manifest;
    return { ...firefox, background: { scripts: ['settings.js', 'background.js'] } };
  },
};

rmSync(dist, { recursive: true, force: true });
for (const [name, variant] of Object.entries(variants)) {
  const out = join(dist, name);
  mkdirSync(out, { recursive: true });
  cpSync(source, out, { recursive: true });
  writeFileSync(join(out, 'manifest.json'), `${JSON.stringify(variant(), null, 2)}\n`);
  const archive = name === 'firefox' ? 'ferry-firefox.xpi' : 'ferry-chromium.zip';
  execFileSync(join(here, 'node_modules', '.bin', 'web-ext'),
    ['build', '--source-dir', out, '--artifacts-dir', dist, '--filename', archive, '--overwrite-dest'],
    { stdio: ['ignore', 'ignore', 'inherit'] });
  console.log(`${name}: ${join(out)} and ${join(dist, archive)}`);
}
