/**
 * Runtime configuration, validated once at start-up (imported first by the entry
 * points). An invalid value throws immediately instead of failing on first request.
 */
export interface AppConfig {
  /** GraphQL endpoint: a same-origin path such as `/graphql`, or an absolute http(s) URL. */
  readonly graphqlUrl: string;
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

function parseGraphqlUrl(raw: string | undefined): string {
  const value = (raw ?? '').trim();
  if (value === '') return '/graphql';
  if (value.startsWith('/') && !value.startsWith('//')) return value;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`VITE_GRAPHQL_URL must be a path starting with "/" or an http(s) URL, got "${value}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError(`VITE_GRAPHQL_URL must use http or https, got "${url.protocol}"`);
  }
  return url.toString();
}

export function loadConfig(env: ImportMetaEnv = import.meta.env): AppConfig {
  return Object.freeze({ graphqlUrl: parseGraphqlUrl(env.VITE_GRAPHQL_URL) });
}

export const config: AppConfig = loadConfig();
