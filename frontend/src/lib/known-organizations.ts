/**
 * The organizations a user chose from at login (`TenantChoicePayload`), remembered for this
 * browser tab so the app's organization switcher can offer them. Names and slugs only — never
 * a token — in sessionStorage, which is per origin and ends with the tab.
 */
export interface KnownOrganization {
  readonly slug: string;
  readonly name: string;
  readonly role: string;
}

const KEY = 'beacon.known-organizations';

function storage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.sessionStorage;
  } catch {
    return null;
  }
}

export function rememberOrganizations(email: string, organizations: readonly KnownOrganization[]): void {
  storage()?.setItem(KEY, JSON.stringify({ email: email.toLowerCase(), organizations }));
}

export function knownOrganizations(email: string): readonly KnownOrganization[] {
  const raw = storage()?.getItem(KEY);
  if (!raw) return [];
  try {
    const parsed = JSON.parse(raw) as { email?: unknown; organizations?: unknown };
    if (parsed.email !== email.toLowerCase() || !Array.isArray(parsed.organizations)) return [];
    return (parsed.organizations as unknown[]).filter(
      (o): o is KnownOrganization =>
        typeof o === 'object' && o !== null && typeof (o as KnownOrganization).slug === 'string' && typeof (o as KnownOrganization).name === 'string',
    );
  } catch {
    return [];
  }
}
