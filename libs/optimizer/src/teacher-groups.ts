import { isHead, type CountyContext, type Subject, type Teacher } from '@tr/domain';

/**
 * Eligible teachers who are interchangeable for every rule and objective: same school, main subject,
 * extra subjects, backbone class and degree class. The model moves whole numbers of them, which keeps it
 * small and its LP relaxation nearly integral; individuals are named afterwards.
 */
export interface TeacherGroup {
  index: number;
  key: string;
  school: string;
  subject: Subject;
  /** Main subject first, then extras: what a member may teach at the destination. */
  subjects: Subject[];
  backbone: boolean;
  aboveDegree: boolean;
  teachers: Teacher[];
}

export function groupEligibleTeachers(
  context: CountyContext,
  schoolCodes: readonly string[],
): TeacherGroup[] {
  const byKey = new Map<string, TeacherGroup>();
  for (const code of schoolCodes) {
    for (const teacher of context.teachersBySchool.get(code) ?? []) {
      if (isHead(teacher) || !context.eligibility.get(teacher.id)?.eligible) continue;
      const extras = [...new Set(teacher.extraSubjects)].filter((s) => s !== teacher.subject).sort();
      const backbone = teacher.backbone !== 'none';
      const aboveDegree = teacher.degree === 'above';
      const key = [
        code,
        teacher.subject,
        extras.join('+'),
        backbone ? 'b' : '-',
        aboveDegree ? 'a' : '-',
      ].join('|');
      let group = byKey.get(key);
      if (!group) {
        group = {
          index: 0,
          key,
          school: code,
          subject: teacher.subject,
          subjects: [teacher.subject, ...extras],
          backbone,
          aboveDegree,
          teachers: [],
        };
        byKey.set(key, group);
      }
      group.teachers.push(teacher);
    }
  }
  const groups = [...byKey.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  groups.forEach((group, index) => (group.index = index));
  return groups;
}

/** Eligible principals and vice principals: they move only by exchanging headships. */
export function eligibleHeads(context: CountyContext, schoolCodes: readonly string[]): Teacher[] {
  const heads: Teacher[] = [];
  for (const code of schoolCodes) {
    for (const teacher of context.teachersBySchool.get(code) ?? []) {
      if (isHead(teacher) && context.eligibility.get(teacher.id)?.eligible) heads.push(teacher);
    }
  }
  return heads.sort((a, b) => (a.id < b.id ? -1 : 1));
}
