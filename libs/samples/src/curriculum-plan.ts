import type { CurriculumEntry, Stage, Subject } from '@tr/domain';

/**
 * Weekly periods per class from the 2022 national compulsory-education curriculum plan
 * (义务教育课程方案（2022年版）), averaged over the grades of each stage: grades 1–2 have 26 periods a
 * week, 3–6 have 30, 7–9 have 34. Local and school-based periods (地方课程、校本课程) and class meetings
 * are folded into the subjects whose teachers usually take them (chinese, labour, integrated practice),
 * so the totals come close to the plan's week.
 */
interface PlanRow {
  subject: Subject;
  /** Periods per week by grade, in grade order. */
  byGrade: readonly number[];
  fullLoad: number;
}

// Full loads: head-teacher (班主任) subjects carry fewer periods; junior teachers mark and prepare more.
const PRIMARY: readonly PlanRow[] = [
  { subject: 'chinese', byGrade: [9, 9, 7, 7, 6, 6], fullLoad: 14 },
  { subject: 'math', byGrade: [4, 4, 5, 5, 5, 5], fullLoad: 14 },
  { subject: 'english', byGrade: [0, 0, 2, 2, 3, 3], fullLoad: 15 },
  { subject: 'ideology', byGrade: [2, 2, 3, 3, 3, 3], fullLoad: 15 },
  { subject: 'science', byGrade: [1, 1, 2, 2, 2, 2], fullLoad: 15 },
  { subject: 'pe', byGrade: [4, 4, 3, 3, 3, 3], fullLoad: 15 },
  { subject: 'music', byGrade: [2, 2, 2, 2, 2, 2], fullLoad: 15 },
  { subject: 'art', byGrade: [2, 2, 2, 2, 2, 2], fullLoad: 15 },
  { subject: 'it', byGrade: [0, 0, 1, 1, 1, 1], fullLoad: 15 },
  { subject: 'labour', byGrade: [1, 1, 1, 1, 1, 1], fullLoad: 15 },
  { subject: 'integrated_practice', byGrade: [0, 0, 1, 1, 1, 1], fullLoad: 15 },
  { subject: 'psychology', byGrade: [0.5, 0.5, 0.5, 0.5, 0.5, 0.5], fullLoad: 15 },
];

const JUNIOR: readonly PlanRow[] = [
  { subject: 'chinese', byGrade: [6, 5, 5], fullLoad: 12 },
  { subject: 'math', byGrade: [5, 5, 5], fullLoad: 12 },
  { subject: 'english', byGrade: [4, 4, 4], fullLoad: 12 },
  { subject: 'ideology', byGrade: [2, 2, 3], fullLoad: 13 },
  { subject: 'history', byGrade: [2, 2, 2], fullLoad: 13 },
  { subject: 'geography', byGrade: [2, 2, 0], fullLoad: 13 },
  { subject: 'biology', byGrade: [2, 2, 0], fullLoad: 13 },
  { subject: 'physics', byGrade: [0, 3, 3], fullLoad: 12 },
  { subject: 'chemistry', byGrade: [0, 0, 4], fullLoad: 12 },
  { subject: 'pe', byGrade: [3, 3, 3], fullLoad: 13 },
  { subject: 'music', byGrade: [1, 1, 1], fullLoad: 13 },
  { subject: 'art', byGrade: [1, 1, 1], fullLoad: 13 },
  { subject: 'it', byGrade: [1, 1, 0], fullLoad: 13 },
  { subject: 'labour', byGrade: [1, 1, 1], fullLoad: 13 },
  { subject: 'integrated_practice', byGrade: [1, 1, 1], fullLoad: 13 },
  { subject: 'psychology', byGrade: [0.5, 0.5, 0.5], fullLoad: 13 },
];

function entries(stage: Stage, rows: readonly PlanRow[]): CurriculumEntry[] {
  return rows.map((row) => ({
    stage,
    subject: row.subject,
    // Two decimals: a spreadsheet-friendly average that still sums to the plan's week.
    periodsPerClassWeek:
      Math.round((100 * row.byGrade.reduce((a, b) => a + b, 0)) / row.byGrade.length) / 100,
    fullLoadPeriods: row.fullLoad,
  }));
}

/** The curriculum sheet every sample county carries. */
export function curriculumPlan(): CurriculumEntry[] {
  return [...entries('primary', PRIMARY), ...entries('junior', JUNIOR)];
}
