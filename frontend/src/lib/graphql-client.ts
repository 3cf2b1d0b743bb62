import { config } from '@/config/env';
import type { TypedDocumentString } from '@/gql/graphql';

/** One error object from a GraphQL response's `errors` array. */
export interface GraphQLErrorEntry {
  message: string;
  path?: ReadonlyArray<string | number>;
  extensions?: Record<string, unknown>;
}

/** Error codes the Beacon API puts in `extensions.code` (others may appear). */
export type ApiErrorCode =
  | 'BAD_USER_INPUT'
  | 'CONFLICT'
  | 'RATE_LIMITED'
  | 'FORBIDDEN'
  | 'UNAUTHENTICATED'
  | 'NOT_FOUND'
  | 'BAD_REQUEST'
  | 'INTERNAL_SERVER_ERROR'
  | (string & {});

/** Message per input field name, from `extensions.fields` (`BAD_USER_INPUT`) or `extensions.field` (`CONFLICT`). */
export type FieldErrors = Readonly<Record<string, string>>;

function fieldErrorsFrom(errors: readonly GraphQLErrorEntry[]): FieldErrors {
  const out: Record<string, string> = {};
  for (const error of errors) {
    const ext = error.extensions ?? {};
    if (Array.isArray(ext.fields)) {
      for (const entry of ext.fields as unknown[]) {
        if (typeof entry !== 'object' || entry === null) continue;
        const { field, message } = entry as { field?: unknown; message?: unknown };
        if (typeof field === 'string' && !(field in out)) out[field] = typeof message === 'string' ? message : error.message;
      }
    }
    if (typeof ext.field === 'string' && !(ext.field in out)) out[ext.field] = error.message;
  }
  return out;
}

/** Thrown for network failures, non-2xx responses, unreadable bodies and GraphQL errors. */
export class GraphQLRequestError extends Error {
  readonly status: number | undefined;
  readonly errors: readonly GraphQLErrorEntry[];
  /** `extensions.code` of the first error that has one. */
  readonly code: ApiErrorCode | undefined;
  /** Per-field messages, keyed by the input field name. */
  readonly fields: FieldErrors;

  constructor(message: string, options: { status?: number; errors?: readonly GraphQLErrorEntry[]; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'GraphQLRequestError';
    this.status = options.status;
    this.errors = options.errors ?? [];
    const code = this.errors.map((e) => e.extensions?.code).find((c) => typeof c === 'string');
    this.code = typeof code === 'string' ? code : undefined;
    this.fields = fieldErrorsFrom(this.errors);
  }
}

/** The API error code of `error`, if it is a {@link GraphQLRequestError} that carries one. */
export function errorCodeOf(error: unknown): ApiErrorCode | undefined {
  return error instanceof GraphQLRequestError ? error.code : undefined;
}

/** Seconds to wait before trying again, from a `RATE_LIMITED` error's `extensions.retryAfter`. */
export function retryAfterOf(error: unknown): number | undefined {
  if (!(error instanceof GraphQLRequestError)) return undefined;
  for (const entry of error.errors) {
    const value = entry.extensions?.retryAfter;
    if (typeof value === 'number' && Number.isFinite(value) && value > 0) return Math.ceil(value);
  }
  return undefined;
}

export interface RequestOptions {
  signal?: AbortSignal;
  /** Access token; sent as `Authorization: Bearer <token>` when present. */
  accessToken?: string | null;
  /** Extra headers. */
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
  return send<TResult>(
    {
      'Content-Type': 'application/json',
      Accept: 'application/graphql-response+json, application/json',
      ...(options.accessToken ? { Authorization: `Bearer ${options.accessToken}` } : {}),
      ...options.headers,
    },
    JSON.stringify({ query, variables, operationName: operationNameOf(query) }),
    options,
  );
}

/**
 * Like {@link request}, but sends `files` (by variable name, e.g. `{ file }`) as a GraphQL
 * multipart request (graphql-multipart-request-spec): `operations` with those variables
 * `null`, `map` from part name to `variables.<name>`, then one part per file. Adds the
 * `Apollo-Require-Preflight` header the server wants against CSRF; the browser sets the
 * multipart `Content-Type` (with its boundary) itself.
 */
export async function requestMultipart<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
  files: Readonly<Record<string, Blob>>,
  options: RequestOptions = {},
): Promise<TResult> {
  const query = document.toString();
  const names = Object.keys(files);
  const nulled: Record<string, unknown> = { ...(variables as Record<string, unknown>) };
  for (const name of names) nulled[name] = null;
  const form = new FormData();
  form.append('operations', JSON.stringify({ query, variables: nulled, operationName: operationNameOf(query) }));
  form.append('map', JSON.stringify(Object.fromEntries(names.map((name, i) => [String(i), [`variables.${name}`]]))));
  names.forEach((name, i) => {
    const file = files[name]!;
    form.append(String(i), file, file instanceof File ? file.name : name);
  });
  return send<TResult>(
    {
      Accept: 'application/graphql-response+json, application/json',
      'Apollo-Require-Preflight': 'true',
      ...(options.accessToken ? { Authorization: `Bearer ${options.accessToken}` } : {}),
      ...options.headers,
    },
    form,
    options,
  );
}

async function send<TResult>(headers: Record<string, string>, body: string | FormData, options: RequestOptions): Promise<TResult> {
  let response: Response;
  try {
    response = await fetch(config.graphqlUrl, {
      method: 'POST',
      headers,
      // The refresh-token cookie (HttpOnly, Path=/graphql) must travel with same-origin requests.
      credentials: 'same-origin',
      body,
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new GraphQLRequestError('Network error: could not reach the Beacon server.', { cause });
  }

  let parsed: unknown;
  try {
    parsed = await response.json();
  } catch (cause) {
    throw new GraphQLRequestError(
      response.ok
        ? 'The server returned a response that is not valid JSON.'
        : `The server responded with HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}.`,
      { status: response.status, cause },
    );
  }

  const payload = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as { data?: unknown; errors?: unknown };
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
