import type { Gender } from '@tr/domain';
import type { Rng } from './random';

/**
 * Principals and vice principals. Terms are counted in three-year terms at the current school, so a
 * head with two full terms has been there at least six years. About a tenth of heads are past two
 * terms, at the school six years or more and not near retirement, so the head-rotation rule (seed 004)
 * has someone to move; a few more are near retirement and exempt.
 */

export const HEAD_TERM_YEARS = 3;

export type HeadKind = 'due' | 'retiring' | 'ordinary';

export interface HeadPlan {
  kind: HeadKind;
  termsAsHead: number;
  /** Age on the reference date, fractional. */
  age: number;
  yearsAtSchool: number;
}

export function drawHeadKind(rng: Rng): HeadKind {
  return rng.weighted<HeadKind>([
    ['due', 0.11],
    ['retiring', 0.07],
    ['ordinary', 0.82],
  ]);
}

/** Vice principals per school: two at big schools, one elsewhere. */
export function viceCount(special: boolean, staff: number): number {
  if (special) return staff >= 20 ? 1 : 0;
  return staff >= 60 ? 2 : 1;
}

export function planHead(rng: Rng, kind: HeadKind, gender: Gender, retirementAge: number): HeadPlan {
  // Exempt within five years of retirement: women from 50, men from 55 under the default policy.
  const exemptFrom = retirementAge - 5;
  switch (kind) {
    case 'due': {
      const terms = rng.chance(0.7) ? 2 : 3;
      const age = rng.float(Math.max(38, 24 + terms * HEAD_TERM_YEARS), exemptFrom - 0.5);
      return { kind, termsAsHead: terms, age, yearsAtSchool: terms * HEAD_TERM_YEARS + rng.float(0.2, 3) };
    }
    case 'retiring': {
      const terms = rng.int(0, 3);
      const age = rng.float(exemptFrom + 0.2, retirementAge - 0.2);
      return {
        kind,
        termsAsHead: terms,
        age,
        yearsAtSchool: Math.max(terms * HEAD_TERM_YEARS, 0) + rng.float(0.2, 4),
      };
    }
    case 'ordinary': {
      const terms = rng.chance(0.45) ? 0 : 1;
      const age = rng.float(gender === 'F' ? 34 : 35, exemptFrom - 0.3);
      return { kind, termsAsHead: terms, age, yearsAtSchool: terms * HEAD_TERM_YEARS + rng.float(0.1, 2.8) };
    }
  }
}
