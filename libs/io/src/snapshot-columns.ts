import type { SheetName } from './sheet-table';

/** The columns of FORMATS.md, in its order; the writers emit exactly these, the readers check the required ones. */
export const SCHOOL_COLUMNS = [
  'code',
  'name',
  'type',
  'area',
  'district',
  'group',
  'remote',
  'pupils_primary',
  'pupils_junior',
  'classes_primary',
  'classes_junior',
  'lat',
  'lng',
] as const;

export const TEACHER_COLUMNS = [
  'id',
  'name',
  'gender',
  'birth_date',
  'school_code',
  'subject',
  'extra_subjects',
  'title',
  'backbone',
  'degree',
  'hired_on',
  'at_school_since',
  'status',
  'role',
  'terms_as_head',
  'preferences',
  'national_id',
] as const;

export const CURRICULUM_COLUMNS = [
  'stage',
  'subject',
  'periods_per_class_week',
  'full_load_periods',
] as const;

export const POLICY_COLUMNS = ['key', 'value'] as const;

export const REQUIRED_COLUMNS: Record<SheetName, readonly string[]> = {
  schools: ['code', 'name', 'type', 'area'],
  teachers: ['id', 'name', 'birth_date', 'school_code', 'subject', 'at_school_since'],
  curriculum: CURRICULUM_COLUMNS,
  policy: POLICY_COLUMNS,
};

/** Sheets a snapshot cannot do without; a missing policy sheet means all defaults. */
export const REQUIRED_SHEETS: readonly SheetName[] = ['schools', 'teachers', 'curriculum'];

/** Policy key that names the county; not a Policy field, so it is handled beside POLICY_KEYS. */
export const COUNTY_KEY = 'county';
