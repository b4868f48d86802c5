import { buildCountyContext } from '@tr/domain';
import { makeSchool, makeSnapshot, makeTeacher, makeTeachers } from '@tr/validator/testing/snapshot-factory';
import { planFlags } from './plan-flags';
import type { NamedMove } from './teacher-naming';

describe(planFlags.name, () => {
  const schools = [makeSchool('A'), makeSchool('B')];

  it('says so when the two rates hold no whole number of movers, rather than blaming the other rules', () => {
    // 3 eligible at 50%–50%: the minimum needs 2, the maximum allows 1.
    const teachers = makeTeachers(3, 'A');
    const context = buildCountyContext(
      makeSnapshot({ schools, teachers, policy: { min_rotation_rate: 0.5, max_rotation_rate: 0.5 } }),
    );
    const moves: NamedMove[] = [{ teacher: teachers[0], to: 'B', subject: 'chinese', asHead: false }];
    const [flag] = planFlags(context, moves, []);

    expect(flag.rule).toBe('min_rotation_rate');
    expect(flag.message_zh).toContain('没有整数人数');
    expect(flag.message_zh).toContain('最低比例需 2 人，最高比例只允许 1 人');
    expect(flag.message).toContain('hold no whole number of movers');
    expect(flag.detail).toEqual({ movers: 1, required: 2, eligible: 3, allowed: 1 });
  });

  it('names the maximum rate when it leaves no room for the two heads of an exchange', () => {
    const head = makeTeacher('A-P', 'A', { role: 'principal', termsAsHead: 2 });
    const teachers = [head, makeTeacher('B-P', 'B', { role: 'principal' }), ...makeTeachers(2, 'A')];
    const context = buildCountyContext(makeSnapshot({ schools, teachers }));
    const flags = planFlags(context, [], [head]).filter((f) => f.rule === 'head_rotation');

    expect(flags).toHaveLength(1);
    expect(flags[0].message_zh).toContain('最高交流比例 0.25 下 4 名符合条件教师只能交流 1 人');
    expect(flags[0].message).toContain('an exchange moves two heads');
  });

  it('blames distance and staffing where the county has room for an exchange', () => {
    const head = makeTeacher('A-P', 'A', { role: 'principal', termsAsHead: 2 });
    const teachers = [head, ...makeTeachers(11, 'A')];
    const context = buildCountyContext(makeSnapshot({ schools, teachers }));
    const [flag] = planFlags(context, [], [head]).filter((f) => f.rule === 'head_rotation');

    expect(flag.message_zh).toContain('公里内没有可在学科编制规则下互换的同职务领导');
  });
});
