import { describe, expect, it } from 'vitest';
import { batches, hasMoved, type LicensedUser, usersToMove } from './users';

const OLD = '1e1a282c-9c54-43a2-9310-98ef728faace';
const user = (id: string, name: string, skus: string[]): LicensedUser => ({
  id,
  displayName: name,
  upn: `${id}@contoso.com`,
  skuIds: skus,
});
const users = [
  user('u3', 'Cara', [OLD]),
  user('u1', 'Abe', [OLD.toUpperCase()]),
  user('u2', 'Bea', ['other-sku']),
  user('u4', 'Dan', [OLD, 'other-sku']),
];

describe('usersToMove', () => {
  it('takes every holder of the retired license, in a stable order', () => {
    expect(usersToMove(users, OLD, null).map((u) => u.id)).toEqual(['u1', 'u3', 'u4']);
  });
  it('takes only the seats the retiring subscription contributes when the SKU is pooled', () => {
    expect(usersToMove(users, OLD, 2).map((u) => u.id)).toEqual(['u1', 'u3']);
    expect(usersToMove(users, OLD, 0)).toEqual([]);
  });
  it('keeps users already chosen by an earlier run', () => {
    expect(usersToMove(users, OLD, 2, ['U4']).map((u) => u.id)).toEqual(['u4', 'u1']);
  });
});

describe('batches', () => {
  it('splits into saves of at most the size', () => {
    expect(batches([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(batches([], 3)).toEqual([]);
  });
});

describe('hasMoved', () => {
  const OLD = 'c93fe0ce-7375-4b8d-a55e-bf562ae7154f';
  const NEW = '3B555118-DA6A-4418-894F-7DF1E2096870';
  const E3 = '6fd2c87f-b296-42f0-b197-1e91e994b900';

  it('needs the old product gone and the new one held (ids in any case)', () => {
    const target = { oldSku: OLD, newSku: NEW, covering: [] };
    expect(hasMoved([NEW.toLowerCase()], target)).toBe(true);
    expect(hasMoved([OLD, NEW], target)).toBe(false);
    expect(hasMoved([], target)).toBe(false);
  });

  it('in clean-up only, needs a covering product instead of the new one', () => {
    const target = { oldSku: OLD, newSku: null, covering: [E3] };
    expect(hasMoved([E3.toUpperCase()], target)).toBe(true);
    expect(hasMoved([], target)).toBe(false);
    expect(hasMoved([OLD, E3], target)).toBe(false);
  });
});
