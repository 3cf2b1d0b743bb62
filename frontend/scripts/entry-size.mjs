#!/usr/bin/env node
// Prints the size of what the SPA's main entry loads up front: the entry script and the chunks
// index.html preloads (JS), and its stylesheets — raw and gzip (level 9). Usage: node scripts/entry-size.mjs [dist]
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = path.resolve(process.argv[2] ?? 'dist');
const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
const js = [...html.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="([^"]+\.js)"/g)].map((m) => m[1]);
const css = [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+\.css)"/g)].map((m) => m[1]);

function total(files) {
  let raw = 0;
  let gz = 0;
  for (const file of files) {
    const bytes = readFileSync(path.join(dist, file));
    raw += bytes.length;
    gz += gzipSync(bytes, { level: 9 }).length;
  }
  return { raw, gz };
}

const kb = (n) => `${(n / 1024).toFixed(1)} kB`;
const j = total(js);
const c = total(css);
console.log(`main entry JS  (${js.length} files): ${kb(j.raw)} raw, ${kb(j.gz)} gzip`);
console.log(`main entry CSS (${css.length} files): ${kb(c.raw)} raw, ${kb(c.gz)} gzip`);
