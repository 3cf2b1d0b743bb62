import { vi } from 'vitest';

export interface RecordedOperation {
  operationName: string;
  variables: Record<string, unknown>;
  headers: Record<string, string>;
  /** The FormData of a multipart (upload) request; its `operations` give `operationName`/`variables`. */
  form?: FormData;
}

type Responder = (variables: Record<string, unknown>, call: number) => unknown;

/**
 * Stubs `fetch` with a GraphQL server answering by operation name. Each responder returns a
 * response body (`{ data }` or `{ errors }`); unknown operations fail the test loudly.
 */
export function mockGraphQL(responders: Record<string, Responder>) {
  const calls: RecordedOperation[] = [];
  const counts = new Map<string, number>();
  const fetchMock = vi.fn<typeof fetch>((_input, init) => {
    const form = init?.body instanceof FormData ? init.body : undefined;
    const raw = form ? form.get('operations') : init?.body;
    const body = JSON.parse(raw as string) as { operationName: string; variables: Record<string, unknown> };
    calls.push({
      operationName: body.operationName,
      variables: body.variables,
      headers: { ...(init?.headers as Record<string, string>) },
      ...(form ? { form } : {}),
    });
    const responder = responders[body.operationName];
    if (!responder) throw new Error(`unexpected GraphQL operation ${body.operationName}`);
    const call = counts.get(body.operationName) ?? 0;
    counts.set(body.operationName, call + 1);
    return Promise.resolve(
      new Response(JSON.stringify(responder(body.variables, call)), {
        status: 200,
        headers: { 'Content-Type': 'application/json' },
      }),
    );
  });
  vi.stubGlobal('fetch', fetchMock);
  return { fetchMock, calls };
}

export function gqlError(message: string, extensions: Record<string, unknown>) {
  return { data: null, errors: [{ message, extensions }] };
}
