import { QueryState } from '@/components/query-state';
import { useServerInfo } from '../api/get-server-info';
import './server-info.css';

/** Shows the running server's version and API version, with loading and error states. */
export function ServerInfoPanel() {
  const serverInfo = useServerInfo();
  return (
    <QueryState query={serverInfo} what="server info" skeletonLines={2}>
      {(data) => (
        <div className="server-info" aria-label="Server info">
          <p className="server-info__row">
            <span className="server-info__label">Server version</span>{' '}
            <span className="server-info__value" data-testid="server-version">
              {data.version}
            </span>
          </p>
          <p className="server-info__row">
            <span className="server-info__label">API version</span>{' '}
            <span className="server-info__value" data-testid="api-version">
              {data.apiVersion}
            </span>
          </p>
        </div>
      )}
    </QueryState>
  );
}
