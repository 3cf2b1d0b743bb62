import { describe, expect, it } from 'vitest';
import { guessBaseDomain, serverHost, slugify, tenantSlugOf } from './hosts';

describe('tenantSlugOf', () => {
  it('finds the slug of <slug>.<BASE_DOMAIN> hosts only', () => {
    expect(tenantSlugOf('acme.beacon.example.com', 'beacon.example.com')).toBe('acme');
    expect(tenantSlugOf('ACME.Beacon.Example.com.', 'beacon.example.com')).toBe('acme');
    expect(tenantSlugOf('beacon.example.com', 'beacon.example.com')).toBeNull();
    expect(tenantSlugOf('app.beacon.example.com', 'beacon.example.com')).toBeNull();
    expect(tenantSlugOf('www.beacon.example.com', 'beacon.example.com')).toBeNull();
    expect(tenantSlugOf('a.b.beacon.example.com', 'beacon.example.com')).toBeNull();
    expect(tenantSlugOf('acme.localhost', 'localhost')).toBe('acme');
    expect(tenantSlugOf('127.0.0.1', 'localhost')).toBeNull();
    expect(tenantSlugOf('acme.other.org', 'beacon.example.com')).toBeNull();
  });
});

describe('serverHost', () => {
  it('takes the organization from the server, and flags a tenant-shaped host without one', () => {
    expect(serverHost('acme.localhost', { baseDomain: 'localhost', tenant: { slug: 'acme', name: 'Acme' } })).toEqual({
      baseDomain: 'localhost',
      tenant: { slug: 'acme', name: 'Acme' },
      unknownTenantSlug: null,
      fromServer: true,
    });
    expect(serverHost('gone.localhost', { baseDomain: 'localhost', tenant: null }).unknownTenantSlug).toBe('gone');
    expect(serverHost('localhost', { baseDomain: 'localhost', tenant: null }).unknownTenantSlug).toBeNull();
    // The server's BASE_DOMAIN decides, not the look of the host name.
    expect(serverHost('status.acme.io', { baseDomain: 'acme.io', tenant: null }).unknownTenantSlug).toBe('status');
    expect(serverHost('app.beacon.example.com', { baseDomain: 'beacon.example.com', tenant: null }).unknownTenantSlug).toBeNull();
  });
});

describe('guessBaseDomain (only when the server cannot be asked)', () => {
  it('reads the development default from localhost names and IP literals, and app.<domain>', () => {
    expect(guessBaseDomain('localhost')).toBe('localhost');
    expect(guessBaseDomain('acme.localhost')).toBe('localhost');
    expect(guessBaseDomain('127.0.0.1')).toBe('localhost');
    expect(guessBaseDomain('app.beacon.example.com')).toBe('beacon.example.com');
    expect(guessBaseDomain('beacon.example.com')).toBe('beacon.example.com');
  });
});

describe('slugify', () => {
  it('suggests a valid address from an organization name', () => {
    expect(slugify('Acme Corp.')).toBe('acme-corp');
    expect(slugify('  Café Zürich  ')).toBe('cafe-zurich');
    expect(slugify('!!!')).toBe('');
    expect(slugify('x'.repeat(80))).toHaveLength(40);
    expect(slugify('a -- b')).toBe('a-b');
  });
});
