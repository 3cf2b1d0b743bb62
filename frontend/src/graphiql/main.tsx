import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'graphiql/graphiql.css';
import './graphiql-page.css';

const wsProtocol = window.location.protocol === 'https:' ? 'wss:' : 'ws:';

// Same-origin endpoints; the websocket client is lazy and only connects for subscriptions.
const fetcher = createGraphiQLFetcher({
  url: '/graphql',
  subscriptionUrl: `${wsProtocol}//${window.location.host}/graphql/ws`,
});

const defaultQuery = `# Beacon GraphQL API
#
# Operations that need a login: open "Headers"
# below and enter
#   { "Authorization": "Bearer <token>" }

query ServerInfo {
  serverInfo {
    version
    apiVersion
  }
}
`;

const container = document.getElementById('graphiql');
if (!container) throw new Error('Missing #graphiql element in graphiql.html');

createRoot(container).render(
  <StrictMode>
    <GraphiQL fetcher={fetcher} defaultQuery={defaultQuery} isHeadersEditorEnabled shouldPersistHeaders={false} />
  </StrictMode>,
);
