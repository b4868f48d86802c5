import {
  SMALL_CURRICULUM,
  makeSchool,
  makeSnapshot,
  makeTeacher,
} from '@tr/validator/testing/snapshot-factory';
import { dataWarnings, formatDataWarning } from './data-warnings';
import type { School, Teacher } from './model';

/** Warnings of a one-school county (a primary school, reckoned on 2026-09-01) with these changes. */
function warningsOf(parts: {
  school?: Partial<School>;
  teacher?: Partial<Teacher>;
  primaryCurriculum?: boolean;
}) {
  return dataWarnings(
    makeSnapshot({
      schools: [makeSchool('S1', parts.school)],
      teachers: [makeTeacher('T1', 'S1', parts.teacher)],
      curriculum:
        parts.primaryCurriculum === false ? SMALL_CURRICULUM.filter((e) => e.stage !== 'primary') : undefined,
    }),
  );
}

describe(dataWarnings.name, () => {
  it('finds nothing unlikely in an ordinary county', () => {
    expect(warningsOf({})).toEqual([]);
  });

  it('warns of an arrival after the reference date, which leaves too few years at the school', () => {
    const [warning, ...rest] = warningsOf({ teacher: { atSchoolSince: '2026-09-02' } });
    expect(rest).toEqual([]);
    expect(warning).toMatchObject({
      sheet: 'teachers',
      key: 'T1',
      column: 'at_school_since',
      value: '2026-09-02',
    });
    expect(warning.text.zh).toContain('晚于方案基准日 2026-09-01');
    expect(warning.text.en).toContain("after the plan's reference date 2026-09-01");
    // The reference date itself is not after it.
    expect(warningsOf({ teacher: { atSchoolSince: '2026-09-01', hiredOn: '2026-09-01' } })).toEqual([]);
  });

  it('warns of an arrival at the school before the first day of service', () => {
    expect(warningsOf({ teacher: { hiredOn: '2013-09-01', atSchoolSince: '2012-09-01' } })).toEqual([
      expect.objectContaining({ column: 'at_school_since', value: '2012-09-01' }),
    ]);
  });

  it('warns of service begun before the 16th birthday', () => {
    const warnings = warningsOf({ teacher: { birthDate: '1990-03-01', hiredOn: '2006-02-28' } });
    expect(warnings).toEqual([expect.objectContaining({ column: 'hired_on', value: '2006-02-28' })]);
    expect(warnings[0].text.en).toContain('16th birthday (born 1990-03-01)');
    expect(warningsOf({ teacher: { birthDate: '1990-03-01', hiredOn: '2006-03-01' } })).toEqual([]);
  });

  it('warns of staff under 18 or past retirement age on the reference date', () => {
    const young = warningsOf({
      teacher: { birthDate: '2008-09-02', hiredOn: '2026-09-01', atSchoolSince: '2026-09-01' },
    });
    expect(young).toEqual([expect.objectContaining({ column: 'birth_date', value: '2008-09-02' })]);
    expect(young[0].text.en).toContain('younger than 18 on 2026-09-01');

    // Women retire at 55 and men at 60 under the default policy.
    const retired = warningsOf({ teacher: { gender: 'F', birthDate: '1971-09-01' } });
    expect(retired).toEqual([expect.objectContaining({ column: 'birth_date' })]);
    expect(retired[0].text.zh).toContain('已到法定退休年龄 55 岁');
    expect(warningsOf({ teacher: { gender: 'M', birthDate: '1971-09-01' } })).toEqual([]);
  });

  it('warns of a stage with pupils but no classes, or classes but no pupils', () => {
    expect(warningsOf({ school: { classesPrimary: 0 } })).toEqual([
      expect.objectContaining({ sheet: 'schools', key: 'S1', column: 'classes_primary', value: '0' }),
    ]);
    const noPupils = warningsOf({ school: { pupilsPrimary: 0 } });
    expect(noPupils).toEqual([expect.objectContaining({ column: 'pupils_primary', value: '0' })]);
    expect(noPupils[0].text.en).toContain('8 primary classes but no primary pupils');
  });

  it("warns of pupils in a stage the school's type does not count for balance", () => {
    const warnings = warningsOf({ school: { pupilsJunior: 40, classesJunior: 1 } });
    expect(warnings).toEqual([expect.objectContaining({ column: 'type', value: 'primary' })]);
    expect(warnings[0].text.en).toContain('count for subject need but not for the junior coefficients');
  });

  it('warns once of a stage that schools teach but the curriculum leaves out', () => {
    const warnings = warningsOf({ primaryCurriculum: false });
    expect(warnings).toEqual([
      expect.objectContaining({ sheet: 'curriculum', key: 'primary', column: 'stage' }),
    ]);
    expect(warnings[0].text.en).toBe('no primary rows: the primary subject need of 1 school(s) counts as 0');
  });

  it('formats a warning with where it is first, Chinese before English', () => {
    const [warning] = warningsOf({ teacher: { atSchoolSince: '2027-01-05' } });
    expect(formatDataWarning(warning)).toMatch(
      /^teachers T1 at_school_since=2027-01-05: 晚于方案基准日 2026-09-01.* \/ after the plan's reference date/,
    );
  });
});
