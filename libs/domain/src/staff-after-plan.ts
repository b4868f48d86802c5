import type { CountyContext } from './county-context';
import type { IndicatorMember } from './indicators';
import { isAllocation, type PlanMove } from './plan';
import type { SubjectTable } from './staffing';

export interface SchoolStaffAfter {
  /** Teachers counted by the subject they teach here: main subject if staying, the move's subject if arriving. */
  supply: SubjectTable;
  members: IndicatorMember[];
  /** Teachers the school sends on rotation (allocations are no rotations: see `isAllocation`). */
  sentOnRotation: number;
}

/** Staff of every school once the moves are made. Moves must already be known to be well-formed. */
export function staffAfterPlan(
  context: CountyContext,
  moves: readonly PlanMove[],
): Map<string, SchoolStaffAfter> {
  const moving = new Map(moves.map((move) => [move.teacher_id, move]));
  const result = new Map<string, SchoolStaffAfter>();
  const entry = (code: string): SchoolStaffAfter => {
    let staff = result.get(code);
    if (!staff) result.set(code, (staff = { supply: {}, members: [], sentOnRotation: 0 }));
    return staff;
  };
  for (const school of context.snapshot.schools) entry(school.code);
  for (const teacher of context.snapshot.teachers) {
    const move = moving.get(teacher.id);
    const school = move ? move.to_school : teacher.schoolCode;
    const subject = move ? move.subject : teacher.subject;
    const staff = entry(school);
    staff.supply[subject] = (staff.supply[subject] ?? 0) + 1;
    staff.members.push({ degree: teacher.degree, backbone: teacher.backbone, subject });
    if (move && !isAllocation(move)) entry(teacher.schoolCode).sentOnRotation += 1;
  }
  return result;
}
