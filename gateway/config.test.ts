import { describe, expect, it } from 'vitest';
import { gatewayConfig } from './config.js';

describe('the gateway configuration', () => {
  it('stops the gateway too, naming the variable, instead of building a URL with port NaN', () => {
    expect(() => gatewayConfig({ CASES_PORT: 'abc' })).toThrow(/CASES_PORT must be a port number/);
    expect(gatewayConfig({ CASES_PORT: '5006' }).subgraphUrls.cases).toBe('http://127.0.0.1:5006/graphql');
  });
});
