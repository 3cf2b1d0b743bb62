import { describe, expect, it } from 'vitest';
import { graphql } from '@/gql';
import { gqlError, mockGraphQL } from '@/test/graphql-mock';
import { GraphQLRequestError, request } from './graphql-client';

const Doc = graphql(`
  query ServerInfo {
    serverInfo {
      version
      apiVersion
    }
  }
`);

describe('request', () => {
  it('sends the access token as a Bearer header only when there is one', async () => {
    const { calls, fetchMock } = mockGraphQL({ ServerInfo: () => ({ data: { serverInfo: { version: '1', apiVersion: '1' } } }) });

    await request(Doc, {}, { accessToken: 'abc' });
    await request(Doc, {}, { accessToken: null });

    expect(calls[0]?.headers.Authorization).toBe('Bearer abc');
    expect(calls[1]?.headers).not.toHaveProperty('Authorization');
    expect(fetchMock.mock.calls[0]?.[1]?.credentials).toBe('same-origin');
  });

  it('parses the error code and field messages', async () => {
    mockGraphQL({
      ServerInfo: () =>
        gqlError('invalid input', { code: 'BAD_USER_INPUT', fields: [{ field: 'email', message: 'Enter an email.' }] }),
    });

    const error = await request(Doc, {}).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(GraphQLRequestError);
    expect((error as GraphQLRequestError).code).toBe('BAD_USER_INPUT');
    expect((error as GraphQLRequestError).fields).toEqual({ email: 'Enter an email.' });
  });

  it('maps a CONFLICT field to the error message', async () => {
    mockGraphQL({ ServerInfo: () => gqlError('That address is taken.', { code: 'CONFLICT', field: 'tenantSlug' }) });

    const error = (await request(Doc, {}).catch((e: unknown) => e)) as GraphQLRequestError;

    expect(error.code).toBe('CONFLICT');
    expect(error.fields).toEqual({ tenantSlug: 'That address is taken.' });
  });
});
