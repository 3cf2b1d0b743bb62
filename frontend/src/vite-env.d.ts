/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** GraphQL endpoint; a same-origin path (default `/graphql`) or an absolute http(s) URL. */
  readonly VITE_GRAPHQL_URL?: string;
  /** The server's BASE_DOMAIN; optional (derived from the page's host when unset). */
  readonly VITE_BASE_DOMAIN?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
