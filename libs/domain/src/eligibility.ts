import { fullMonthsBetween, fullYearsBetween, schoolYearStart } from './dates';
import { localized, type Localized } from './localized';
import type { Teacher } from './model';
import type { Policy } from './policy';

/** Why a teacher does or does not meet the exchange conditions (DOMAIN.md "Eligibility"). */
export type EligibilityReason =
  'eligible' | 'too_few_years' | 'near_retirement' | 'maternity' | 'sick' | 'service_period' | 'on_rotation';

export interface Eligibility {
  eligible: boolean;
  reason: EligibilityReason;
  yearsAtSchool: number;
  age: number;
  /** Years to statutory retirement, reckoned in whole months and rounded to 0.01. */
  yearsToRetirement: number;
  /** A principal or vice principal past `head_max_terms` full terms, who must rotate if eligible. */
  headDueToRotate: boolean;
  explanation: Localized;
}

/**
 * Statutory retirement age. Where gender is not recorded we use the lower age, so nobody who might be
 * near retirement is ever sent on rotation.
 */
export function retirementAge(teacher: Teacher, policy: Policy): number {
  if (teacher.gender === 'M') return policy.retirement_age_male;
  if (teacher.gender === 'F') return policy.retirement_age_female;
  return Math.min(policy.retirement_age_male, policy.retirement_age_female);
}

export function isHead(teacher: Teacher): boolean {
  return teacher.role === 'principal' || teacher.role === 'vice_principal';
}

export function assessEligibility(teacher: Teacher, policy: Policy): Eligibility {
  const reference = schoolYearStart(policy.year);
  const age = fullYearsBetween(teacher.birthDate, reference);
  const yearsAtSchool = fullYearsBetween(teacher.atSchoolSince, reference);
  // Compared in whole months, because policy ages and year counts may be fractional (the 2025
  // retirement reform raises ages month by month).
  const exactYearsAtSchool = fullMonthsBetween(teacher.atSchoolSince, reference) / 12;
  const yearsToRetirement =
    retirementAge(teacher, policy) - fullMonthsBetween(teacher.birthDate, reference) / 12;
  const base = { yearsAtSchool, age, yearsToRetirement: Math.round(yearsToRetirement * 100) / 100 };
  const headPastTerms = isHead(teacher) && teacher.termsAsHead >= policy.head_max_terms;

  const exempt = exemption(teacher, policy, yearsToRetirement);
  if (exempt)
    return {
      ...base,
      eligible: false,
      reason: exempt.reason,
      headDueToRotate: false,
      explanation: exempt.text,
    };
  if (exactYearsAtSchool < policy.min_years_at_school - 1e-9) {
    return {
      ...base,
      eligible: false,
      reason: 'too_few_years',
      headDueToRotate: false,
      explanation: localized(
        `在本校 ${yearsAtSchool} 年，不足 ${policy.min_years_at_school} 年`,
        `${yearsAtSchool} years at the school, fewer than ${policy.min_years_at_school}`,
      ),
    };
  }
  return {
    ...base,
    eligible: true,
    reason: 'eligible',
    headDueToRotate: headPastTerms,
    explanation: headPastTerms
      ? localized(
          `在本校任校级领导已满 ${teacher.termsAsHead} 届，在本校 ${yearsAtSchool} 年`,
          `${teacher.termsAsHead} full terms as head at the school, ${yearsAtSchool} years there`,
        )
      : localized(`在本校连续任教 ${yearsAtSchool} 年`, `${yearsAtSchool} years at ${teacher.schoolCode}`),
  };
}

function exemption(
  teacher: Teacher,
  policy: Policy,
  yearsToRetirement: number,
): { reason: EligibilityReason; text: Localized } | undefined {
  if (yearsToRetirement <= policy.exempt_years_before_retirement + 1e-9) {
    return {
      reason: 'near_retirement',
      text: localized(
        `距法定退休 ${policy.exempt_years_before_retirement} 年以内，免于交流`,
        `within ${policy.exempt_years_before_retirement} years of statutory retirement: exempt`,
      ),
    };
  }
  switch (teacher.status) {
    case 'maternity':
      return {
        reason: 'maternity',
        text: localized('孕期或产后一年内，免于交流', 'pregnant or within a year after childbirth: exempt'),
      };
    case 'sick':
      return { reason: 'sick', text: localized('患重病期间，免于交流', 'serious illness: exempt') };
    case 'service_period':
      return {
        reason: 'service_period',
        text: localized(
          '新聘或特岗教师服务期内，免于交流',
          'in the service period of a new or special-post hire: exempt',
        ),
      };
    case 'on_rotation':
      return { reason: 'on_rotation', text: localized('正在交流轮岗期内', 'already on a rotation term') };
    case 'active':
    case 'training':
      return undefined;
  }
}
