import { makeTeacher } from '@tr/validator/testing/snapshot-factory';
import type { Subject } from '@tr/domain';
import { keepOneTeacher } from './keep-one-teacher';
import type { TeacherGroup } from './teacher-groups';

function group(index: number, school: string, subject: Subject, size: number): TeacherGroup {
  const teachers = Array.from({ length: size }, (_, i) => makeTeacher(`${school}-${subject}-${index}-${i}`, school, { subject }));
  return { index, key: `${school}|${subject}|${index}`, school, subject, subjects: [subject], backbone: false, aboveDegree: false, teachers };
}

describe(keepOneTeacher.name, () => {
  const need = (_code: string, subject: Subject) => (subject === 'pe' ? 0 : 1);

  it('lowers the only group holding every teacher of a needed subject by one', () => {
    const result = keepOneTeacher([group(0, 'A', 'music', 2)], [], need, () => 2);
    expect([...result.groupLimit]).toEqual([[0, 1]]);
    expect(result.sharedLimit.size).toBe(0);
  });

  it('gives groups and heads that hold them together one shared limit of all but one', () => {
    const head = makeTeacher('A-P', 'A', { subject: 'music', role: 'principal' });
    const result = keepOneTeacher([group(0, 'A', 'music', 1), group(1, 'A', 'music', 1)], [head], need, () => 3);
    expect([...result.sharedLimit]).toEqual([['A:music', 2]]);
    expect([...result.sharedKeyOfGroup]).toEqual([
      [0, 'A:music'],
      [1, 'A:music'],
    ]);
    expect([...result.sharedKeyOfHead]).toEqual([['A-P', 'A:music']]);
  });

  it('binds nothing where a teacher of the subject cannot move anyway, or the subject is not needed', () => {
    // Three music teachers at A, two of them eligible (in the group); PE is not needed at all.
    const result = keepOneTeacher([group(0, 'A', 'music', 2), group(1, 'A', 'pe', 1)], [], need, (_code, subject) => (subject === 'music' ? 3 : 1));
    expect(result.groupLimit.size + result.sharedLimit.size).toBe(0);
  });
});
