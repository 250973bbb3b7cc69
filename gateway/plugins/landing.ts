import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';

/**
 * What a browser sees at the GraphQL URL (GET, Accept: text/html): in development a small page
 * with the links a newcomer needs and a plain explorer that needs nothing from the internet
 * (Apollo's embedded sandbox loads its code from a CDN); in production nothing (Apollo's JSON
 * answer to a GET without a query, as before).
 */
export function landingPagePlugin<C extends BaseContext>(production: boolean): ApolloServerPlugin<C> {
  if (production) return ApolloServerPluginLandingPageDisabled();
  return {
    async serverWillStart() {
      return {
        async renderLandingPage() {
          return { html: LANDING_PAGE };
        },
      };
    },
  };
}

const EXAMPLE = '{\n  me { role subject }\n  region(code: "110000") { fullName }\n}';

// one self-contained page: no script or style from anywhere else
export const LANDING_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>govgraph (development)</title>
<style>body{font:15px system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}textarea{width:100%;font:13px monospace}pre{background:#f4f4f4;padding:.5rem;overflow:auto}</style></head>
<body>
<h1>govgraph: the GraphQL endpoint (development)</h1>
<p>POST GraphQL here. Start with README.md: <em>An example query</em>, <em>Roles, tokens, purposes and masking</em>,
<em>Sample subjects</em> (<code>npm run -s demo</code>) and <em>Errors</em>. A token: <code>TOKEN=$(npm run -s token -- --role citizen --subject …)</code>.</p>
<p><a href="/console">/console</a> (the console, with a sign-in per role) · <a href="/health">/health</a> (every department) · <a href="/ready">/ready</a></p>
<h2>Explorer</h2>
<form id="f"><label>Query<br><textarea id="q" rows="8">${EXAMPLE}</textarea></label>
<label>Bearer token (optional)<br><textarea id="t" rows="2"></textarea></label>
<label>x-purpose (officers) <input id="p" size="40"></label> <button>Run</button></form>
<pre id="out"></pre>
<script>
document.getElementById('f').onsubmit = async (e) => {
  e.preventDefault();
  const headers = { 'content-type': 'application/json', 'apollographql-client-name': 'landing-page' };
  const token = document.getElementById('t').value.trim();
  const purpose = document.getElementById('p').value.trim();
  if (token) headers.authorization = 'Bearer ' + token;
  if (purpose) headers['x-purpose'] = encodeURIComponent(purpose);
  const response = await fetch(location.pathname, { method: 'POST', headers, body: JSON.stringify({ query: document.getElementById('q').value }) });
  document.getElementById('out').textContent = response.status + '\\n' + JSON.stringify(await response.json(), null, 2);
};
</script>
</body></html>
`;
