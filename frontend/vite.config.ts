/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { extractDataFonts } from './vite-plugins/extract-data-fonts.ts';
import { graphiqlDevRoute } from './vite-plugins/graphiql-dev-route.ts';

const backend = process.env.BEACON_BACKEND ?? 'http://127.0.0.1:8080';
const src = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  plugins: [extractDataFonts(), graphiqlDevRoute(), react()],
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${src('./src')}/` },
      // react-remove-scroll (used by Radix dialogs, in the app and in GraphiQL) injects <style> elements,
      // which `style-src 'self'` refuses. Swap in a constructable-stylesheet version.
      { find: /^react-style-singleton$/, replacement: src('./src/lib/csp-style-singleton.ts') },
    ],
  },
  server: {
    proxy: {
      '/graphql': { target: backend, changeOrigin: true, ws: true },
      '/health': { target: backend, changeOrigin: true },
    },
  },
  build: {
    // Never inline assets as data: URIs (the CSP allows data: only for images).
    assetsInlineLimit: 0,
    sourcemap: false,
    // The GraphiQL page (separate entry, codemirror + graphql-js) is ~700 kB by itself.
    chunkSizeWarningLimit: 800,
    rollupOptions: {
      input: {
        main: src('./index.html'),
        graphiql: src('./graphiql.html'),
      },
    },
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    restoreMocks: true,
    unstubGlobals: true,
  },
});
