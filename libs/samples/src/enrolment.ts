import type { Area, SchoolType, Stage } from '@tr/domain';
import type { Rng } from './random';

/**
 * Enrolment and class sizes by area (DOMAIN.md, seeds 000/001): county-town schools are big with
 * classes of 55–68 pupils, township schools medium, village schools small with classes of 15–35.
 */

type Range = readonly [number, number];

// Pupils of one stage at one school, before scaling to the preset's totals.
const PUPILS: Record<'single' | 'nine_year', Record<Stage, Record<Area, Range>>> = {
  single: {
    primary: { urban: [1500, 3000], town: [500, 1300], rural: [40, 400] },
    junior: { urban: [1600, 3000], town: [800, 1800], rural: [300, 1000] },
  },
  nine_year: {
    primary: { urban: [900, 1600], town: [500, 900], rural: [150, 400] },
    junior: { urban: [600, 1200], town: [300, 700], rural: [100, 300] },
  },
};

const CLASS_SIZE: Record<Stage, Record<Area, Range>> = {
  primary: { urban: [55, 68], town: [36, 48], rural: [15, 35] },
  junior: { urban: [52, 66], town: [40, 52], rural: [28, 45] },
};

export function stagesOf(type: SchoolType): Stage[] {
  if (type === 'primary') return ['primary'];
  if (type === 'junior') return ['junior'];
  if (type === 'nine_year') return ['primary', 'junior'];
  return ['primary'];
}

/** Raw enrolment of one stage; many village primaries (教学点) have only a few dozen pupils. */
export function drawPupils(rng: Rng, type: SchoolType, area: Area, stage: Stage): number {
  const [min, max] = PUPILS[type === 'nine_year' ? 'nine_year' : 'single'][stage][area];
  // Village primaries skew small and county-town ones towards the lower end of their range.
  const skew = stage === 'primary' ? { urban: 1.3, town: 1, rural: 1.2 }[area] : 1;
  const u = rng.next() ** skew;
  return Math.round(min + (max - min) * u);
}

/** Classes for an enrolment: at least one per grade where there are enough pupils, else mixed-grade classes. */
export function classesFor(rng: Rng, area: Area, stage: Stage, pupils: number): number {
  if (pupils <= 0) return 0;
  const [min, max] = CLASS_SIZE[stage][area];
  const grades = stage === 'primary' ? 6 : 3;
  const classes = Math.round(pupils / rng.float(min, max));
  // Below ~12 pupils per grade a village school runs mixed-grade classes (复式班).
  const floor = pupils >= grades * 12 ? grades : Math.max(1, Math.ceil(pupils / 15));
  return Math.max(classes, floor);
}

/** Special schools teach small classes of about ten. */
export function specialClassesFor(rng: Rng, pupils: number): number {
  return pupils <= 0 ? 0 : Math.max(1, Math.round(pupils / rng.float(8, 12)));
}
