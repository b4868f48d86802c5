import type { Subject, Teacher } from '@tr/domain';
import type { TeacherGroup } from './teacher-groups';

/**
 * "No school loses its last teacher of a subject it needs", read strictly: one of the school's own
 * teachers of the subject stays, whoever arrives. It binds only where every present teacher of a needed
 * subject could leave. One of them is then held back: a member of the group that helps balance least
 * (not backbone, not above the degree, the largest), or, where only heads teach it, a head not due to
 * rotate. Holding back one named place, rather than limiting them all together in a row of their own,
 * keeps the MIP as easy as it was (a shared row made one Hohhot sample's MIP 4.5 s instead of 1.1 s).
 * Where heads and teachers teach it together, a teacher is held back too, on the view that the heads
 * may leave; a head who then stays keeps that teacher for nothing. Such places are listed (`besideHeads`),
 * and those named in `sharedKeys` get one row for heads and groups together instead (region-solve.ts
 * solves again with it where the held teacher was the only one kept). A shared row everywhere changed
 * Hohhot seed 3's solve, one such place in all, from 4.1 s to 5.2–5.5 s, where no head there stayed
 * for want of it.
 */
export interface KeepOneTeacher {
  /** Group index → the most members it may send. */
  groupLimit: Map<number, number>;
  /** Heads who stay, being their school's last movable teachers of a needed subject. */
  heldHeads: Set<string>;
  /** Places where heads and groups together may send at most `limit`: one of them stays. */
  shared: SharedKeepOne[];
  /** Places where a group member is held back although heads teach the subject there too. */
  besideHeads: HeldBesideHeads[];
}

export interface SharedKeepOne {
  key: string;
  groups: number[];
  heads: string[];
  limit: number;
}

export interface HeldBesideHeads {
  key: string;
  /** The group with the member held back, and the most it may send. */
  group: number;
  limit: number;
  heads: string[];
}

export function keepOneTeacher(
  groups: readonly TeacherGroup[],
  heads: readonly Teacher[],
  need: (code: string, subject: Subject) => number,
  present: (code: string, subject: Subject) => number,
  headDue: (head: Teacher) => boolean,
  /** Places (school:subject) where heads and groups share one row rather than hold a member back. */
  sharedKeys: ReadonlySet<string> = new Set(),
): KeepOneTeacher {
  const holders = new Map<
    string,
    { code: string; subject: Subject; groups: TeacherGroup[]; heads: Teacher[] }
  >();
  const holder = (code: string, subject: Subject) => {
    const key = `${code}:${subject}`;
    let entry = holders.get(key);
    if (!entry) holders.set(key, (entry = { code, subject, groups: [], heads: [] }));
    return entry;
  };
  for (const group of groups) holder(group.school, group.subject).groups.push(group);
  for (const head of heads) holder(head.schoolCode, head.subject).heads.push(head);

  const result: KeepOneTeacher = {
    groupLimit: new Map(),
    heldHeads: new Set(),
    shared: [],
    besideHeads: [],
  };
  for (const [key, { code, subject, groups: held, heads: headsHeld }] of holders) {
    const movable = held.reduce((sum, g) => sum + g.teachers.length, 0) + headsHeld.length;
    const staff = present(code, subject);
    if (need(code, subject) <= 0 || staff < 1 || movable < staff) continue;
    if (held.length > 0 && headsHeld.length > 0 && sharedKeys.has(key)) {
      result.shared.push({
        key,
        groups: held.map((g) => g.index),
        heads: headsHeld.map((h) => h.id),
        limit: movable - 1,
      });
    } else if (held.length > 0) {
      const kept = [...held].sort(byBalanceValue)[0];
      result.groupLimit.set(kept.index, kept.teachers.length - 1);
      if (headsHeld.length > 0)
        result.besideHeads.push({
          key,
          group: kept.index,
          limit: kept.teachers.length - 1,
          heads: headsHeld.map((h) => h.id),
        });
    } else {
      const kept = [...headsHeld].sort(
        (a, b) => Number(headDue(a)) - Number(headDue(b)) || (a.id < b.id ? -1 : 1),
      )[0];
      result.heldHeads.add(kept.id);
    }
  }
  return result;
}

/** Groups whose moves help the balance least first: plain before backbone or above-degree, larger first. */
function byBalanceValue(a: TeacherGroup, b: TeacherGroup): number {
  const carries = (g: TeacherGroup) => Number(g.backbone) + Number(g.aboveDegree);
  return carries(a) - carries(b) || b.teachers.length - a.teachers.length || a.index - b.index;
}
