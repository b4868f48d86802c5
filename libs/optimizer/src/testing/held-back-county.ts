import type { Snapshot } from '@tr/domain';
import { makeSchool, makeSnapshot, makeTeacher } from '@tr/validator/testing/snapshot-factory';

/**
 * Two schools, a 600-pupil urban A and a 120-pupil rural B, whose due principal and one teacher are each
 * school's only Chinese teachers: one of the two must stay. Five are eligible, so the county may move one
 * and no head exchange (two heads) fits. The model first holds the teacher back beside the principal;
 * with the principal staying anyway, the region is solved again and the teacher may go.
 */
export function heldBackCounty(): Snapshot {
  const principal = { role: 'principal', termsAsHead: 3 } as const;
  return makeSnapshot({
    schools: [
      makeSchool('A', { pupilsPrimary: 600, classesPrimary: 12 }),
      makeSchool('B', { area: 'rural', pupilsPrimary: 120, classesPrimary: 6 }),
    ],
    teachers: [
      makeTeacher('A-P', 'A', principal),
      makeTeacher('A-1', 'A'),
      makeTeacher('A-M', 'A', { subject: 'math', backbone: 'city' }),
      makeTeacher('B-P', 'B', principal),
      makeTeacher('B-1', 'B'),
    ],
  });
}
