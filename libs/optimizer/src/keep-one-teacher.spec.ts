import { makeTeacher } from '@tr/validator/testing/snapshot-factory';
import type { Subject, Teacher } from '@tr/domain';
import { keepOneTeacher } from './keep-one-teacher';
import type { TeacherGroup } from './teacher-groups';

function group(
  index: number,
  school: string,
  subject: Subject,
  size: number,
  backbone = false,
): TeacherGroup {
  const teachers = Array.from({ length: size }, (_, i) =>
    makeTeacher(`${school}-${subject}-${index}-${i}`, school, { subject }),
  );
  return {
    index,
    key: `${school}|${subject}|${index}`,
    school,
    subject,
    subjects: [subject],
    backbone,
    aboveDegree: false,
    teachers,
  };
}

describe(keepOneTeacher.name, () => {
  const need = (_code: string, subject: Subject) => (subject === 'pe' ? 0 : 1);
  const notDue = () => false;

  it('holds back one member of the only group holding every teacher of a needed subject', () => {
    const result = keepOneTeacher([group(0, 'A', 'music', 2)], [], need, () => 2, notDue);
    expect([...result.groupLimit]).toEqual([[0, 1]]);
    expect(result.heldHeads.size).toBe(0);
  });

  it('holds back a plain teacher rather than a backbone one', () => {
    const result = keepOneTeacher(
      [group(0, 'A', 'music', 1, true), group(1, 'A', 'music', 1)],
      [],
      need,
      () => 2,
      notDue,
    );
    expect([...result.groupLimit]).toEqual([[1, 0]]);
    expect(result.heldHeads.size).toBe(0);
    expect(result.shared).toEqual([]);
  });

  it('holds back a teacher beside heads and lists the place; shares one row there where asked', () => {
    // Whether the head or a teacher stays depends on whether the head can exchange at all.
    const head = makeTeacher('A-P', 'A', { subject: 'music', role: 'principal', termsAsHead: 2 });
    const groups = [group(0, 'A', 'music', 1, true), group(1, 'A', 'music', 1)];
    const due = (h: Teacher) => h.id === 'A-P';
    const held = keepOneTeacher(groups, [head], need, () => 3, due);
    expect([...held.groupLimit]).toEqual([[1, 0]]);
    expect(held.besideHeads).toEqual([{ key: 'A:music', group: 1, limit: 0, heads: ['A-P'] }]);
    expect(held.shared).toEqual([]);

    const shared = keepOneTeacher(groups, [head], need, () => 3, due, new Set(['A:music']));
    expect(shared.shared).toEqual([{ key: 'A:music', groups: [0, 1], heads: ['A-P'], limit: 2 }]);
    expect(shared.groupLimit.size + shared.heldHeads.size + shared.besideHeads.length).toBe(0);
  });

  it('holds back a head not due to rotate where only heads teach the subject', () => {
    const due = makeTeacher('A-P', 'A', { subject: 'art', role: 'principal', termsAsHead: 2 });
    const other = makeTeacher('A-V', 'A', { subject: 'art', role: 'vice_principal' });
    const result = keepOneTeacher(
      [],
      [due, other],
      need,
      () => 2,
      (head: Teacher) => head.id === 'A-P',
    );
    expect([...result.heldHeads]).toEqual(['A-V']);
  });

  it('binds nothing where a teacher of the subject cannot move anyway, or the subject is not needed', () => {
    // Three music teachers at A, two of them eligible (in the group); PE is not needed at all.
    const result = keepOneTeacher(
      [group(0, 'A', 'music', 2), group(1, 'A', 'pe', 1)],
      [],
      need,
      (_code, subject) => (subject === 'music' ? 3 : 1),
      notDue,
    );
    expect(result.groupLimit.size + result.heldHeads.size + result.shared.length).toBe(0);
  });
});
