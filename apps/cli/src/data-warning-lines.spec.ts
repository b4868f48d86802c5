import type { DataWarning } from '@tr/domain';
import { dataWarningLines } from './data-warning-lines';

const warning = (key: string): DataWarning => ({
  sheet: 'teachers',
  key,
  column: 'at_school_since',
  value: '2027-01-05',
  text: { zh: '晚于方案基准日 2026-09-01', en: "after the plan's reference date 2026-09-01" },
});

describe(dataWarningLines.name, () => {
  it('says nothing when there is nothing to warn of', () => {
    expect(dataWarningLines([])).toEqual([]);
  });

  it('counts the warnings, then lists each with where it is', () => {
    expect(dataWarningLines([warning('T1'), warning('T2')])).toEqual([
      '⚠ 数据提示 2 条：以下数值已导入，但看来有误 / 2 data warning(s): these values were taken but look wrong',
      "  teachers T1 at_school_since=2027-01-05: 晚于方案基准日 2026-09-01 / after the plan's reference date 2026-09-01",
      "  teachers T2 at_school_since=2027-01-05: 晚于方案基准日 2026-09-01 / after the plan's reference date 2026-09-01",
    ]);
  });

  it('lists the first ten of many and counts the rest', () => {
    const lines = dataWarningLines(Array.from({ length: 25 }, (_, i) => warning(`T${i + 1}`)));
    expect(lines).toHaveLength(12);
    expect(lines[0]).toContain('25 data warning(s)');
    expect(lines[10]).toContain('teachers T10 ');
    expect(lines[11]).toBe('  … 另有 15 条 / and 15 more');
  });
});
