import { parseCpuTicks, stealPercent } from './cpu-steal';

describe('CPU steal from /proc/stat', () => {
  const stat = (steal: number, idle: number) =>
    `cpu  1000 0 200 ${idle} 10 0 5 ${steal} 0 0\ncpu0 500 0 100 ${idle / 2} 5 0 2 ${steal / 2} 0 0\nintr 1 2 3\n`;

  it('reads the all-core line: the first eight fields summed, and steal', () => {
    expect(parseCpuTicks(stat(40, 3000))).toEqual({ total: 1000 + 200 + 3000 + 10 + 5 + 40, steal: 40 });
  });

  it('gives the share of CPU time stolen between two readings', () => {
    const before = parseCpuTicks(stat(40, 3000));
    const after = parseCpuTicks(stat(140, 3900));
    // 100 ticks stolen of 1,000 elapsed (900 idle + 100 steal).
    expect(stealPercent(before, after)).toBeCloseTo(10, 10);
  });

  it('says nothing without two readings, or where no time passed', () => {
    const reading = parseCpuTicks(stat(40, 3000));
    expect(stealPercent(undefined, reading)).toBeUndefined();
    expect(stealPercent(reading, reading)).toBeUndefined();
  });

  it('rejects text without a cpu line or with a short one', () => {
    expect(parseCpuTicks('intr 1 2 3\n')).toBeUndefined();
    expect(parseCpuTicks('cpu  1 2 3\n')).toBeUndefined();
  });
});
