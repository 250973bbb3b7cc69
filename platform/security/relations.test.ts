import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { makeResidentId } from '../identifiers/resident-id.js';
import { maskForRelation, representativeOf } from './relations.js';
import { sealer } from './seal.js';

const ID = makeResidentId('110105', '19900307', 2);

describe('relations', () => {
  it('masks phones and addresses at the source, leaves identity numbers to the response masking, and refuses what it cannot mask', () => {
    expect(maskForRelation('PHONE', '13812345678')).toBe('138****5678');
    expect(maskForRelation('ADDRESS', '甘肃省兰州市七里河区西津东路8号')).toBe('甘肃省兰州市****');
    expect(maskForRelation('IDENTITY_NUMBER', ID)).toBe(ID);
    expect(() => maskForRelation('NAME', '张三')).toThrow(/no masking for NAME/);
    expect(() => maskForRelation('non-personal', '110105')).toThrow();
  });

  it('carries a vouch inside the seal, for that request only, and never one that was altered', () => {
    const keys = sealer(randomBytes(32));
    const vouch = representativeOf('91110000600037341L');
    const sealed = keys.seal(ID, '110105************', 'r1', vouch);
    expect(keys.unseal(sealed, 'r1')).toEqual({ value: ID, vouch });
    expect(keys.unseal(keys.seal(ID, '110105************', 'r1'), 'r1')).toEqual({ value: ID, vouch: null });
    expect(() => keys.unseal(sealed, 'r2')).toThrow();
    const body = sealed.split('~gs1.')[1]!;
    const flipped = `${body.slice(0, 30)}${body[30] === 'A' ? 'B' : 'A'}${body.slice(31)}`;
    expect(() => keys.unseal(`110105************~gs1.${flipped}`, 'r1')).toThrow();
  });
});
