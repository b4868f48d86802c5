import { subjectNeed, type Area, type CurriculumEntry, type Subject } from '@tr/domain';
import { roundPreservingSum } from './apportion';
import type { PlacedSchool } from './school-generator';
import type { PresetSpec } from './presets';
import type { Rng } from './random';

/**
 * How many teachers of each main subject each school has. Staffing starts from the curriculum need
 * and then bends it the way the seeds describe: county-town schools run short overall (classes grew
 * faster than staff) but hold the music, PE, art and science specialists; village schools have
 * enough or too many teachers in total, mostly Chinese and maths, and often no music, PE or art
 * teacher at all (结构性缺编, seeds 000, 001, 003).
 */

/** Total staff ÷ need, per area; the town and rural ranges are then scaled to hit the preset's total. */
const TOTAL_FACTOR: Record<Area, readonly [number, number]> = {
  urban: [0.9, 0.95],
  town: [1.0, 1.1],
  rural: [1.15, 1.45],
};

/** Relative weight of each subject's need when the total is shared out; 1 where not listed. */
const SUBJECT_SKEW: Record<Area, Partial<Record<Subject, number>>> = {
  urban: {
    chinese: 0.92,
    math: 0.92,
    music: 1.3,
    pe: 1.25,
    art: 1.3,
    science: 1.3,
    it: 1.3,
    psychology: 1.1,
    labour: 0.6,
    integrated_practice: 0.6,
  },
  town: {
    music: 1.1,
    pe: 1.1,
    art: 1.1,
    science: 1.05,
    psychology: 0.7,
    labour: 0.5,
    integrated_practice: 0.5,
  },
  rural: {
    chinese: 1.6,
    math: 1.55,
    english: 0.9,
    ideology: 0.8,
    history: 0.85,
    geography: 0.8,
    biology: 0.8,
    physics: 0.85,
    chemistry: 0.85,
    music: 0.25,
    pe: 0.35,
    art: 0.2,
    science: 0.4,
    it: 0.25,
    psychology: 0.15,
    labour: 0.35,
    integrated_practice: 0.3,
  },
};

/** Special schools are staffed well above the ordinary curriculum need; part of it is rehabilitation staff. */
const SPECIAL_FACTOR = 1.5;
const SPECIAL_ED_SHARE = 0.15;

export interface SchoolStaffing {
  school: PlacedSchool;
  /** One main subject per teacher to generate. */
  subjects: Subject[];
}

interface Cell {
  school: number;
  subject: Subject;
  amount: number;
  scalable: boolean;
}

export interface StaffingPlan {
  schools: SchoolStaffing[];
  /** What town and village staffing was scaled by to meet the preset's total (≈1 for a well-tuned preset). */
  calibration: number;
}

export function planStaffing(
  schools: readonly PlacedSchool[],
  curriculum: readonly CurriculumEntry[],
  spec: PresetSpec,
  rng: Rng,
): StaffingPlan {
  const cells: Cell[] = [];
  schools.forEach((placed, index) => {
    const { school } = placed;
    const need = Object.entries(subjectNeed(school, curriculum)) as [Subject, number][];
    const totalNeed = need.reduce((sum, [, n]) => sum + n, 0);
    if (school.type === 'special') {
      const total = totalNeed * SPECIAL_FACTOR;
      for (const [subject, n] of need)
        cells.push({
          school: index,
          subject,
          amount: (n / totalNeed) * total * (1 - SPECIAL_ED_SHARE),
          scalable: false,
        });
      cells.push({ school: index, subject: 'special_ed', amount: total * SPECIAL_ED_SHARE, scalable: false });
      return;
    }
    const [lo, hi] = TOTAL_FACTOR[school.area];
    const total = totalNeed * rng.float(lo, hi);
    const skew = SUBJECT_SKEW[school.area];
    // Per-school noise so no two schools are staffed alike.
    const weights = need.map(([subject, n]) => n * (skew[subject] ?? 1) * rng.float(0.8, 1.2));
    const weightSum = weights.reduce((a, b) => a + b, 0);
    need.forEach(([subject], k) => {
      cells.push({
        school: index,
        subject,
        amount: (total * weights[k]) / weightSum,
        scalable: school.area !== 'urban',
      });
    });
  });

  // Calibrate: urban shortage is fixed by design, so town and village staffing absorb the preset's total.
  const fixed = cells.filter((c) => !c.scalable).reduce((s, c) => s + c.amount, 0);
  const scalable = cells.filter((c) => c.scalable).reduce((s, c) => s + c.amount, 0);
  const factor = scalable > 0 ? Math.max(0.7, (spec.teachers - fixed) / scalable) : 1;
  for (const cell of cells) if (cell.scalable) cell.amount *= factor;

  const counts = roundPreservingSum(
    cells.map((c) => c.amount),
    rng.next(),
  );
  const result: SchoolStaffing[] = schools.map((school) => ({ school, subjects: [] }));
  cells.forEach((cell, k) => {
    for (let n = 0; n < counts[k]; n++) result[cell.school].subjects.push(cell.subject);
  });
  // Every school needs at least a principal and one more teacher.
  for (const staffing of result) while (staffing.subjects.length < 2) staffing.subjects.push('chinese');
  return { schools: result, calibration: factor };
}
