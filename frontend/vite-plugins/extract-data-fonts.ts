import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';

/**
 * Some third-party CSS (notably `graphiql/graphiql.css`) embeds its web fonts as
 * `url(data:font/woff2;base64,...)`. The server's CSP only allows `font-src 'self'`,
 * so such fonts would be refused. This plugin decodes every embedded font into a
 * real file (content-addressed, in Vite's cache dir) and rewrites the `url()` to a
 * relative path, so Vite's normal asset pipeline emits it as a hashed file under
 * `dist/assets/`, served from our own origin.
 */
const DATA_FONT_URL =
  /url\(\s*(['"]?)data:(font\/[\w.+-]+|application\/(?:x-)?font-[\w.+-]+);base64,([A-Za-z0-9+/=\s]+)\1\s*\)/g;

const EXTENSIONS: Record<string, string> = {
  'font/woff2': 'woff2',
  'font/woff': 'woff',
  'font/ttf': 'ttf',
  'font/otf': 'otf',
  'application/font-woff': 'woff',
  'application/x-font-woff': 'woff',
  'application/font-woff2': 'woff2',
  'application/x-font-ttf': 'ttf',
};

export function extractDataFonts(): Plugin {
  let outDir = '';
  return {
    name: 'beacon:extract-data-fonts',
    enforce: 'pre',
    configResolved(config) {
      outDir = path.join(config.cacheDir, 'data-fonts');
    },
    transform(code, id) {
      const file = id.split('?', 1)[0] ?? id;
      if (!file.endsWith('.css') || !code.includes('data:')) return null;
      let changed = false;
      const out = code.replace(DATA_FONT_URL, (_match, _quote: string, mime: string, b64: string) => {
        const bytes = Buffer.from(b64.replace(/\s+/g, ''), 'base64');
        const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 16);
        const ext = EXTENSIONS[mime] ?? 'font';
        const target = path.join(outDir, `${hash}.${ext}`);
        if (!existsSync(target)) {
          mkdirSync(outDir, { recursive: true });
          writeFileSync(target, bytes);
        }
        changed = true;
        const rel = path.relative(path.dirname(file), target).split(path.sep).join('/');
        return `url("${rel.startsWith('.') ? rel : `./${rel}`}")`;
      });
      return changed ? { code: out, map: null } : null;
    },
  };
}
