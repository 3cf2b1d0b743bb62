import { Page } from '@/components/page';
import { IncidentList } from '../components/incident-list';
import '../components/incidents.css';

/** `/app/incidents`: open outages with their running duration, and the history. */
export function IncidentsRoute() {
  return (
    <Page title="Incidents" lead="Outages across your monitors. Open incidents update live; each one resolves by itself when its monitor recovers." wide>
      <IncidentList />
    </Page>
  );
}
