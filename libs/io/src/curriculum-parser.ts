import {
  isSubject,
  localized,
  STAGES,
  type CurriculumEntry,
  type SnapshotIssue,
  type Subject,
} from '@tr/domain';
import { EXPECT } from './expectations';
import { readRows, UniqueKeys } from './row-reader';
import { REQUIRED_COLUMNS } from './snapshot-columns';
import type { SheetTable } from './sheet-table';

const STAGE_SUBJECT = localized('学段与学科组合', 'stage and subject pair');

export function parseCurriculum(table: SheetTable, issues: SnapshotIssue[]): CurriculumEntry[] {
  const entries: CurriculumEntry[] = [];
  const pairs = new UniqueKeys();
  for (const r of readRows(table, REQUIRED_COLUMNS.curriculum, issues)) {
    const stage = r.choice('stage', STAGES);
    const subject = readSubject(r.required('subject'), (value) => r.issue('subject', value, EXPECT.subject));
    const periodsPerClassWeek = r.number('periods_per_class_week', true, (n) => n >= 0, EXPECT.atLeastZero);
    const fullLoadPeriods = r.number('full_load_periods', true, (n) => n > 0, EXPECT.positive);
    if (stage === undefined || subject === undefined) continue;
    if (!pairs.claim(`${stage}/${subject}`, r, 'subject', STAGE_SUBJECT, subject)) continue;
    if (periodsPerClassWeek === undefined || fullLoadPeriods === undefined) continue;
    entries.push({ stage, subject, periodsPerClassWeek, fullLoadPeriods });
  }
  return entries;
}

/** A subject code, or `undefined` after reporting through `report`. */
export function readSubject(text: string | undefined, report: (value: string) => void): Subject | undefined {
  if (text === undefined) return undefined;
  if (isSubject(text)) return text;
  report(text);
  return undefined;
}
