import { describe, expect, it } from 'vitest';
import { decodeVlq, groupOf } from './modules';

describe('source-map reading for the bench', () => {
  it('decodes base-64 VLQ segments', () => {
    expect(decodeVlq('AAAA')).toEqual([0, 0, 0, 0]);
    expect(decodeVlq('AACA')).toEqual([0, 0, 1, 0]);
    expect(decodeVlq('gBAAD')).toEqual([16, 0, 0, -1]);
  });
  it('groups sources by folder or package', () => {
    expect(groupOf('../../lib/api/client.ts')).toBe('lib/api');
    expect(groupOf('../../node_modules/zod/v4/mini/schemas.js')).toBe('node_modules/zod');
    expect(groupOf('../../node_modules/@wxt-dev/browser/src/index.mjs')).toBe('node_modules/@wxt-dev/browser');
    expect(groupOf('../../components/Banner.tsx')).toBe('components');
  });
});
