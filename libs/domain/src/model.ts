import type { Subject } from './subjects';

/** The county snapshot of FORMATS.md, parsed and typed. Optional columns are `undefined` when blank. */

export const SCHOOL_TYPES = ['primary', 'junior', 'nine_year', 'special'] as const;
export type SchoolType = (typeof SCHOOL_TYPES)[number];

export const AREAS = ['urban', 'town', 'rural'] as const;
export type Area = (typeof AREAS)[number];

export const STAGES = ['primary', 'junior'] as const;
export type Stage = (typeof STAGES)[number];

export const GENDERS = ['M', 'F'] as const;
export type Gender = (typeof GENDERS)[number];

export const TITLES = ['senior', 'first', 'second', 'third', 'none'] as const;
export type Title = (typeof TITLES)[number];

export const BACKBONE_LEVELS = ['none', 'county', 'city', 'province'] as const;
export type BackboneLevel = (typeof BACKBONE_LEVELS)[number];

export const DEGREES = ['below', 'required', 'above'] as const;
export type Degree = (typeof DEGREES)[number];

export const STATUSES = ['active', 'maternity', 'sick', 'training', 'service_period', 'on_rotation'] as const;
export type TeacherStatus = (typeof STATUSES)[number];

export const ROLES = ['teacher', 'principal', 'vice_principal'] as const;
export type Role = (typeof ROLES)[number];

/** A calendar date without time zone, `YYYY-MM-DD`. */
export type IsoDate = string;

export interface School {
  code: string;
  name: string;
  type: SchoolType;
  area: Area;
  district?: string;
  group?: string;
  remote: boolean;
  pupilsPrimary: number;
  pupilsJunior: number;
  classesPrimary: number;
  classesJunior: number;
  lat?: number;
  lng?: number;
}

/** The pupils and classes a school records for one stage. */
export function stageSize(school: School, stage: Stage): { pupils: number; classes: number } {
  return stage === 'primary'
    ? { pupils: school.pupilsPrimary, classes: school.classesPrimary }
    : { pupils: school.pupilsJunior, classes: school.classesJunior };
}

export interface Teacher {
  id: string;
  name: string;
  gender?: Gender;
  birthDate: IsoDate;
  schoolCode: string;
  subject: Subject;
  extraSubjects: Subject[];
  title: Title;
  backbone: BackboneLevel;
  degree: Degree;
  hiredOn?: IsoDate;
  atSchoolSince: IsoDate;
  status: TeacherStatus;
  role: Role;
  termsAsHead: number;
  /** School codes, best first. */
  preferences: string[];
  /** Personal data: never shown unmasked. */
  nationalId?: string;
}

export interface CurriculumEntry {
  stage: Stage;
  subject: Subject;
  periodsPerClassWeek: number;
  fullLoadPeriods: number;
}

export interface Snapshot {
  schools: School[];
  teachers: Teacher[];
  curriculum: CurriculumEntry[];
  policy: import('./policy').Policy;
  /** Name of the county, when the snapshot says (policy key `county`), else the input's name. */
  county: string;
}
