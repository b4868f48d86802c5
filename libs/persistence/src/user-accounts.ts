import type { DataSource } from 'typeorm';
import type { UserRole } from './entities/user.entity';
import { hashPassword } from './password.util';

export interface NewAccount {
  username: string;
  password: string;
  role: UserRole;
  displayName: string;
  /** County code, school code and staff number: the names HR knows them by. */
  countyCode?: string;
  schoolCode?: string;
  staffNo?: string;
}

/**
 * Creates a sign-in account, resolving county, school and teacher by their codes. The `users_scope`
 * check of the database refuses an account without the scope its role needs.
 */
export async function createAccount(dataSource: DataSource, account: NewAccount): Promise<string> {
  const passwordHash = await hashPassword(account.password);
  return dataSource.transaction(async (manager) => {
    const lookup = async (sql: string, params: unknown[], what: string): Promise<string | null> => {
      if (params.some((p) => p === undefined)) return null;
      const rows = (await manager.query(sql, params)) as { id: string }[];
      if (rows.length === 0) throw new Error(`找不到 ${what} / ${what} not found: ${params.join(' ')}`);
      return rows[0].id;
    };
    const countyId = await lookup(`SELECT id FROM counties WHERE code = $1`, [account.countyCode], 'county');
    const schoolId = await lookup(
      `SELECT id FROM schools WHERE county_id = $1 AND code = $2`,
      [countyId ?? undefined, account.schoolCode],
      'school',
    );
    const teacherId = await lookup(
      `SELECT id FROM teachers WHERE county_id = $1 AND staff_no = $2`,
      [countyId ?? undefined, account.staffNo],
      'teacher',
    );
    const [row] = (await manager.query(
      `INSERT INTO users (username, password_hash, role, display_name, county_id, school_id, teacher_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [account.username, passwordHash, account.role, account.displayName, countyId, schoolId, teacherId],
    )) as { id: string }[];
    return row.id;
  });
}
