import type { AuthUser } from '../auth/auth-user';

/**
 * SQL conditions that limit a query to what the user may see. They go into the query itself, so
 * an object out of scope is simply not found (404) — never loaded and then filtered.
 */
export interface ScopeCondition {
  sql: string;
  params: unknown[];
}

/** Rows of a table with a `county_id` column: an admin sees all, everybody else their county. */
export function countyScope(auth: AuthUser, column: string, firstParam: number): ScopeCondition {
  if (auth.role === 'admin') return { sql: 'TRUE', params: [] };
  return { sql: `${column} = $${firstParam}`, params: [auth.countyId] };
}

/** Schools: HR their county's, a principal their own school only. */
export function schoolScope(auth: AuthUser, alias: string, firstParam: number): ScopeCondition {
  switch (auth.role) {
    case 'admin':
      return { sql: 'TRUE', params: [] };
    case 'county_hr':
      return { sql: `${alias}.county_id = $${firstParam}`, params: [auth.countyId] };
    case 'principal':
      return { sql: `${alias}.id = $${firstParam}`, params: [auth.schoolId] };
    case 'teacher':
      return { sql: 'FALSE', params: [] };
  }
}

/** Teachers: HR their county's, a principal their school's, a teacher themself. */
export function teacherScope(auth: AuthUser, alias: string, firstParam: number): ScopeCondition {
  switch (auth.role) {
    case 'admin':
      return { sql: 'TRUE', params: [] };
    case 'county_hr':
      return { sql: `${alias}.county_id = $${firstParam}`, params: [auth.countyId] };
    case 'principal':
      return { sql: `${alias}.school_id = $${firstParam}`, params: [auth.schoolId] };
    case 'teacher':
      return { sql: `${alias}.id = $${firstParam}`, params: [auth.teacherId] };
  }
}

/** Plan moves: a principal sees only the moves into or out of their school. */
export function moveScope(auth: AuthUser, alias: string, firstParam: number): ScopeCondition {
  if (auth.role !== 'principal') return { sql: 'TRUE', params: [] };
  return {
    sql: `(${alias}.from_school_id = $${firstParam} OR ${alias}.to_school_id = $${firstParam})`,
    params: [auth.schoolId],
  };
}
