import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Counties and their snapshot data: schools, teachers, curriculum and yearly policy. */
export class InitialSchema1764072000000 implements MigrationInterface {
  name = 'InitialSchema1764072000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TYPE school_type AS ENUM ('primary', 'junior', 'nine_year', 'special')`);
    await db.query(`CREATE TYPE school_area AS ENUM ('urban', 'town', 'rural')`);
    await db.query(`CREATE TYPE gender AS ENUM ('M', 'F')`);
    await db.query(`CREATE TYPE subject AS ENUM ('chinese', 'math', 'english', 'ideology', 'history', 'geography',
      'physics', 'chemistry', 'biology', 'science', 'music', 'pe', 'art', 'it', 'labour', 'psychology', 'special_ed',
      'integrated_practice')`);
    await db.query(`CREATE TYPE title AS ENUM ('senior', 'first', 'second', 'third', 'none')`);
    await db.query(`CREATE TYPE backbone_level AS ENUM ('none', 'county', 'city', 'province')`);
    await db.query(`CREATE TYPE degree_class AS ENUM ('below', 'required', 'above')`);
    await db.query(
      `CREATE TYPE teacher_status AS ENUM ('active', 'maternity', 'sick', 'training', 'service_period', 'on_rotation')`,
    );
    await db.query(`CREATE TYPE teacher_role AS ENUM ('teacher', 'principal', 'vice_principal')`);
    await db.query(`CREATE TYPE stage AS ENUM ('primary', 'junior')`);

    await db.query(`CREATE TABLE counties (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      code text NOT NULL UNIQUE,
      name text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await db.query(`CREATE TABLE schools (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      county_id uuid NOT NULL REFERENCES counties(id) ON DELETE CASCADE,
      code text NOT NULL,
      name text NOT NULL,
      type school_type NOT NULL,
      area school_area NOT NULL,
      district text,
      education_group text,
      remote boolean NOT NULL DEFAULT false,
      pupils_primary integer NOT NULL DEFAULT 0 CHECK (pupils_primary >= 0),
      pupils_junior integer NOT NULL DEFAULT 0 CHECK (pupils_junior >= 0),
      classes_primary integer NOT NULL DEFAULT 0 CHECK (classes_primary >= 0),
      classes_junior integer NOT NULL DEFAULT 0 CHECK (classes_junior >= 0),
      lat double precision CHECK (lat BETWEEN -90 AND 90),
      lng double precision CHECK (lng BETWEEN -180 AND 180),
      sheet_order integer NOT NULL,
      CONSTRAINT schools_county_code_key UNIQUE (county_id, code),
      CONSTRAINT schools_location_pair CHECK ((lat IS NULL) = (lng IS NULL))
    )`);
    await db.query(`CREATE TABLE teachers (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      county_id uuid NOT NULL REFERENCES counties(id) ON DELETE CASCADE,
      staff_no text NOT NULL,
      name text NOT NULL,
      gender gender,
      birth_date date NOT NULL,
      school_id uuid NOT NULL REFERENCES schools(id) ON DELETE RESTRICT,
      subject subject NOT NULL,
      extra_subjects subject[] NOT NULL DEFAULT '{}',
      title title NOT NULL DEFAULT 'none',
      backbone backbone_level NOT NULL DEFAULT 'none',
      degree degree_class NOT NULL DEFAULT 'required',
      hired_on date,
      at_school_since date NOT NULL CHECK (at_school_since >= birth_date),
      status teacher_status NOT NULL DEFAULT 'active',
      role teacher_role NOT NULL DEFAULT 'teacher',
      terms_as_head integer NOT NULL DEFAULT 0 CHECK (terms_as_head >= 0),
      preferences text[] NOT NULL DEFAULT '{}',
      national_id text CHECK (national_id ~ '^[0-9]{17}[0-9X]$'),
      sheet_order integer NOT NULL,
      CONSTRAINT teachers_county_staff_no_key UNIQUE (county_id, staff_no)
    )`);
    await db.query(`CREATE INDEX teachers_school_idx ON teachers (school_id)`);
    await db.query(`CREATE TABLE curriculum_entries (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      county_id uuid NOT NULL REFERENCES counties(id) ON DELETE CASCADE,
      stage stage NOT NULL,
      subject subject NOT NULL,
      periods_per_class_week double precision NOT NULL CHECK (periods_per_class_week >= 0),
      full_load_periods double precision NOT NULL CHECK (full_load_periods > 0),
      sheet_order integer NOT NULL,
      CONSTRAINT curriculum_county_stage_subject_key UNIQUE (county_id, stage, subject)
    )`);
    await db.query(`CREATE TABLE county_policies (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      county_id uuid NOT NULL REFERENCES counties(id) ON DELETE CASCADE,
      year integer NOT NULL,
      settings jsonb NOT NULL,
      CONSTRAINT county_policies_county_year_key UNIQUE (county_id, year),
      CONSTRAINT county_policies_rate_band CHECK (
        (settings->>'min_rotation_rate')::numeric <= (settings->>'max_rotation_rate')::numeric
        AND (settings->>'max_rotation_rate')::numeric <= 1)
    )`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['county_policies', 'curriculum_entries', 'teachers', 'schools', 'counties']) {
      await db.query(`DROP TABLE ${table}`);
    }
    for (const type of [
      'stage',
      'teacher_role',
      'teacher_status',
      'degree_class',
      'backbone_level',
      'title',
      'subject',
      'gender',
      'school_area',
      'school_type',
    ]) {
      await db.query(`DROP TYPE ${type}`);
    }
  }
}
