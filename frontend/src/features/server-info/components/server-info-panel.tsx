import { useServerInfo } from '../api/get-server-info';
import './server-info.css';

/** Shows the running server's version and API version, with loading and error states. */
export function ServerInfoPanel() {
  const { data, error, isPending, isError, refetch, isFetching } = useServerInfo();

  if (isPending) {
    return (
      <p className="server-info-status" role="status">
        <span className="server-info-status__spinner" aria-hidden="true" />
        Loading server info…
      </p>
    );
  }

  if (isError) {
    return (
      <div className="server-info-error" role="alert">
        <p className="server-info-error__title">Could not load server info</p>
        <p className="server-info-error__detail">{error.message}</p>
        <button type="button" className="button" onClick={() => void refetch()} disabled={isFetching}>
          {isFetching ? 'Retrying…' : 'Try again'}
        </button>
      </div>
    );
  }

  return (
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
  );
}
