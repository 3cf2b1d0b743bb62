import type { Plugin } from 'vite';

/**
 * In production the Rust server serves `dist/graphiql.html` at `/graphiql`.
 * Mirror that in `vite dev` so the same URL works locally.
 */
export function graphiqlDevRoute(): Plugin {
  return {
    name: 'beacon:graphiql-dev-route',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use((req, _res, next) => {
        if (req.url === '/graphiql' || req.url?.startsWith('/graphiql?')) {
          req.url = req.url.replace('/graphiql', '/graphiql.html');
        }
        next();
      });
    },
  };
}
