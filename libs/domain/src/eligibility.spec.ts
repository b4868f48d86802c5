import { makePolicy, makeTeacher } from '@tr/validator/testing/snapshot-factory';
import { assessEligibility, isHead, retirementAge } from './eligibility';
import type { Teacher } from './model';

/** Policy defaults, year 2026: reckoned on 2026-09-01; 6 years at school; retire at 60 (M) / 55 (F); exempt within 5 years. */
const policy = makePolicy();
const assess = (overrides: Partial<Teacher>) => assessEligibility(makeTeacher('T1', 'S1', overrides), policy);

describe(assessEligibility.name, () => {
  it('finds a default teacher eligible, with the numbers it used', () => {
    expect(assess({})).toMatchObject({
      eligible: true,
      reason: 'eligible',
      age: 41,
      yearsAtSchool: 14,
      yearsToRetirement: 13.58, // 41 years 5 months old, retiring at 55
      headDueToRotate: false,
    });
  });

  describe('years at the school', () => {
    it('counts six full years on September 1 as enough', () => {
      expect(assess({ atSchoolSince: '2020-09-01' })).toMatchObject({ eligible: true, yearsAtSchool: 6 });
    });

    it('refuses a day short of six years', () => {
      const result = assess({ atSchoolSince: '2020-09-02' });
      expect(result).toMatchObject({ eligible: false, reason: 'too_few_years', yearsAtSchool: 5 });
      expect(result.explanation.en).toBe('5 years at the school, fewer than 6');
    });
  });

  describe('the 5-year retirement exemption', () => {
    it('exempts a woman who is exactly 50 (5 years from 55) on September 1', () => {
      expect(assess({ gender: 'F', birthDate: '1976-09-01' })).toMatchObject({
        eligible: false,
        reason: 'near_retirement',
        age: 50,
        yearsToRetirement: 5,
      });
    });

    it('does not exempt a woman who turns 50 the day after', () => {
      expect(assess({ gender: 'F', birthDate: '1976-09-02' })).toMatchObject({
        eligible: true,
        age: 49,
        yearsToRetirement: 5.08,
      });
    });

    it('exempts a man who is exactly 55 (5 years from 60) and not one a day younger', () => {
      expect(assess({ gender: 'M', birthDate: '1971-09-01' })).toMatchObject({
        eligible: false,
        reason: 'near_retirement',
      });
      expect(assess({ gender: 'M', birthDate: '1971-09-02' })).toMatchObject({
        eligible: true,
        yearsToRetirement: 5.08,
      });
    });

    it('uses the lower retirement age when gender is not recorded', () => {
      expect(assess({ gender: undefined, birthDate: '1976-09-01' })).toMatchObject({
        eligible: false,
        reason: 'near_retirement',
        yearsToRetirement: 5,
      });
      expect(assess({ gender: 'M', birthDate: '1976-09-01' })).toMatchObject({
        eligible: true,
        yearsToRetirement: 10,
      });
    });

    it('comes before any other reason', () => {
      expect(assess({ birthDate: '1970-01-01', status: 'sick', atSchoolSince: '2025-09-01' }).reason).toBe(
        'near_retirement',
      );
    });
  });

  describe('exemptions by status', () => {
    it.each([
      ['maternity', 'maternity'],
      ['sick', 'sick'],
      ['service_period', 'service_period'],
      ['on_rotation', 'on_rotation'],
    ] as const)('exempts a teacher whose status is %s', (status, reason) => {
      const result = assess({ status });
      expect(result).toMatchObject({ eligible: false, reason, headDueToRotate: false });
      expect(result.explanation.zh).not.toBe('');
      expect(result.explanation.en).not.toBe('');
    });

    it('does not exempt a teacher in training', () => {
      expect(assess({ status: 'training' }).eligible).toBe(true);
    });
  });

  describe('heads due to rotate', () => {
    it('marks a principal who has served head_max_terms full terms', () => {
      const result = assess({ role: 'principal', termsAsHead: 2 });
      expect(result).toMatchObject({ eligible: true, headDueToRotate: true });
      expect(result.explanation.en).toBe('2 full terms as head at the school, 14 years there');
    });

    it('marks a vice principal past the terms too', () => {
      expect(assess({ role: 'vice_principal', termsAsHead: 3 }).headDueToRotate).toBe(true);
    });

    it('does not mark a head with fewer terms, nor a teacher', () => {
      expect(assess({ role: 'principal', termsAsHead: 1 }).headDueToRotate).toBe(false);
      expect(assess({ role: 'teacher', termsAsHead: 2 }).headDueToRotate).toBe(false);
    });

    it('does not mark a head who is not eligible', () => {
      expect(assess({ role: 'principal', termsAsHead: 2, status: 'sick' }).headDueToRotate).toBe(false);
      expect(assess({ role: 'principal', termsAsHead: 2, atSchoolSince: '2022-09-01' }).headDueToRotate).toBe(
        false,
      );
    });
  });
});

/**
 * POLICY_LIMITS allows fractional `retirement_age_*`, `exempt_years_before_retirement` and
 * `min_years_at_school` (the 2025 retirement reform raises retirement ages month by month, e.g. 58 years
 * 3 months): eligibility reckons ages and years at school in whole months, not truncated years.
 */
describe('assessEligibility with fractional policy values', () => {
  it('exempts a woman 4.4 years from a retirement age of 58¼', () => {
    // Born 1972-11-01: 53 years 10 months on 2026-09-01, so 58.25 − 53.83 ≈ 4.42 years to retirement.
    const reformed = makePolicy({ retirement_age_female: 58.25 });
    const result = assessEligibility(
      makeTeacher('T1', 'S1', { gender: 'F', birthDate: '1972-11-01' }),
      reformed,
    );
    expect(result.reason).toBe('near_retirement');
  });

  it('counts 6¾ years at the school as meeting a 6½-year minimum', () => {
    const result = assessEligibility(
      makeTeacher('T1', 'S1', { atSchoolSince: '2019-12-01' }),
      makePolicy({ min_years_at_school: 6.5 }),
    );
    expect(result.eligible).toBe(true);
  });
});

describe(retirementAge.name, () => {
  it('is the policy age of the gender, and the lower one when gender is unknown', () => {
    const custom = makePolicy({ retirement_age_male: 63, retirement_age_female: 58 });
    expect(retirementAge(makeTeacher('T', 'S', { gender: 'M' }), custom)).toBe(63);
    expect(retirementAge(makeTeacher('T', 'S', { gender: 'F' }), custom)).toBe(58);
    expect(retirementAge(makeTeacher('T', 'S', { gender: undefined }), custom)).toBe(58);
  });
});

describe(isHead.name, () => {
  it('is true for principals and vice principals only', () => {
    expect(isHead(makeTeacher('T', 'S', { role: 'principal' }))).toBe(true);
    expect(isHead(makeTeacher('T', 'S', { role: 'vice_principal' }))).toBe(true);
    expect(isHead(makeTeacher('T', 'S', { role: 'teacher' }))).toBe(false);
  });
});
