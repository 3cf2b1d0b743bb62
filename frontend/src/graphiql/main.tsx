import '@/config/env'; // validates configuration before anything renders
import '@/components/styles/tokens.css';
import { createGraphiQLFetcher, type Fetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { roleLabel } from '@/lib/roles';
import { hasAuthorization, SessionToken, type GraphiqlSession } from './session-token';
import 'graphiql/graphiql.css';
import './graphiql-page.css';

const wsProtocol = window.location.protocol === 'https:' ? 'wss:' : 'ws:';

// Same-origin endpoints; the websocket client is lazy and only connects for subscriptions.
const baseFetcher = createGraphiQLFetcher({
  url: '/graphql',
  subscriptionUrl: `${wsProtocol}//${window.location.host}/graphql/ws`,
});

const sessionToken = new SessionToken();

/** Adds the signed-in session's access token unless the headers pane sets Authorization itself. */
const fetcher: Fetcher = async (params, options) => {
  const headers = { ...(options?.headers ?? {}) } as Record<string, unknown>;
  if (!hasAuthorization(headers)) {
    const session = await sessionToken.get();
    if (session) headers.Authorization = `Bearer ${session.accessToken}`;
  }
  return baseFetcher(params, { ...options, headers });
};

const defaultQuery = `# Beacon GraphQL API
#
# Signed in to Beacon in this browser? Requests use your session.
# Integrators: open "Headers" below and paste an API key —
#   { "Authorization": "Bearer bk_..." }
# — a header you set there always wins.

query WhoAmI {
  serverInfo {
    version
    apiVersion
  }
}
`;

function SessionBanner() {
  const [session, setSession] = useState<GraphiqlSession | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void sessionToken.get().then((s) => {
      if (live) setSession(s);
    });
    return () => {
      live = false;
    };
  }, []);

  return (
    <header className="beacon-explorer__bar">
      <a className="beacon-explorer__brand" href={session ? '/app' : '/'}>
        <span className="beacon-explorer__mark" aria-hidden="true" />
        Beacon
      </a>
      <h1 className="beacon-explorer__title">GraphQL explorer</h1>
      <p className="beacon-explorer__status" role="status" data-testid="explorer-session">
        {session === undefined
          ? 'Checking your session…'
          : session
            ? `Signed in as ${session.userName} in ${session.tenantName} (${roleLabel(session.role).toLowerCase()}): requests use your session.`
            : 'Not signed in: add an API key in Headers, or log in to Beacon.'}
      </p>
      <a className="beacon-explorer__back" href={session ? '/app' : '/login'}>
        {session ? '← Back to Beacon' : 'Log in'}
      </a>
    </header>
  );
}

/**
 * CodeMirror 5 (GraphiQL's editors) types into an unlabelled hidden textarea; name each one
 * after the editor it belongs to, so screen readers (and axe) know which editor has focus, and
 * make the editors' scroll areas reachable from the keyboard.
 */
function labelEditors(root: HTMLElement) {
  const label = (textarea: HTMLTextAreaElement) => {
    if (textarea.hasAttribute('aria-label')) return;
    let name = 'Editor';
    if (textarea.closest('.graphiql-query-editor')) name = 'Query editor';
    else if (textarea.closest('.result-window, .graphiql-response')) name = 'Response';
    else {
      const tool = textarea.closest('.graphiql-editor-tool');
      const editors = tool ? Array.from(tool.querySelectorAll('.graphiql-editor')) : [];
      const index = editors.findIndex((editor) => editor.contains(textarea));
      name = index === 0 ? 'Variables editor' : index === 1 ? 'Headers editor' : 'Editor';
    }
    textarea.setAttribute('aria-label', name);
  };
  const labelAll = () => {
    root.querySelectorAll<HTMLTextAreaElement>('.CodeMirror textarea').forEach(label);
    // A long line makes an editor scroll sideways; keyboard users must be able to reach it
    // (CodeMirror leaves its scroll area at tabindex -1).
    root.querySelectorAll<HTMLElement>('.CodeMirror-scroll:not([tabindex="0"])').forEach((el) => el.setAttribute('tabindex', '0'));
  };
  labelAll();
  const observer = new MutationObserver(labelAll);
  observer.observe(root, { childList: true, subtree: true });
  return () => observer.disconnect();
}

function Explorer() {
  useEffect(() => {
    const root = document.getElementById('graphiql');
    return root ? labelEditors(root) : undefined;
  }, []);
  return (
    <div className="beacon-explorer">
      <SessionBanner />
      <main className="beacon-explorer__main">
        <GraphiQL fetcher={fetcher} defaultQuery={defaultQuery} isHeadersEditorEnabled shouldPersistHeaders={false}>
          <GraphiQL.Logo>Beacon</GraphiQL.Logo>
        </GraphiQL>
      </main>
    </div>
  );
}

const container = document.getElementById('graphiql');
if (!container) throw new Error('Missing #graphiql element in graphiql.html');

createRoot(container).render(
  <StrictMode>
    <Explorer />
  </StrictMode>,
);
