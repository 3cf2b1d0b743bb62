import type { APIRequestContext } from '@playwright/test';
import { BEACON_URL, RUN_ID } from './env.ts';
import { waitForMailLink } from './mail.ts';

export type Role = 'OWNER' | 'ADMIN' | 'MEMBER' | 'VIEWER';

export interface Account {
  name: string;
  email: string;
  password: string;
}

export interface Organization {
  name: string;
  slug: string;
  accounts: Record<Role, Account>;
}

type Answer<T> = { data?: T; errors?: { message: string; extensions?: { code?: string; fields?: unknown; retryAfter?: number } }[] };

/**
 * Calls the real GraphQL API; throws with the server's message on any error. A RATE_LIMITED
 * answer is retried after the `retryAfter` seconds it names (a few times), as a client should:
 * every spec logs in from the same address, so the per-address login limit can be reached.
 */
export async function graphql<T>(request: APIRequestContext, query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
  let body: Answer<T> = {};
  let status = 0;
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const response = await request.post(`${BEACON_URL}/graphql`, {
      data: { query, variables },
      headers: token ? { Authorization: `Bearer ${token}` } : {},
    });
    status = response.status();
    body = (await response.json()) as Answer<T>;
    const limited = body.errors?.find((e) => e.extensions?.code === 'RATE_LIMITED');
    if (!limited) break;
    await new Promise((resolve) => setTimeout(resolve, (limited.extensions?.retryAfter ?? 1) * 1000 + 250));
  }
  if (body.errors?.length) {
    const operation = /\b(mutation|query)\b[^{]*\{\s*(\w+)/.exec(query)?.[2] ?? 'request';
    throw new Error(`GraphQL ${operation}: ${body.errors.map((e) => `${e.message} (${e.extensions?.code ?? '?'} ${JSON.stringify(e.extensions?.fields ?? '')})`).join('; ')}`);
  }
  if (!body.data) throw new Error(`GraphQL: no data (HTTP ${status})`);
  return body.data;
}

export function account(label: string): Account {
  return {
    name: `${label.charAt(0).toUpperCase()}${label.slice(1)} Tester`,
    email: `${label}-${RUN_ID}@example-test.io`,
    password: `${label}-password-${RUN_ID}`,
  };
}

/** Logs in over the API (the refresh cookie lands in `request`'s cookie jar); returns the access token. */
export async function logIn(request: APIRequestContext, who: Account, tenantSlug: string): Promise<string> {
  const data = await graphql<{ logIn: { __typename: string; accessToken?: string } }>(
    request,
    `mutation ($input: LogInInput!) { logIn(input: $input) { __typename ... on SessionPayload { accessToken } } }`,
    { input: { email: who.email, password: who.password, tenantSlug } },
  );
  if (!data.logIn.accessToken) throw new Error(`logIn for ${who.email} returned ${data.logIn.__typename}`);
  return data.logIn.accessToken;
}

/**
 * A fresh organization with one verified person per role, made through the real API and the
 * real mails (the same path as the UI, just faster): the owner signs up and verifies; the
 * others are invited and accept as new users.
 */
export async function createOrganization(request: APIRequestContext, label: string): Promise<Organization> {
  const slug = `${label}-${RUN_ID}`;
  const owner = account(`${label}-owner`);
  await graphql(request, `mutation ($input: SignUpInput!) { signUp(input: $input) { tenantHost } }`, {
    input: { email: owner.email, password: owner.password, name: owner.name, tenantName: `${label} org ${RUN_ID}`, tenantSlug: slug },
  });
  const verify = await waitForMailLink(owner.email, '/verify-email');
  await graphql(request, `mutation ($token: String!) { verifyEmail(token: $token) { verified } }`, { token: verify.searchParams.get('token') });
  const token = await logIn(request, owner, slug);

  const accounts = { OWNER: owner } as Record<Role, Account>;
  for (const role of ['ADMIN', 'MEMBER', 'VIEWER'] as const) {
    const person = account(`${label}-${role.toLowerCase()}`);
    await graphql(request, `mutation ($input: InviteMemberInput!) { inviteMember(input: $input) { id } }`, { input: { email: person.email, role } }, token);
    const link = await waitForMailLink(person.email, '/accept-invitation');
    await graphql(request, `mutation ($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { role } }`, {
      input: { token: link.searchParams.get('token'), password: person.password, name: person.name },
    });
    accounts[role] = person;
  }
  return { name: `${label} org ${RUN_ID}`, slug, accounts };
}
