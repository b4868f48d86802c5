import { AREAS, type Area, type School, type SchoolType, type Stage } from '@tr/domain';
import { apportion } from './apportion';
import { layOutCounties, type CountyLayout } from './county-layout';
import { classesFor, drawPupils, specialClassesFor, stagesOf } from './enrolment';
import { offsetKm, type Point } from './geography';
import { villageStems } from './names';
import type { PresetSpec } from './presets';
import type { Rng } from './random';
import { SchoolNamer } from './school-names';

/** A generated school with the county it belongs to (the snapshot itself has no county column). */
export interface PlacedSchool {
  school: School;
  county: CountyLayout;
  /** Distance from the county town, km: remoteness and preferences lean on it. */
  kmFromCenter: number;
}

// About a quarter urban, a quarter town, half rural (DOMAIN.md); junior schools sit more at township seats.
const AREA_SHARES: Record<SchoolType, Record<Area, number>> = {
  primary: { urban: 0.25, town: 0.25, rural: 0.5 },
  junior: { urban: 0.25, town: 0.33, rural: 0.42 },
  nine_year: { urban: 0.2, town: 0.3, rural: 0.5 },
  special: { urban: 1, town: 0, rural: 0 },
};

const TYPES: readonly SchoolType[] = ['primary', 'junior', 'nine_year', 'special'];
const REMOTE_SHARE = 0.2;

interface Draft {
  county: CountyLayout;
  type: SchoolType;
  area: Area;
  town?: number;
  point: Point;
  kmFromCenter: number;
  name: string;
  pupils: Record<Stage, number>;
}

export function generateSchools(spec: PresetSpec, rng: Rng): PlacedSchool[] {
  const countyWeights = spec.counties.map(() => (spec.counties.length > 1 ? rng.float(0.8, 1.2) : 1));
  const perCounty = TYPES.map((type) =>
    apportion(spec.schools[type], type === 'special' ? spec.counties.map(() => 1) : countyWeights),
  );
  const totals = spec.counties.map((_, c) => perCounty.reduce((sum, byCounty) => sum + byCounty[c], 0));
  const layouts = layOutCounties(spec, totals, rng.fork(1));

  const drafts = layouts.flatMap((layout) => {
    const types = TYPES.map((type, t) => ({ type, count: perCounty[t][layout.index] }));
    return draftCounty(layout, types, rng.fork(100 + layout.index));
  });
  scaleEnrolment(drafts, spec);

  const remote = remoteFlags(drafts, rng.fork(2));
  const classRng = rng.fork(3);
  const schools: PlacedSchool[] = drafts.map((d, i) => {
    const code = `S${String(i + 1).padStart(spec.schoolCodeDigits, '0')}`;
    const special = d.type === 'special';
    const school: School = {
      code,
      name: d.name,
      type: d.type,
      area: d.area,
      district: districtCode(spec, d),
      remote: remote[i],
      pupilsPrimary: d.pupils.primary,
      pupilsJunior: d.pupils.junior,
      classesPrimary: special
        ? specialClassesFor(classRng, d.pupils.primary)
        : classesFor(classRng, d.area, 'primary', d.pupils.primary),
      classesJunior: classesFor(classRng, d.area, 'junior', d.pupils.junior),
      lat: d.point.lat,
      lng: d.point.lng,
    };
    return { school, county: d.county, kmFromCenter: d.kmFromCenter };
  });
  assignGroups(schools, spec, rng.fork(4));
  return schools;
}

/** The schools of one county, urban first, each placed, named and given a raw enrolment. */
function draftCounty(layout: CountyLayout, types: { type: SchoolType; count: number }[], rng: Rng): Draft[] {
  const namer = new SchoolNamer(layout.spec.name);
  const villages = rng.shuffle(villageStems());
  const townOrder = rng.shuffle(layout.towns.map((_, i) => i));
  let nextTown = 0;
  const drafts: Draft[] = [];
  for (const area of AREAS) {
    for (const { type, count } of types) {
      const shares = AREA_SHARES[type];
      const byArea = apportion(
        count,
        AREAS.map((a) => shares[a]),
      );
      for (let k = 0; k < byArea[AREAS.indexOf(area)]; k++) {
        // Town schools go round the township seats; village schools to any township.
        const town =
          area === 'urban' || type === 'special'
            ? undefined
            : area === 'town'
              ? townOrder[nextTown++ % townOrder.length]
              : rng.int(0, layout.towns.length - 1);
        const village = area === 'rural' ? villages.pop() : undefined;
        const point = placeSchool(layout, area, town, rng);
        const east = (point.lng - layout.center.lng) * 111.32 * Math.cos((layout.center.lat * Math.PI) / 180);
        const north = (point.lat - layout.center.lat) * 110.574;
        drafts.push({
          county: layout,
          type,
          area: type === 'special' ? 'urban' : area,
          town,
          point,
          kmFromCenter: Math.hypot(east, north),
          name: namer.name(type, area, town === undefined ? undefined : layout.towns[town].name, village),
          pupils: {
            primary: type === 'junior' || type === 'special' ? 0 : drawPupils(rng, type, area, 'primary'),
            junior: stagesOf(type).includes('junior') ? drawPupils(rng, type, area, 'junior') : 0,
          },
        });
      }
    }
  }
  return drafts;
}

function placeSchool(layout: CountyLayout, area: Area, town: number | undefined, rng: Rng): Point {
  const disc = (center: Point, radius: number): Point => {
    const r = radius * Math.sqrt(rng.next());
    const a = rng.float(0, 2 * Math.PI);
    return offsetKm(center, r * Math.cos(a), r * Math.sin(a));
  };
  if (town === undefined) return disc(layout.center, layout.radiusKm * 0.18);
  const seat = layout.towns[town].seat;
  if (area === 'town') return disc(seat, 1.5);
  // Villages lie a few km out from their township seat.
  const r = rng.float(2, layout.radiusKm * 0.3);
  const a = rng.float(0, 2 * Math.PI);
  return offsetKm(seat, r * Math.cos(a), r * Math.sin(a));
}

/**
 * Scales county-town and township enrolment so each stage meets the preset's total; village schools
 * keep their small numbers, as pupils have left them for the towns (seed 001).
 */
function scaleEnrolment(drafts: Draft[], spec: PresetSpec): void {
  for (const stage of ['primary', 'junior'] as const) {
    const ordinary = drafts.filter((d) => d.type !== 'special');
    const rural = ordinary.filter((d) => d.area === 'rural').reduce((s, d) => s + d.pupils[stage], 0);
    const rest = ordinary.filter((d) => d.area !== 'rural').reduce((s, d) => s + d.pupils[stage], 0);
    const target = spec.pupils[stage];
    let factor = rest > 0 ? (target - rural) / rest : 1;
    // If towns alone can't absorb the difference without absurd sizes, scale everyone instead.
    const all = rural + rest;
    const scaleAll = factor < 0.5 || factor > 2;
    if (scaleAll) factor = all > 0 ? target / all : 1;
    for (const d of ordinary) {
      if (d.pupils[stage] > 0 && (scaleAll || d.area !== 'rural'))
        d.pupils[stage] = Math.max(1, Math.round(d.pupils[stage] * factor));
    }
  }
  const special = drafts.filter((d) => d.type === 'special');
  apportion(
    spec.pupils.special,
    special.map(() => 1),
  ).forEach((pupils, i) => (special[i].pupils.primary = Math.max(pupils, 8)));
}

/** The fifth of village schools furthest out (with some noise) are remote. */
function remoteFlags(drafts: Draft[], rng: Rng): boolean[] {
  const flags = drafts.map(() => false);
  const byCounty = new Map<CountyLayout, number[]>();
  drafts.forEach((d, i) => {
    if (d.area !== 'rural') return;
    const list = byCounty.get(d.county) ?? [];
    list.push(i);
    byCounty.set(d.county, list);
  });
  for (const indices of byCounty.values()) {
    const ranked = indices
      .map((i) => ({ i, score: drafts[i].kmFromCenter * rng.float(0.8, 1.2) }))
      .sort((a, b) => b.score - a.score || a.i - b.i);
    const remote = Math.round(indices.length * REMOTE_SHARE);
    for (const { i } of ranked.slice(0, remote)) flags[i] = true;
  }
  return flags;
}

function countyCode(county: CountyLayout): string {
  return `C${String(county.index + 1).padStart(2, '0')}`;
}

/** 学区 code, or the county's code in a prefecture (one snapshot column, DOMAIN.md leaves it open). */
function districtCode(spec: PresetSpec, d: Draft): string {
  if (spec.districtIsCounty) return countyCode(d.county);
  let district: number;
  if (d.town !== undefined) district = d.county.towns[d.town].district;
  else if (d.county.urbanDistricts > 1) district = d.point.lng < d.county.center.lng ? 0 : 1;
  else district = 0;
  return `XQ${String(district + 1).padStart(2, '0')}`;
}

/**
 * Education groups (教育集团): a strong county-town school leads, and a few township and village
 * schools of the same stage join it.
 */
function assignGroups(schools: PlacedSchool[], spec: PresetSpec, rng: Rng): void {
  const counties = new Map<CountyLayout, PlacedSchool[]>();
  for (const s of schools) {
    const list = counties.get(s.county);
    if (list) list.push(s);
    else counties.set(s.county, [s]);
  }
  for (const [county, members] of counties) {
    const groups = Math.floor(members.length / 20);
    const leaders = rng
      .shuffle(members.filter((s) => s.school.area === 'urban' && s.school.type !== 'special'))
      .slice(0, groups);
    leaders.forEach((leader, g) => {
      const prefix = spec.counties.length > 1 ? `${countyCode(county)}-` : '';
      const code = `${prefix}JT${String(g + 1).padStart(2, '0')}`;
      leader.school.group = code;
      const candidates = members.filter(
        (s) =>
          s.school.group === undefined && s.school.area !== 'urban' && s.school.type === leader.school.type,
      );
      for (const member of rng.shuffle(candidates).slice(0, rng.int(2, 4))) member.school.group = code;
    });
  }
}
