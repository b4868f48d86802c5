import type { Policy, Snapshot, Teacher } from '@tr/domain';
import { makeSchool, makeSnapshot, makeTeacher, makeTeachers, NEWCOMER } from './snapshot-factory';

/**
 * Three primary schools on `SMALL_CURRICULUM` (per class: Chinese ½, maths ⅜, music ⅛ FTE):
 *
 * | school | area | classes | need (chinese/math/music) | staff | eligible |
 * |---|---|---|---|---|---|
 * | A | urban | 8 | 4 / 3 / 1 | A-C1..4, A-Ma1..3, A-M1 (county backbone), A-M2 | 9 |
 * | B | rural | 8 | 4 / 3 / 1 | B-C1..2, B-Ma1..2, all arrived 2024 | 0 |
 * | C | town  | 8 | 4 / 3 / 1 | C-C1..4, C-Ma1..3, C-M1 (city backbone) | 8 |
 *
 * So 17 eligible teachers: 2 to 4 movers under the default 10–25% band; A may send 3, C 2. B lacks
 * 2 Chinese, 1 maths and 1 music teacher. A is about 9 km from B; C lies between them.
 * `VALID_MOVES` (A-M1 → B music, A-C1 → B Chinese) satisfies every rule.
 */
export function smallCounty(policy: Partial<Policy> = {}, extraTeachers: Teacher[] = []): Snapshot {
  return makeSnapshot({
    schools: [
      makeSchool('A', { area: 'urban', lat: 34.75, lng: 113.62 }),
      makeSchool('B', { area: 'rural', lat: 34.8, lng: 113.7, pupilsPrimary: 300 }),
      makeSchool('C', { area: 'town', lat: 34.77, lng: 113.66, pupilsPrimary: 320 }),
    ],
    teachers: [
      ...makeTeachers(4, 'A', { subject: 'chinese' }, 'C'),
      ...makeTeachers(3, 'A', { subject: 'math' }, 'Ma'),
      makeTeacher('A-M1', 'A', { subject: 'music', backbone: 'county', degree: 'above' }),
      makeTeacher('A-M2', 'A', { subject: 'music' }),
      ...makeTeachers(2, 'B', { subject: 'chinese', ...NEWCOMER }, 'C'),
      ...makeTeachers(2, 'B', { subject: 'math', ...NEWCOMER }, 'Ma'),
      ...makeTeachers(4, 'C', { subject: 'chinese' }, 'C'),
      ...makeTeachers(3, 'C', { subject: 'math' }, 'Ma'),
      makeTeacher('C-M1', 'C', { subject: 'music', backbone: 'city' }),
      ...extraTeachers,
    ],
    policy,
  });
}

/** Teacher ids and destinations of a plan that breaks no rule on `smallCounty()`. */
export const VALID_MOVES: ReadonlyArray<readonly [teacherId: string, toSchool: string]> = [
  ['A-M1', 'B'],
  ['A-C1', 'B'],
];
