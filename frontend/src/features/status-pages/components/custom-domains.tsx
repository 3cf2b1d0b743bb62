import { useState, type FormEvent } from 'react';
import { Button } from '@/components/button';
import { ConfirmButton } from '@/components/confirm-dialog';
import { FormAlert, TextField } from '@/components/form';
import { splitErrors } from '@/components/form-errors';
import { Section } from '@/components/page';
import { useToast } from '@/components/toast';
import type { StatusPageQuery } from '@/gql/graphql';
import { hasRole, useSession } from '@/lib/session';
import { CopyButton } from '@/components/copy-button';
import { useAddCustomDomain, useRemoveCustomDomain, useVerifyCustomDomain } from '../api/status-pages';

type Domain = StatusPageQuery['statusPage']['domains'][number];

function DomainRow({ domain, canManage }: { domain: Domain; canManage: boolean }) {
  const verify = useVerifyCustomDomain();
  const remove = useRemoveCustomDomain();
  const toast = useToast();
  const verifyError = splitErrors(verify.error, ['hostname']);
  return (
    <li className="sp-domain" data-testid="custom-domain">
      <div className="sp-domain__head">
        <strong>{domain.hostname}</strong>
        <span className={`sp-pill ${domain.verified ? 'sp-tone--good' : 'sp-tone--minor'}`} data-testid="domain-state">
          {domain.verified ? 'Verified — serving this page' : 'Waiting for DNS'}
        </span>
      </div>
      {domain.verified ? null : (
        <>
          <p className="muted">Create one of these records at your DNS provider, then verify. Either one proves the domain is yours.</p>
          <table className="sp-dns">
            <caption className="visually-hidden">DNS records for {domain.hostname}</caption>
            <thead>
              <tr>
                <th scope="col">Type</th>
                <th scope="col">Name</th>
                <th scope="col">Value</th>
                <th scope="col">
                  <span className="visually-hidden">Copy</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {domain.dnsRecords.map((record) => (
                <tr key={record.type}>
                  <td>{record.type}</td>
                  <td>
                    <code>{record.name}</code>
                  </td>
                  <td>
                    <code>{record.value}</code>
                  </td>
                  <td>
                    <CopyButton text={record.value} label={`Copy the ${record.type} value`} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {verifyError.fields.hostname || verifyError.general ? <FormAlert>{verifyError.fields.hostname ?? verifyError.general}</FormAlert> : null}
        </>
      )}
      {canManage ? (
        <div className="sp-domain__actions">
          {domain.verified ? null : (
            <Button
              size="sm"
              pending={verify.isPending}
              pendingLabel="Looking up DNS…"
              onClick={() => verify.mutate(domain.id, { onSuccess: (d) => toast({ title: 'Domain verified', description: d.hostname }) })}
            >
              Verify
            </Button>
          )}
          <ConfirmButton
            trigger={
              <Button size="sm" variant="secondary" pending={remove.isPending} pendingLabel="Removing…">
                Remove
              </Button>
            }
            title={`Remove ${domain.hostname}?`}
            description={<p>The domain stops serving this page and loses its certificate at once.</p>}
            confirmLabel="Remove domain"
            onConfirm={() => remove.mutate(domain.id, { onSuccess: (d) => toast({ title: 'Domain removed', description: d.hostname }) })}
          />
        </div>
      ) : null}
    </li>
  );
}

/** A page's custom domains: the DNS records to create, verification, removal (admins and owners). */
export function CustomDomainsSection({ pageId, domains }: { pageId: string; domains: readonly Domain[] }) {
  const { session } = useSession();
  const canManage = hasRole(session?.role, 'ADMIN');
  const add = useAddCustomDomain(pageId);
  const [hostname, setHostname] = useState('');
  const errors = splitErrors(add.error, ['hostname']);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate(hostname, { onSuccess: () => setHostname('') });
  };
  return (
    <Section
      title="Custom domain"
      lead="Serve this page on your own domain, such as status.example.com. Only the public page is served there; the dashboard stays on your Beacon address."
    >
      {domains.length === 0 ? <p className="muted">No custom domain yet.</p> : null}
      <ul className="sp-domains">
        {domains.map((domain) => (
          <DomainRow key={domain.id} domain={domain} canManage={canManage} />
        ))}
      </ul>
      {canManage ? (
        <form className="form form--inline" onSubmit={onSubmit} aria-label="Add a custom domain" noValidate>
          {errors.general ? <FormAlert>{errors.general}</FormAlert> : null}
          <TextField
            label="Domain"
            name="hostname"
            placeholder="status.example.com"
            autoComplete="off"
            value={hostname}
            error={errors.fields.hostname}
            onChange={(event) => {
              setHostname(event.target.value);
              if (add.isError) add.reset();
            }}
          />
          <div>
            <Button type="submit" pending={add.isPending} pendingLabel="Adding…" disabled={hostname.trim() === ''}>
              Add domain
            </Button>
          </div>
        </form>
      ) : (
        <p className="muted">Admins and owners add and verify custom domains.</p>
      )}
    </Section>
  );
}
