import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const bundles = new Map<boolean, Promise<string>>();

/**
 * The console's browser code (main.tsx, Preact, graphql-sse) as one ES module, bundled in memory by esbuild on
 * the first request and kept: nothing built is committed, so it can never be stale, and a bundle takes well
 * under a second. Production minifies it; development keeps an inline source map.
 */
export function consoleBundle(production: boolean): Promise<string> {
  let bundle = bundles.get(production);
  if (!bundle) {
    bundle = build({
      entryPoints: [`${ROOT}main.tsx`],
      tsconfig: `${ROOT}tsconfig.json`,
      bundle: true,
      write: false,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      charset: 'utf8',
      minify: production,
      sourcemap: production ? false : 'inline',
      define: { 'process.env.NODE_ENV': JSON.stringify(production ? 'production' : 'development') },
      logLevel: 'silent',
    }).then((result) => result.outputFiles[0]!.text);
    // a failed build is not kept: the next request tries again (a file being edited in development)
    bundle.catch(() => bundles.delete(production));
    bundles.set(production, bundle);
  }
  return bundle;
}
