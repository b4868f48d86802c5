/**
 * The solving stage's percent (5–90) from the regions' progress: a finished region counts whole, one in
 * its k-th LP round k tenths of it (at most nine). Regions on worker threads report side by side and in
 * any order, so the percent is the sum over all of them and never goes back.
 */
export class SolvingProgress {
  private readonly done: number[];

  constructor(regions: number) {
    this.done = new Array<number>(regions).fill(0);
  }

  round(region: number, round: number): number {
    return this.credit(region, Math.min(round, 9) / 10);
  }

  finished(region: number): number {
    return this.credit(region, 1);
  }

  private credit(region: number, share: number): number {
    this.done[region] = Math.max(this.done[region], share);
    const total = this.done.reduce((sum, s) => sum + s, 0);
    return 5 + Math.round((total / Math.max(1, this.done.length)) * 85);
  }
}

/** 第 3 轮 round 3 · 差距 gap 25.76%, with the region where there are several. */
export function roundDetail(index: number, regions: number, round: number, gap: number): string {
  const where = regions > 1 ? `区域 region ${index + 1}/${regions} · ` : '';
  const proven = Number.isFinite(gap) ? `差距 gap ${(100 * gap).toFixed(2)}%` : '差距 gap —';
  return `${where}第 ${round} 轮 round ${round} · ${proven}`;
}
