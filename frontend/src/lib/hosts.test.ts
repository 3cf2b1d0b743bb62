import { describe, expect, it } from 'vitest';
import { hostInfo, slugify } from './hosts';

describe('hostInfo', () => {
  it('reads the development default from localhost names and IP literals', () => {
    expect(hostInfo('localhost', null)).toEqual({ baseDomain: 'localhost', tenantSlug: null });
    expect(hostInfo('127.0.0.1', null)).toEqual({ baseDomain: 'localhost', tenantSlug: null });
    expect(hostInfo('acme.localhost', null)).toEqual({ baseDomain: 'localhost', tenantSlug: 'acme' });
  });

  it('uses the configured BASE_DOMAIN when there is one', () => {
    expect(hostInfo('beacon.example.com', 'beacon.example.com')).toEqual({ baseDomain: 'beacon.example.com', tenantSlug: null });
    expect(hostInfo('app.beacon.example.com', 'beacon.example.com').tenantSlug).toBeNull();
    expect(hostInfo('acme.beacon.example.com', 'beacon.example.com').tenantSlug).toBe('acme');
    expect(hostInfo('a.b.beacon.example.com', 'beacon.example.com').tenantSlug).toBeNull();
  });

  it('takes app.<domain> as the apex without configuration', () => {
    expect(hostInfo('app.beacon.example.com', null)).toEqual({ baseDomain: 'beacon.example.com', tenantSlug: null });
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
