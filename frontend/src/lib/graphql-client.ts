import { config } from '@/config/env';
import type { TypedDocumentString } from '@/gql/graphql';

/** One error object from a GraphQL response's `errors` array. */
export interface GraphQLErrorEntry {
  message: string;
  path?: ReadonlyArray<string | number>;
  extensions?: Record<string, unknown>;
}

/** Thrown for network failures, non-2xx responses, unreadable bodies and GraphQL errors. */
export class GraphQLRequestError extends Error {
  readonly status: number | undefined;
  readonly errors: readonly GraphQLErrorEntry[];

  constructor(message: string, options: { status?: number; errors?: readonly GraphQLErrorEntry[]; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'GraphQLRequestError';
    this.status = options.status;
    this.errors = options.errors ?? [];
  }
}

export interface RequestOptions {
  signal?: AbortSignal;
  /** Extra headers, e.g. `{ Authorization: 'Bearer …' }`. */
  headers?: Record<string, string>;
}

const OPERATION_NAME = /\b(?:query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]*)/;

function operationNameOf(query: string): string | undefined {
  return OPERATION_NAME.exec(query)?.[1];
}

function isErrorList(value: unknown): value is GraphQLErrorEntry[] {
  return Array.isArray(value) && value.every((e) => typeof e === 'object' && e !== null && typeof (e as { message?: unknown }).message === 'string');
}

/**
 * Executes a generated, typed GraphQL document against the Beacon API with `fetch`.
 * Resolves with `data`; rejects with {@link GraphQLRequestError} otherwise.
 * Operations without variables take `{}`.
 */
export async function request<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
  options: RequestOptions = {},
): Promise<TResult> {
  const query = document.toString();
  let response: Response;
  try {
    response = await fetch(config.graphqlUrl, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Accept: 'application/graphql-response+json, application/json',
        ...options.headers,
      },
      body: JSON.stringify({ query, variables, operationName: operationNameOf(query) }),
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new GraphQLRequestError('Network error: could not reach the Beacon server.', { cause });
  }

  let body: unknown;
  try {
    body = await response.json();
  } catch (cause) {
    throw new GraphQLRequestError(
      response.ok
        ? 'The server returned a response that is not valid JSON.'
        : `The server responded with HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}.`,
      { status: response.status, cause },
    );
  }

  const payload = (typeof body === 'object' && body !== null ? body : {}) as { data?: unknown; errors?: unknown };
  const errors = isErrorList(payload.errors) ? payload.errors : [];
  if (errors.length > 0) {
    throw new GraphQLRequestError(errors.map((e) => e.message).join('; '), { status: response.status, errors });
  }
  if (!response.ok) {
    throw new GraphQLRequestError(
      `The server responded with HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}.`,
      { status: response.status },
    );
  }
  if (payload.data === undefined || payload.data === null) {
    throw new GraphQLRequestError('The server response contained no data.', { status: response.status });
  }
  return payload.data as TResult;
}
