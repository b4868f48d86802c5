import type { Subject, Teacher } from '@tr/domain';
import type { TeacherGroup } from './teacher-groups';

/**
 * "No school loses its last teacher of a subject it needs", read strictly: one of the school's own
 * teachers of the subject stays, whoever arrives. Only where every present teacher of a needed subject
 * could leave does the rule bind. Where one group holds them all, its size row is lowered by one;
 * otherwise the groups and heads holding them share a limit of all but one.
 */
export interface KeepOneTeacher {
  /** Group index → the most members it may send. */
  groupLimit: Map<number, number>;
  /** Group index or head id → the key of the shared limit it counts towards. */
  sharedKeyOfGroup: Map<number, string>;
  sharedKeyOfHead: Map<string, string>;
  /** Shared key (`school:subject`) → the most teachers those members may send together. */
  sharedLimit: Map<string, number>;
}

export function keepOneTeacher(
  groups: readonly TeacherGroup[],
  heads: readonly Teacher[],
  need: (code: string, subject: Subject) => number,
  present: (code: string, subject: Subject) => number,
): KeepOneTeacher {
  const holders = new Map<string, { code: string; subject: Subject; groups: TeacherGroup[]; heads: Teacher[]; movable: number }>();
  const holder = (code: string, subject: Subject) => {
    const key = `${code}:${subject}`;
    let entry = holders.get(key);
    if (!entry) holders.set(key, (entry = { code, subject, groups: [], heads: [], movable: 0 }));
    return entry;
  };
  for (const group of groups) {
    const entry = holder(group.school, group.subject);
    entry.groups.push(group);
    entry.movable += group.teachers.length;
  }
  for (const head of heads) {
    const entry = holder(head.schoolCode, head.subject);
    entry.heads.push(head);
    entry.movable += 1;
  }
  const result: KeepOneTeacher = { groupLimit: new Map(), sharedKeyOfGroup: new Map(), sharedKeyOfHead: new Map(), sharedLimit: new Map() };
  for (const [key, { code, subject, groups: held, heads: headsHeld, movable }] of holders) {
    const staff = present(code, subject);
    if (need(code, subject) <= 0 || staff < 1 || movable < staff) continue;
    if (held.length === 1 && headsHeld.length === 0) {
      result.groupLimit.set(held[0].index, staff - 1);
      continue;
    }
    result.sharedLimit.set(key, staff - 1);
    for (const group of held) result.sharedKeyOfGroup.set(group.index, key);
    for (const head of headsHeld) result.sharedKeyOfHead.set(head.id, key);
  }
  return result;
}
