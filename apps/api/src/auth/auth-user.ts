import type { UserRole } from '@tr/persistence';

/** The signed-in user a request acts for, as loaded from the database on every request. */
export interface AuthUser {
  id: string;
  username: string;
  role: UserRole;
  countyId: string | null;
  schoolId: string | null;
  teacherId: string | null;
}

export interface AccessTokenClaims {
  sub: string;
  role: UserRole;
}
