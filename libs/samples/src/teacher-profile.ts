import type { Area, BackboneLevel, Degree, School, Subject, Title } from '@tr/domain';
import type { Rng } from './random';

/** Attribute distributions by area and age (seeds 000, 001: rural staff older, fewer titles and degrees). */

/** Share of women: about 65% in primary and 55% in junior schools; village staff are older and more often men. */
export function femaleShare(school: School, subject: Subject): number {
  const byType = { primary: 0.68, junior: 0.58, nine_year: 0.63, special: 0.72 }[school.type];
  const byArea = { urban: 0.1, town: 0, rural: -0.14 }[school.area];
  const bySubject: Partial<Record<Subject, number>> = {
    pe: -0.35,
    physics: -0.12,
    chemistry: -0.05,
    it: -0.1,
    music: 0.15,
    art: 0.1,
    english: 0.15,
    psychology: 0.15,
  };
  return Math.min(0.95, Math.max(0.08, byType + byArea + (bySubject[subject] ?? 0)));
}

/**
 * Ages as a young cohort (recent hires, 特岗) plus an established staff whose mean rises from the
 * county town to the villages, so means come out near 38 urban and 48 rural.
 */
export const AGE_MIX: Record<Area, { youngShare: number; establishedMean: number }> = {
  urban: { youngShare: 0.2, establishedMean: 40 },
  town: { youngShare: 0.15, establishedMean: 45 },
  rural: { youngShare: 0.08, establishedMean: 54 },
};

export function drawTitle(rng: Rng, age: number, area: Area): Title {
  const senior = { urban: 1.4, town: 1, rural: 0.45 }[area];
  if (age < 25)
    return rng.weighted<Title>([
      ['none', 0.45],
      ['third', 0.2],
      ['second', 0.35],
    ]);
  if (age < 30)
    return rng.weighted<Title>([
      ['none', 0.04],
      ['third', 0.1],
      ['second', 0.7],
      ['first', 0.16],
    ]);
  if (age < 40)
    return rng.weighted<Title>([
      ['third', 0.03],
      ['second', 0.35],
      ['first', 0.57],
      ['senior', 0.05 * senior],
    ]);
  if (age < 50)
    return rng.weighted<Title>([
      ['third', 0.02],
      ['second', 0.2],
      ['first', 0.63],
      ['senior', 0.15 * senior],
    ]);
  return rng.weighted<Title>([
    ['third', 0.02],
    ['second', 0.15],
    ['first', 0.58],
    ['senior', 0.25 * senior],
  ]);
}

/** Backbone (骨干) share: about a fifth in the county town, a twentieth in the villages; rare under 28. */
export function drawBackbone(rng: Rng, age: number, area: Area, head: boolean): BackboneLevel {
  const base = { urban: 0.2, town: 0.1, rural: 0.05 }[area];
  const byAge = age < 28 ? 0.1 : age < 35 ? 0.9 : age < 52 ? 1.25 : 0.9;
  const p = Math.min(0.9, base * byAge * (head ? 2 : 1));
  if (!rng.chance(p)) return 'none';
  return rng.weighted<BackboneLevel>([
    ['county', 0.6],
    ['city', 0.3],
    ['province', area === 'rural' ? 0.04 : 0.1],
  ]);
}

/** Degree above what the stage requires: about 30% in the county town, 10% in the villages; younger more. */
export function drawDegree(rng: Rng, age: number, area: Area): Degree {
  const above = { urban: 0.3, town: 0.17, rural: 0.09 }[area] * (age < 35 ? 1.4 : age < 45 ? 1 : 0.6);
  const below = { urban: 0, town: 0.01, rural: 0.04 }[area] * (age >= 45 ? 1.8 : 0.4);
  return rng.weighted<Degree>([
    ['above', above],
    ['below', below],
    ['required', 1 - above - below],
  ]);
}

// What a generalist (全科) or retrained (转岗) teacher can also teach, by main subject.
const CORE_EXTRAS: readonly Subject[] = [
  'music',
  'art',
  'pe',
  'science',
  'ideology',
  'labour',
  'psychology',
  'integrated_practice',
];
const SCARCE_EXTRAS: readonly Subject[] = [
  'music',
  'art',
  'pe',
  'labour',
  'psychology',
  'integrated_practice',
  'it',
];

/** Extra subjects: about 15% of village teachers, 5% elsewhere; every special-school teacher has special_ed. */
export function drawExtraSubjects(
  rng: Rng,
  school: School,
  subject: Subject,
  taught: ReadonlySet<Subject>,
): Subject[] {
  const extras: Subject[] = [];
  const share = school.area === 'rural' ? 0.15 : 0.05;
  if (school.type !== 'special' && rng.chance(share)) {
    const pool = (
      ['chinese', 'math', 'english', 'ideology'].includes(subject) ? CORE_EXTRAS : SCARCE_EXTRAS
    ).filter((s) => s !== subject && taught.has(s));
    const wanted = rng.chance(0.4) ? 2 : 1;
    for (const s of rng.shuffle(pool).slice(0, wanted)) extras.push(s);
    // Generalists who teach an arts subject usually cover both: music;art.
    if (extras.length === 1 && (extras[0] === 'music' || extras[0] === 'art') && rng.chance(0.5)) {
      const other = extras[0] === 'music' ? 'art' : 'music';
      if (other !== subject && taught.has(other)) extras.push(other);
    }
  }
  if (school.type === 'special' && subject !== 'special_ed') extras.push('special_ed');
  return extras;
}
