import { ServerInfoPanel } from '@/features/server-info/components/server-info-panel';

export function HomeRoute() {
  return (
    <section className="page">
      <h1 className="page__title">Beacon</h1>
      <p className="page__lead">Multi-tenant uptime monitoring.</p>
      <ServerInfoPanel />
    </section>
  );
}
