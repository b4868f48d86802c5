import { roundDetail, SolvingProgress } from './solving-progress';

describe(SolvingProgress.name, () => {
  it('runs from 5% to 90% over the regions, a round worth a tenth of its region', () => {
    const progress = new SolvingProgress(2);
    expect(progress.round(0, 1)).toBe(5 + Math.round((0.1 / 2) * 85));
    expect(progress.finished(0)).toBe(5 + Math.round((1 / 2) * 85));
    expect(progress.finished(1)).toBe(90);
  });

  it('never goes back when regions on two threads report in any order', () => {
    const progress = new SolvingProgress(3);
    const reports: number[] = [
      progress.round(0, 1),
      progress.round(1, 1),
      progress.round(0, 2),
      progress.round(1, 5),
      progress.finished(1),
      progress.round(2, 1),
      progress.round(0, 3),
      // A late report of an earlier round changes nothing.
      progress.round(1, 2),
      progress.finished(0),
      progress.round(2, 12),
      progress.finished(2),
    ];
    for (let i = 1; i < reports.length; i++) expect(reports[i]).toBeGreaterThanOrEqual(reports[i - 1]);
    expect(reports.at(-1)).toBe(90);
    // A region's rounds past the ninth count as nine tenths until it is done.
    expect(reports.at(-2)).toBe(5 + Math.round(((1 + 1 + 0.9) / 3) * 85));
  });
});

describe(roundDetail.name, () => {
  it('names the region only where there are several, and the gap once one is proven', () => {
    expect(roundDetail(0, 1, 3, 0.2576)).toBe('第 3 轮 round 3 · 差距 gap 25.76%');
    expect(roundDetail(1, 4, 1, Infinity)).toBe('区域 region 2/4 · 第 1 轮 round 1 · 差距 gap —');
  });
});
