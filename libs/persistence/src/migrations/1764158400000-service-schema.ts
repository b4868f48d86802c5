import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the service adds around a county's snapshot: districts and education groups as rows of
 * their own, staffing quotas and posts, teacher status and rotation history, plans with their
 * moves, users and the audit log.
 */
export class ServiceSchema1764158400000 implements MigrationInterface {
  name = 'ServiceSchema1764158400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TYPE user_role AS ENUM ('admin', 'county_hr', 'principal', 'teacher')`);
    await db.query(
      `CREATE TYPE plan_status AS ENUM ('queued', 'running', 'succeeded', 'failed', 'cancelled')`,
    );
    await db.query(`CREATE TYPE move_status AS ENUM ('proposed', 'approved', 'rejected')`);
    await db.query(`CREATE TYPE move_kind AS ENUM ('rotation', 'allocation')`);
    await db.query(
      `CREATE TYPE flexible_purpose AS ENUM ('training', 'maternity', 'sick_leave', 'rural_support', 'other')`,
    );

    await this.splitOutDistrictsAndGroups(db);

    await db.query(`CREATE TABLE staffing_quotas (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      county_id uuid NOT NULL REFERENCES counties(id) ON DELETE CASCADE,
      school_id uuid NOT NULL REFERENCES schools(id) ON DELETE CASCADE,
      year integer NOT NULL,
      basic integer NOT NULL CHECK (basic >= 0),
      basic_fte double precision NOT NULL CHECK (basic_fte >= 0),
      CONSTRAINT staffing_quotas_school_year_key UNIQUE (school_id, year)
    )`);
    await db.query(`CREATE TABLE flexible_pools (
      county_id uuid NOT NULL REFERENCES counties(id) ON DELETE CASCADE,
      year integer NOT NULL,
      total integer NOT NULL CHECK (total >= 0),
      PRIMARY KEY (county_id, year)
    )`);
    await db.query(`CREATE TABLE flexible_grants (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      county_id uuid NOT NULL,
      year integer NOT NULL,
      school_id uuid NOT NULL REFERENCES schools(id) ON DELETE CASCADE,
      amount integer NOT NULL CHECK (amount > 0),
      purpose flexible_purpose NOT NULL,
      note text,
      created_at timestamptz NOT NULL DEFAULT now(),
      FOREIGN KEY (county_id, year) REFERENCES flexible_pools(county_id, year) ON DELETE CASCADE
    )`);
    await db.query(`CREATE INDEX flexible_grants_pool_idx ON flexible_grants (county_id, year)`);
    await db.query(`CREATE TABLE posts (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      county_id uuid NOT NULL REFERENCES counties(id) ON DELETE CASCADE,
      school_id uuid NOT NULL REFERENCES schools(id) ON DELETE CASCADE,
      year integer NOT NULL,
      subject subject NOT NULL,
      count integer NOT NULL CHECK (count >= 0),
      need_fte double precision NOT NULL CHECK (need_fte >= 0),
      CONSTRAINT posts_school_year_subject_key UNIQUE (school_id, year, subject)
    )`);

    await db.query(`CREATE TABLE teacher_status_history (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      teacher_id uuid NOT NULL REFERENCES teachers(id) ON DELETE CASCADE,
      status teacher_status NOT NULL,
      recorded_at timestamptz NOT NULL DEFAULT now()
    )`);
    await db.query(
      `CREATE INDEX teacher_status_history_teacher_idx ON teacher_status_history (teacher_id, recorded_at)`,
    );

    await db.query(`CREATE TABLE users (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      username text NOT NULL UNIQUE,
      password_hash text NOT NULL,
      role user_role NOT NULL,
      county_id uuid REFERENCES counties(id) ON DELETE CASCADE,
      school_id uuid REFERENCES schools(id) ON DELETE CASCADE,
      teacher_id uuid REFERENCES teachers(id) ON DELETE CASCADE,
      display_name text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT users_scope CHECK (
        (role = 'admin' AND county_id IS NULL AND school_id IS NULL AND teacher_id IS NULL)
        OR (role = 'county_hr' AND county_id IS NOT NULL AND school_id IS NULL AND teacher_id IS NULL)
        OR (role = 'principal' AND county_id IS NOT NULL AND school_id IS NOT NULL AND teacher_id IS NULL)
        OR (role = 'teacher' AND county_id IS NOT NULL AND teacher_id IS NOT NULL AND school_id IS NULL))
    )`);

    await db.query(`CREATE TABLE plans (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      county_id uuid NOT NULL REFERENCES counties(id) ON DELETE CASCADE,
      year integer NOT NULL,
      scenario text NOT NULL,
      status plan_status NOT NULL DEFAULT 'queued',
      idempotency_key text,
      policy_overrides jsonb NOT NULL DEFAULT '{}',
      policy jsonb,
      stage text,
      progress smallint NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
      attempts integer NOT NULL DEFAULT 0,
      cancel_requested boolean NOT NULL DEFAULT false,
      error jsonb,
      header jsonb,
      metrics jsonb,
      created_by uuid REFERENCES users(id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      started_at timestamptz,
      finished_at timestamptz,
      version integer NOT NULL DEFAULT 1,
      CONSTRAINT plans_county_idempotency_key UNIQUE (county_id, idempotency_key),
      CONSTRAINT plans_result_when_succeeded CHECK (status <> 'succeeded' OR (header IS NOT NULL AND metrics IS NOT NULL))
    )`);
    await db.query(`CREATE INDEX plans_county_created_idx ON plans (county_id, created_at DESC)`);
    await db.query(`CREATE TABLE plan_moves (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      plan_id uuid NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
      position integer NOT NULL,
      teacher_id uuid REFERENCES teachers(id) ON DELETE SET NULL,
      staff_no text NOT NULL,
      from_school_id uuid REFERENCES schools(id) ON DELETE SET NULL,
      to_school_id uuid REFERENCES schools(id) ON DELETE SET NULL,
      from_school_code text NOT NULL,
      to_school_code text NOT NULL,
      subject subject NOT NULL,
      kind move_kind NOT NULL,
      term_years integer,
      role teacher_role,
      reasons text[] NOT NULL,
      reasons_zh text[] NOT NULL,
      status move_status NOT NULL DEFAULT 'proposed',
      CONSTRAINT plan_moves_plan_staff_no_key UNIQUE (plan_id, staff_no),
      CONSTRAINT plan_moves_plan_position_key UNIQUE (plan_id, position),
      CONSTRAINT plan_moves_changes_school CHECK (from_school_code <> to_school_code)
    )`);
    await db.query(`CREATE INDEX plan_moves_from_school_idx ON plan_moves (from_school_id)`);
    await db.query(`CREATE INDEX plan_moves_to_school_idx ON plan_moves (to_school_id)`);
    await db.query(`CREATE INDEX plan_moves_teacher_idx ON plan_moves (teacher_id)`);

    await db.query(`CREATE TABLE rotation_history (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      teacher_id uuid NOT NULL REFERENCES teachers(id) ON DELETE CASCADE,
      year integer NOT NULL,
      from_school_code text NOT NULL,
      to_school_code text NOT NULL,
      plan_id uuid REFERENCES plans(id) ON DELETE SET NULL,
      recorded_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT rotation_history_teacher_year_key UNIQUE (teacher_id, year)
    )`);

    await db.query(`CREATE TABLE audit_log (
      id bigserial PRIMARY KEY,
      user_id uuid REFERENCES users(id) ON DELETE SET NULL,
      county_id uuid REFERENCES counties(id) ON DELETE CASCADE,
      action text NOT NULL,
      target_type text NOT NULL,
      target_id uuid,
      at timestamptz NOT NULL DEFAULT now()
    )`);
    await db.query(`CREATE INDEX audit_log_county_at_idx ON audit_log (county_id, at DESC)`);
  }

  /** Districts and education groups become rows; schools point at them instead of naming them. */
  private async splitOutDistrictsAndGroups(db: QueryRunner): Promise<void> {
    for (const [table, column, fk] of [
      ['districts', 'district', 'district_id'],
      ['education_groups', 'education_group', 'education_group_id'],
    ] as const) {
      await db.query(`CREATE TABLE ${table} (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        county_id uuid NOT NULL REFERENCES counties(id) ON DELETE CASCADE,
        name text NOT NULL,
        CONSTRAINT ${table}_county_name_key UNIQUE (county_id, name)
      )`);
      await db.query(`INSERT INTO ${table} (county_id, name)
        SELECT DISTINCT county_id, ${column} FROM schools WHERE ${column} IS NOT NULL`);
      await db.query(`ALTER TABLE schools ADD COLUMN ${fk} uuid REFERENCES ${table}(id) ON DELETE RESTRICT`);
      await db.query(`UPDATE schools s SET ${fk} = t.id FROM ${table} t
        WHERE t.county_id = s.county_id AND t.name = s.${column}`);
      await db.query(`ALTER TABLE schools DROP COLUMN ${column}`);
    }
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of [
      'audit_log',
      'rotation_history',
      'plan_moves',
      'plans',
      'users',
      'teacher_status_history',
      'posts',
      'flexible_grants',
      'flexible_pools',
      'staffing_quotas',
    ]) {
      await db.query(`DROP TABLE ${table}`);
    }
    for (const [table, column, fk] of [
      ['districts', 'district', 'district_id'],
      ['education_groups', 'education_group', 'education_group_id'],
    ] as const) {
      await db.query(`ALTER TABLE schools ADD COLUMN ${column} text`);
      await db.query(`UPDATE schools s SET ${column} = t.name FROM ${table} t WHERE t.id = s.${fk}`);
      await db.query(`ALTER TABLE schools DROP COLUMN ${fk}`);
      await db.query(`DROP TABLE ${table}`);
    }
    for (const type of ['flexible_purpose', 'move_kind', 'move_status', 'plan_status', 'user_role']) {
      await db.query(`DROP TYPE ${type}`);
    }
  }
}
