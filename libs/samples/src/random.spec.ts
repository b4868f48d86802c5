import { Rng } from './random';

describe(Rng.name, () => {
  it('repeats the same sequence for the same seed', () => {
    const a = new Rng(42);
    const b = new Rng(42);
    expect(Array.from({ length: 100 }, () => a.uint32())).toEqual(
      Array.from({ length: 100 }, () => b.uint32()),
    );
  });

  it('gives a different sequence for another seed', () => {
    const a = new Rng(1);
    const b = new Rng(2);
    expect(Array.from({ length: 10 }, () => a.uint32())).not.toEqual(
      Array.from({ length: 10 }, () => b.uint32()),
    );
  });

  it('keeps draws inside their ranges and roughly uniform', () => {
    const rng = new Rng(7);
    const counts = [0, 0, 0, 0, 0, 0];
    let outside = 0;
    for (let i = 0; i < 60_000; i++) {
      const x = rng.next();
      if (x < 0 || x >= 1) outside++;
      counts[rng.int(0, 5)]++;
    }
    expect(outside).toBe(0);
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(500);
  });

  it('forks streams that are reproducible and differ by salt', () => {
    const first = new Rng(9).fork(1).uint32();
    expect(new Rng(9).fork(1).uint32()).toBe(first);
    expect(new Rng(9).fork(2).uint32()).not.toBe(first);
  });

  it('picks weighted items in proportion to their weights', () => {
    const rng = new Rng(3);
    let heavy = 0;
    for (let i = 0; i < 10_000; i++)
      if (
        rng.weighted([
          ['a', 3],
          ['b', 1],
        ] as const) === 'a'
      )
        heavy++;
    expect(heavy / 10_000).toBeCloseTo(0.75, 1);
  });
});
