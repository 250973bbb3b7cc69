import { readFileSync } from 'node:fs';
import { generate } from '@graphql-codegen/cli';
import { describe, expect, it } from 'vitest';
import { API_FILE, compose, SUPERGRAPH_FILE } from '../schema/tools/compose.js';
import config from '../codegen.js';
import { INVENTORY_JSON_FILE, INVENTORY_MD_FILE, renderReport } from '../schema/tools/report.js';

// Generated files are committed so reviewers and auditors read them in the diff;
// these tests fail when a schema change was committed without regenerating them.
describe('committed generated files are up to date', () => {
  it('schema/supergraph.graphql and schema/api.graphql match a fresh composition (npm run compose)', () => {
    const result = compose();
    if (!result.ok) throw new Error(`composition failed:\n${result.errors.join('\n')}`);
    expect(readFileSync(SUPERGRAPH_FILE, 'utf8').trim()).toBe(result.supergraph.trim());
    expect(readFileSync(API_FILE, 'utf8')).toContain(result.api);
  });

  it('codegen output matches (npm run codegen)', async () => {
    const outputs = await generate({ ...config, cwd: process.cwd(), silent: true }, false);
    expect(outputs.length).toBeGreaterThan(2);
    for (const output of outputs) {
      expect(readFileSync(output.filename, 'utf8'), `${output.filename} is stale: run npm run codegen`).toBe(output.content);
    }
  });

  it('schema/inventory.json and .md match the supergraph, and every personal-looking field is marked (npm run schema:report)', () => {
    const report = renderReport(readFileSync(SUPERGRAPH_FILE, 'utf8'));
    expect(readFileSync(INVENTORY_JSON_FILE, 'utf8')).toBe(report.json);
    expect(readFileSync(INVENTORY_MD_FILE, 'utf8')).toBe(report.markdown);
    expect(report.problems).toEqual([]);
  });
});
