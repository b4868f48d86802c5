import type { SchoolType } from '@tr/domain';

/** One county (县/市/区) of a preset: its name prefixes urban school names, its area code starts ID numbers. */
export interface CountySpec {
  name: string;
  /** 6-digit administrative division code (行政区划代码). */
  areaCode: string;
  /** Township names with 镇/乡 suffix; generated when absent. */
  towns?: readonly string[];
}

/** What a sample county should look like; generation hits these totals within a few percent. */
export interface PresetSpec {
  /** Written to `Snapshot.county`. */
  name: string;
  schools: Record<SchoolType, number>;
  /** Target enrolment: primary and junior stages of ordinary schools, and all pupils of special schools. */
  pupils: { primary: number; junior: number; special: number };
  /** Target head count of teachers, principals included. */
  teachers: number;
  /** One cluster per county; schools are shared among them roughly evenly. */
  counties: readonly CountySpec[];
  center: { lat: number; lng: number };
  /** Radius of each county's cluster of schools, km. */
  countyRadiusKm: number;
  /** Distance between neighbouring county centres, km (used when there is more than one county). */
  countySpacingKm: number;
  /** Digits in school codes: S001 or S0001. */
  schoolCodeDigits: number;
  /** School districts (学区) per county. */
  districtsPerCounty: number;
  /** Whether the `district` column carries the county code (a prefecture) instead of the 学区 code. */
  districtIsCounty: boolean;
}

export type PresetName = 'mini' | 'dengfeng' | 'hohhot' | 'prefecture';

// Real townships of Dengfeng (登封市), so the sample reads like the county it is modelled on.
const DENGFENG_TOWNS = [
  '大金店镇',
  '君召乡',
  '告成镇',
  '卢店镇',
  '颍阳镇',
  '石道乡',
  '唐庄镇',
  '大冶镇',
  '宣化镇',
  '徐庄镇',
  '东华镇',
  '白坪乡',
  '送表乡',
  '阳城镇',
];

// Counties around Zhengzhou, Luoyang and Pingdingshan, with their division codes.
const PREFECTURE_COUNTIES: readonly CountySpec[] = [
  { name: '登封市', areaCode: '410185', towns: DENGFENG_TOWNS },
  { name: '新密市', areaCode: '410183' },
  { name: '荥阳市', areaCode: '410182' },
  { name: '新郑市', areaCode: '410184' },
  { name: '巩义市', areaCode: '410181' },
  { name: '中牟县', areaCode: '410122' },
  { name: '伊川县', areaCode: '410329' },
  { name: '汝阳县', areaCode: '410326' },
  { name: '宜阳县', areaCode: '410327' },
  { name: '嵩县', areaCode: '410325' },
  { name: '栾川县', areaCode: '410324' },
  { name: '洛宁县', areaCode: '410328' },
  { name: '偃师区', areaCode: '410307' },
  { name: '孟津区', areaCode: '410308' },
  { name: '新安县', areaCode: '410323' },
  { name: '鲁山县', areaCode: '410423' },
  { name: '郏县', areaCode: '410425' },
  { name: '宝丰县', areaCode: '410421' },
  { name: '叶县', areaCode: '410422' },
];

export const PRESETS: Record<PresetName, PresetSpec> = {
  // Small enough for fast unit tests, with every school type present.
  mini: {
    name: '嵩北县(样例)',
    schools: { primary: 7, junior: 3, nine_year: 1, special: 1 },
    pupils: { primary: 4300, junior: 2300, special: 40 },
    teachers: 400,
    counties: [{ name: '嵩北县', areaCode: '410185' }],
    center: { lat: 34.52, lng: 113.08 },
    countyRadiusKm: 15,
    countySpacingKm: 0,
    schoolCodeDigits: 3,
    districtsPerCounty: 3,
    districtIsCounty: false,
  },
  // Seed 001: 94 schools, 5,219 staff, 87,792 pupils.
  dengfeng: {
    name: '登封市(样例)',
    schools: { primary: 65, junior: 26, nine_year: 2, special: 1 },
    pupils: { primary: 55_407, junior: 32_385, special: 130 },
    teachers: 5_219,
    counties: [{ name: '登封市', areaCode: '410185', towns: DENGFENG_TOWNS }],
    center: { lat: 34.45, lng: 113.05 },
    countyRadiusKm: 22,
    countySpacingKm: 0,
    schoolCodeDigits: 3,
    districtsPerCounty: 8,
    districtIsCounty: false,
  },
  // Seed 002: 257 schools (200 primary, 57 junior), about 16,800 teachers and 275,000 pupils.
  hohhot: {
    name: '呼和浩特市(样例)',
    schools: { primary: 200, junior: 57, nine_year: 0, special: 0 },
    pupils: { primary: 180_000, junior: 95_000, special: 0 },
    teachers: 16_800,
    counties: [{ name: '呼和浩特市', areaCode: '150104' }],
    center: { lat: 40.84, lng: 111.75 },
    countyRadiusKm: 28,
    countySpacingKm: 0,
    schoolCodeDigits: 3,
    districtsPerCounty: 10,
    districtIsCounty: false,
  },
  // A prefecture of 19 counties and 100,000 teachers: the scale the product must handle (DOMAIN.md).
  prefecture: {
    name: '豫中地区(样例)',
    schools: { primary: 1_040, junior: 383, nine_year: 58, special: 19 },
    pupils: { primary: 1_030_000, junior: 610_000, special: 2_400 },
    teachers: 100_000,
    counties: PREFECTURE_COUNTIES,
    center: { lat: 34.3, lng: 112.8 },
    countyRadiusKm: 19,
    countySpacingKm: 64,
    schoolCodeDigits: 4,
    districtsPerCounty: 8,
    districtIsCounty: true,
  },
};

/** Rejects a hand-made spec that can't produce a county, with a message that says why. */
export function assertValidPreset(spec: PresetSpec): void {
  const counts = Object.values(spec.schools);
  if (counts.some((n) => !Number.isInteger(n) || n < 0))
    throw new Error('school counts must be whole numbers ≥ 0');
  if (counts.reduce((a, b) => a + b, 0) === 0) throw new Error('a preset needs at least one school');
  if (spec.counties.length === 0) throw new Error('a preset needs at least one county');
  if (spec.counties.some((c) => !/^\d{6}$/.test(c.areaCode)))
    throw new Error('county area codes are 6 digits');
  if (!(spec.teachers > 0)) throw new Error('a preset needs a positive teacher count');
  const total = counts.reduce((a, b) => a + b, 0);
  if (total >= 10 ** spec.schoolCodeDigits)
    throw new Error(`${total} schools do not fit ${spec.schoolCodeDigits}-digit codes`);
}
