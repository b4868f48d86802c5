import { formatDataWarning, type DataWarning } from '@tr/domain';

/** Warnings shown in a summary; the rest are counted, so a county with thousands stays readable. */
const SHOWN_WARNINGS = 10;

/** The snapshot's unlikely values (dataWarnings), the first few in full. */
export function dataWarningLines(warnings: readonly DataWarning[]): string[] {
  if (warnings.length === 0) return [];
  const lines = [
    `⚠ 数据提示 ${warnings.length} 条：以下数值已导入，但看来有误 / ${warnings.length} data warning(s): these values were taken but look wrong`,
    ...warnings.slice(0, SHOWN_WARNINGS).map((w) => `  ${formatDataWarning(w)}`),
  ];
  const more = warnings.length - SHOWN_WARNINGS;
  if (more > 0) lines.push(`  … 另有 ${more} 条 / and ${more} more`);
  return lines;
}
