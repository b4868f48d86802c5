import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DEFAULT_POLICY, type Snapshot } from '@tr/domain';
import { readSnapshot } from './snapshot-reader';
import { writeSnapshot } from './snapshot-writer';
import { tempDir } from './testing/fixtures';

/** A snapshot using every column, awkward text included (commas, quotes, new lines, leading zeros). */
function sampleSnapshot(): Snapshot {
  return {
    county: '巩义市',
    policy: { ...DEFAULT_POLICY, year: 2026, max_rotation_rate: 0.3, weight_distance_km: 0.015 },
    schools: [
      {
        code: '001',
        name: '实验小学, "东校区"',
        type: 'nine_year',
        area: 'town',
        group: 'G-1',
        remote: false,
        pupilsPrimary: 900,
        pupilsJunior: 450,
        classesPrimary: 18,
        classesJunior: 9,
        lat: 34.7536,
        lng: 112.9871,
      },
      {
        code: '002',
        name: '山区\n教学点',
        type: 'special',
        area: 'rural',
        district: 'D9',
        remote: true,
        pupilsPrimary: 0,
        pupilsJunior: 0,
        classesPrimary: 0,
        classesJunior: 0,
      },
    ],
    teachers: [
      {
        id: 'T01',
        name: '赵敏',
        gender: 'F',
        birthDate: '1985-12-31',
        schoolCode: '001',
        subject: 'science',
        extraSubjects: ['labour', 'it'],
        title: 'second',
        backbone: 'province',
        degree: 'below',
        hiredOn: '2008-08-15',
        atSchoolSince: '2012-02-29',
        status: 'maternity',
        role: 'vice_principal',
        termsAsHead: 1,
        preferences: ['002', '001'],
        nationalId: '410181198512310025',
      },
      {
        id: 'T02',
        name: '钱 进',
        birthDate: '1970-01-01',
        schoolCode: '002',
        subject: 'special_ed',
        extraSubjects: [],
        title: 'none',
        backbone: 'none',
        degree: 'required',
        atSchoolSince: '1999-09-01',
        status: 'active',
        role: 'teacher',
        termsAsHead: 0,
        preferences: [],
      },
    ],
    curriculum: [
      { stage: 'primary', subject: 'science', periodsPerClassWeek: 1.5, fullLoadPeriods: 16 },
      { stage: 'junior', subject: 'special_ed', periodsPerClassWeek: 0, fullLoadPeriods: 12 },
    ],
  };
}

describe('writeSnapshot', () => {
  it.each(['csv', 'xlsx'] as const)('round-trips through %s unchanged', async (format) => {
    const snapshot = sampleSnapshot();
    const path = join(await tempDir(), format === 'csv' ? 'out' : 'out.xlsx');
    await writeSnapshot(snapshot, path, format);
    expect(await readSnapshot(path)).toStrictEqual(snapshot);
  });

  it('writes exactly the FORMATS.md columns, policy as key/value rows with the county', async () => {
    const dir = join(await tempDir(), 'snap');
    await writeSnapshot(sampleSnapshot(), dir, 'csv');
    expect((await readdir(dir)).sort()).toEqual([
      'curriculum.csv',
      'policy.csv',
      'schools.csv',
      'teachers.csv',
    ]);
    const schools = await readFile(join(dir, 'schools.csv'), 'utf8');
    expect(schools.split('\n')[0]).toBe(
      'code,name,type,area,district,group,remote,pupils_primary,pupils_junior,classes_primary,classes_junior,lat,lng',
    );
    expect(schools).toContain(
      '001,"实验小学, ""东校区""",nine_year,town,,G-1,false,900,450,18,9,34.7536,112.9871\n',
    );
    const policy = await readFile(join(dir, 'policy.csv'), 'utf8');
    expect(policy.startsWith('key,value\ncounty,巩义市\nyear,2026\nmin_rotation_rate,0.1\n')).toBe(true);
    const teachers = await readFile(join(dir, 'teachers.csv'), 'utf8');
    expect(teachers).toContain(
      'T02,钱 进,,1970-01-01,002,special_ed,,none,none,required,,1999-09-01,active,teacher,0,,\n',
    );
  });

  it('replaces an earlier snapshot folder whole, leaving no temporary files', async () => {
    const parent = await tempDir();
    const dir = join(parent, 'snap');
    await writeSnapshot({ ...sampleSnapshot(), county: 'old' }, dir, 'csv');
    await writeSnapshot(sampleSnapshot(), dir, 'csv');
    expect((await readSnapshot(dir)).county).toBe('巩义市');
    expect(await readdir(parent)).toEqual(['snap']);
  });

  it('refuses to overwrite a folder holding other files, and leaves it as it was', async () => {
    const dir = join(await tempDir(), 'mine');
    await mkdir(dir);
    await writeFile(join(dir, 'notes.txt'), 'keep me');
    await expect(writeSnapshot(sampleSnapshot(), dir, 'csv')).rejects.toThrow(/other files/);
    expect(await readdir(dir)).toEqual(['notes.txt']);
  });
});
