import {
  makeCurriculumEntry,
  makeSchool,
  makeTeacher,
  SMALL_CURRICULUM,
} from '@tr/validator/testing/snapshot-factory';
import { ceilFte, shortage, staffingCap, subjectNeed, subjectSupply } from './staffing';

describe(subjectNeed.name, () => {
  it('sums periods × classes ÷ full load over both stages of a nine-year school', () => {
    // SMALL_CURRICULUM per class: primary Chinese 8/16, maths 6/16, music 2/16; junior Chinese and
    // maths 4/12, English 3/12, PE 2/12.
    const school = makeSchool('N', { type: 'nine_year', classesPrimary: 6, classesJunior: 3 });
    const need = subjectNeed(school, SMALL_CURRICULUM);
    expect(Object.keys(need).sort()).toEqual(['chinese', 'english', 'math', 'music', 'pe']);
    expect(need.chinese).toBeCloseTo(6 * 0.5 + 3 / 3, 12); // 4
    expect(need.math).toBeCloseTo(6 * (6 / 16) + 3 / 3, 12); // 3.25
    expect(need.music).toBeCloseTo(0.75, 12);
    expect(need.english).toBeCloseTo(0.75, 12);
    expect(need.pe).toBeCloseTo(0.5, 12);
  });

  it('leaves out a stage the school has no classes in, and subjects with no periods', () => {
    const school = makeSchool('P', { type: 'primary', classesPrimary: 4 });
    const curriculum = [...SMALL_CURRICULUM, makeCurriculumEntry('primary', 'art', 0, 16)];
    expect(subjectNeed(school, curriculum)).toEqual({ chinese: 2, math: 1.5, music: 0.5 });
  });
});

describe(subjectSupply.name, () => {
  it('counts every teacher by main subject, whatever their status or extra subjects', () => {
    const supply = subjectSupply([
      makeTeacher('1', 'S', { subject: 'math', status: 'maternity' }),
      makeTeacher('2', 'S', { subject: 'math', extraSubjects: ['music'] }),
      makeTeacher('3', 'S', { subject: 'pe', status: 'sick' }),
    ]);
    expect(supply).toEqual({ math: 2, pe: 1 });
  });
});

describe(shortage.name, () => {
  it('keeps only subjects whose need exceeds supply', () => {
    expect(shortage({ chinese: 4, math: 2.5, music: 1 }, { chinese: 5, math: 2, music: 1 })).toEqual({
      math: 0.5,
    });
  });
});

describe(ceilFte.name, () => {
  it('does not round floating-point noise above an integer up', () => {
    expect(ceilFte(3.0000000001)).toBe(3);
    expect(ceilFte((3 * 4.5) / 13.5)).toBe(1);
    expect(ceilFte(3)).toBe(3);
    expect(ceilFte(0)).toBe(0); // not -0
  });

  it('rounds a real fraction up', () => {
    expect(ceilFte(3.01)).toBe(4);
    expect(ceilFte(0.2)).toBe(1);
  });
});

describe(staffingCap.name, () => {
  it('is the need rounded up when the school has fewer', () => {
    expect(staffingCap(2.25, 1)).toBe(3);
    expect(staffingCap(3.0000000001, 0)).toBe(3);
  });

  it('is the present staff when the school already has more', () => {
    expect(staffingCap(1.5, 4)).toBe(4);
    expect(staffingCap(0, 2)).toBe(2);
  });

  it('is 0 for a subject neither needed nor taught', () => {
    expect(staffingCap(0, 0)).toBe(0);
  });
});
