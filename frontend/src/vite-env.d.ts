/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** GraphQL endpoint; a same-origin path (default `/graphql`) or an absolute http(s) URL. */
  readonly VITE_GRAPHQL_URL?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
