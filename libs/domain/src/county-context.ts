import { assessEligibility, type Eligibility } from './eligibility';
import type { School, Snapshot, Teacher } from './model';
import { groupBySchool, subjectNeed, subjectSupply, type SubjectTable } from './staffing';

/** Everything derived from a snapshot that rules, metrics and the optimizer look up again and again. */
export interface CountyContext {
  snapshot: Snapshot;
  schoolsByCode: Map<string, School>;
  teachersById: Map<string, Teacher>;
  teachersBySchool: Map<string, Teacher[]>;
  eligibility: Map<string, Eligibility>;
  needBySchool: Map<string, SubjectTable>;
  supplyBySchool: Map<string, SubjectTable>;
  /** Eligible teachers per school. */
  eligibleBySchool: Map<string, number>;
  eligibleTotal: number;
}

export function buildCountyContext(snapshot: Snapshot): CountyContext {
  const schoolsByCode = new Map(snapshot.schools.map((school) => [school.code, school]));
  const teachersById = new Map(snapshot.teachers.map((teacher) => [teacher.id, teacher]));
  const teachersBySchool = groupBySchool(snapshot.teachers);
  const eligibility = new Map(snapshot.teachers.map((t) => [t.id, assessEligibility(t, snapshot.policy)]));
  const needBySchool = new Map<string, SubjectTable>();
  const supplyBySchool = new Map<string, SubjectTable>();
  const eligibleBySchool = new Map<string, number>();
  let eligibleTotal = 0;
  for (const school of snapshot.schools) {
    const staff = teachersBySchool.get(school.code) ?? [];
    needBySchool.set(school.code, subjectNeed(school, snapshot.curriculum));
    supplyBySchool.set(school.code, subjectSupply(staff));
    const eligible = staff.filter((t) => eligibility.get(t.id)?.eligible).length;
    eligibleBySchool.set(school.code, eligible);
    eligibleTotal += eligible;
  }
  return {
    snapshot,
    schoolsByCode,
    teachersById,
    teachersBySchool,
    eligibility,
    needBySchool,
    supplyBySchool,
    eligibleBySchool,
    eligibleTotal,
  };
}

/** The most teachers a school may send: `max_rotation_rate` of its eligible teachers, rounded up. */
export function schoolSendCap(eligibleAtSchool: number, maxRate: number): number {
  return Math.ceil(eligibleAtSchool * maxRate - 1e-9);
}

/** County bounds on the number of movers implied by the rate band. */
export function countyMoverBounds(
  eligibleTotal: number,
  minRate: number,
  maxRate: number,
): { min: number; max: number } {
  return { min: Math.ceil(eligibleTotal * minRate - 1e-9), max: Math.floor(eligibleTotal * maxRate + 1e-9) };
}
