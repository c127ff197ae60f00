import { createReadStream } from 'node:fs';
import { dirname, join } from 'node:path';
import type { FastifyInstance } from 'fastify';

/** Every asset is shipped by an npm package installed with the registry: the page works offline, with no CDN. */
const ASSETS: Record<string, { pkg: string; file: string; type: string }> = {
  'react.js': { pkg: 'react', file: 'umd/react.production.min.js', type: 'text/javascript' },
  'react-dom.js': { pkg: 'react-dom', file: 'umd/react-dom.production.min.js', type: 'text/javascript' },
  'graphiql.js': { pkg: 'graphiql', file: 'graphiql.min.js', type: 'text/javascript' },
  'graphiql.css': { pkg: 'graphiql', file: 'graphiql.min.css', type: 'text/css' },
};

// The packages' `exports` maps hide these files from require.resolve, but every package exports its manifest.
function assetPath(asset: { pkg: string; file: string }): string {
  return join(dirname(require.resolve(`${asset.pkg}/package.json`)), asset.file);
}

const PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8" />
  <title>Mutual Recognition Registry — GraphiQL</title>
  <link rel="stylesheet" href="/graphiql/assets/graphiql.css" />
  <style>html, body, #graphiql { height: 100%; margin: 0; }</style>
</head>
<body>
  <div id="graphiql">Loading…</div>
  <script src="/graphiql/assets/react.js"></script>
  <script src="/graphiql/assets/react-dom.js"></script>
  <script src="/graphiql/assets/graphiql.js"></script>
  <script src="/graphiql/assets/start.js"></script>
</body>
</html>`;

// Kept out of the page so a strict Content-Security-Policy (no inline script) can be served with it.
const START = `const fetcher = GraphiQL.createFetcher({ url: '/graphql' });
const defaultQuery = '# Is this certificate recognized in this country today, and why?\\n' +
  '# Queries without a key are public; add {"Authorization": "Bearer <key>"} under Headers for more.\\n' +
  'query {\\n  recognition(certificateNumber: "TH-PS-2024-0001", country: "MY") {\\n' +
  '    recognized basis arrangementId validUntil\\n    reasons { code message }\\n' +
  '    evidence { stream revision position type }\\n  }\\n}\\n';
ReactDOM.createRoot(document.getElementById('graphiql')).render(
  React.createElement(GraphiQL, { fetcher, defaultQuery, isHeadersEditorEnabled: true }),
);`;

const CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; connect-src 'self'";

export function registerGraphiql(app: FastifyInstance): void {
  app.get('/graphiql', (_request, reply) => {
    void reply.header('content-security-policy', CSP).type('text/html; charset=utf-8').send(PAGE);
  });
  app.get('/graphiql/assets/start.js', (_request, reply) => {
    void reply.type('text/javascript').send(START);
  });
  app.get<{ Params: { file: string } }>('/graphiql/assets/:file', (request, reply) => {
    // An own-property lookup: `constructor` or `__proto__` must not find Object's members and be read as a file.
    const asset = Object.hasOwn(ASSETS, request.params.file) ? ASSETS[request.params.file] : undefined;
    if (asset === undefined) return reply.code(404).send({ error: 'not found' });
    return reply
      .type(asset.type)
      .header('cache-control', 'public, max-age=86400')
      .send(createReadStream(assetPath(asset)));
  });
}
