import { describe, expect, it } from 'vitest';
import { makeResidentId } from '../identifiers/resident-id.js';
import { maskText } from './masking.js';

const ID = makeResidentId('110105', '19900307', 2);

describe('numbers written in free text', () => {
  it('masks identity and mobile numbers wherever a person writes them, keeping the reader’s own', () => {
    expect(maskText(`我是${ID}，电话13912345678或 +86 139-1234-5678`, null)).toBe('我是110105************，电话139****5678或 139****5678');
    expect(maskText(`我是${ID}`, ID)).toBe(`我是${ID}`);
  });

  it('leaves hashes, UUIDs and ids that merely hold eleven digits alone', () => {
    const hash = 'a13912345678b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5';
    const uuid = '3f2a1c4e-b5d6-4e7f-a8b9-c13912345678';
    const request = 'req13912345678x';
    for (const text of [hash, uuid, request, `{"hash":"${hash}","id":"${uuid}"}`]) expect(maskText(text, null)).toBe(text);
  });
});
