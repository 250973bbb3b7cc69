import { describe, expect, it } from 'vitest';
import { departmentConfig } from './config.js';

describe('a department configuration', () => {
  it('has working defaults: SQLite under data/, its registry port, recording on', () => {
    const config = departmentConfig('cases', {});
    expect(config).toMatchObject({ production: false, host: '127.0.0.1', port: 4006, recordAccess: true, auditIngestUrl: 'http://127.0.0.1:4009/ingest' });
    expect(departmentConfig('cases', { AUDIT_PORT: '5009' }).auditIngestUrl).toBe('http://127.0.0.1:5009/ingest');
    expect(config.database).toMatchObject({ kind: 'sqlite', file: expect.stringMatching(/data\/cases\.sqlite$/) });
  });

  it('prefers the department’s own database to the shared server, and names its database on the shared one', () => {
    expect(departmentConfig('cases', { DATABASE_URL: 'postgres://u@h:5432/x' }).database).toEqual({
      kind: 'postgres',
      url: 'postgres://u@h:5432/x',
      dbName: 'govgraph_cases',
    });
    expect(departmentConfig('cases', { DATABASE_URL: 'postgres://u@h/x', CASES_DATABASE_URL: 'postgresql://u@other/mine' }).database).toMatchObject({
      url: 'postgresql://u@other/mine',
      dbName: 'mine',
    });
  });

  it('treats an empty variable as unset, as a shell does', () => {
    expect(departmentConfig('cases', { CASES_PORT: '', AUDIT_RECORDING: '', DATABASE_URL: '' })).toMatchObject({
      port: 4006,
      recordAccess: true,
      database: { kind: 'sqlite' },
    });
  });

  it.each([
    ['a port that is no port', { CASES_PORT: '70000' }, /CASES_PORT/],
    ['an audit port that is no port, where records would go', { AUDIT_PORT: 'abc' }, /AUDIT_PORT/],
    ['a database URL that is not PostgreSQL', { DATABASE_URL: 'mysql://u@h/x' }, /DATABASE_URL must be a postgres/],
    ['its own database URL that is not PostgreSQL', { CASES_DATABASE_URL: 'file:/etc/passwd' }, /CASES_DATABASE_URL must be a postgres/],
    ['a recording switch that is neither on nor off', { AUDIT_RECORDING: 'no' }, /AUDIT_RECORDING must be on or off/],
    ['an ingest address that is no http URL', { AUDIT_INGEST_URL: 'javascript:alert(1)' }, /AUDIT_INGEST_URL must be an http/],
  ])('refuses %s, naming the variable', (_, env, message) => {
    expect(() => departmentConfig('cases', env)).toThrow(message);
  });

  it('names every wrong variable at once', () => {
    expect(() => departmentConfig('cases', { CASES_PORT: 'x', AUDIT_RECORDING: 'no' })).toThrow(/CASES_PORT.*AUDIT_RECORDING|AUDIT_RECORDING.*CASES_PORT/);
  });

  it('refuses to run unrecorded in production', () => {
    expect(() => departmentConfig('population', { NODE_ENV: 'production', AUDIT_RECORDING: 'off' })).toThrow(/AUDIT_RECORDING=off is refused in production/);
    expect(departmentConfig('population', { AUDIT_RECORDING: 'off' }).recordAccess).toBe(false);
  });
});
