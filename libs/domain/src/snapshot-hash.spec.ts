import { canonicalJson, snapshotHash } from './snapshot-hash';
import type { Snapshot } from './model';

describe(canonicalJson.name, () => {
  it('writes every object with its keys sorted, at every depth, and keeps array order', () => {
    const value = { b: 1, a: { z: [3, { y: 1, x: 2 }], c: 'text' }, list: [{ q: 1, p: 2 }, { p: 3 }] };
    expect(canonicalJson(value)).toBe(
      '{"a":{"c":"text","z":[3,{"x":2,"y":1}]},"b":1,"list":[{"p":2,"q":1},{"p":3}]}',
    );
  });

  it('leaves out what JSON leaves out and keeps keys that look like numbers in string order', () => {
    expect(canonicalJson({ b: undefined, a: null, 10: 'ten', 9: 'nine' })).toBe(
      '{"10":"ten","9":"nine","a":null}',
    );
  });
});

describe(snapshotHash.name, () => {
  it('hashes snapshots alike whatever order their fields were set in', () => {
    const one = {
      county: 'X',
      policy: { year: 2026, max_distance_km: 60 },
      schools: [],
      teachers: [],
      curriculum: [],
    };
    const other = {
      teachers: [],
      curriculum: [],
      schools: [],
      policy: { max_distance_km: 60, year: 2026 },
      county: 'X',
    };
    expect(snapshotHash(one as unknown as Snapshot)).toBe(snapshotHash(other as unknown as Snapshot));
    expect(snapshotHash(one as unknown as Snapshot)).not.toBe(
      snapshotHash({ ...one, county: 'Y' } as unknown as Snapshot),
    );
  });
});
