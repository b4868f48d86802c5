import { readSnapshot, writeSnapshot } from '@tr/io';
import { SnapshotRepository } from '@tr/persistence';
import { generateCounty } from '@tr/samples';
import ExcelJS from 'exceljs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COUNTY_A, authHeader, startApi, type ApiHarness } from './api-harness';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A workbook of a generated county, optionally edited cell by cell the way a user would in Excel. */
async function workbook(seed: number, edit?: (book: ExcelJS.Workbook) => void): Promise<Buffer> {
  const dir = await mkdtemp(join(tmpdir(), 'api-import-'));
  try {
    const path = join(dir, 'county.xlsx');
    await writeSnapshot(generateCounty('mini', seed), path, 'xlsx');
    if (!edit) return await readFile(path);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path);
    edit(book);
    return Buffer.from(await book.xlsx.writeBuffer());
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function columnOf(sheet: ExcelJS.Worksheet, name: string): number {
  let index = 0;
  sheet.getRow(1).eachCell((cell, col) => {
    if (cell.value === name) index = col;
  });
  return index;
}

describe('import and export over HTTP', () => {
  let api: ApiHarness;

  beforeAll(async () => {
    api = await startApi();
  }, 60_000);

  afterAll(async () => {
    await api?.close();
  });

  /** The county's data as the database holds it, to show a refused import changed nothing. */
  const stored = () => new SnapshotRepository(api.db.dataSource).loadSnapshot(COUNTY_A);

  const upload = (content: Buffer, filename = 'county.xlsx') =>
    api
      .http()
      .post(`/counties/${api.fixtures.countyA}/import`)
      .set(authHeader(api, 'hr'))
      .attach('file', content, { filename, contentType: XLSX });

  it('imports an uploaded workbook in one go and reports what it wrote', async () => {
    const response = await upload(await workbook(7)).expect(201);
    const expected = generateCounty('mini', 7);
    expect(response.body).toEqual({
      schools: expected.schools.length,
      teachers: expected.teachers.length,
      curriculum: expected.curriculum.length,
      year: expected.policy.year,
      warnings: [],
    });
    expect((await stored()).teachers).toHaveLength(expected.teachers.length);
  });

  it('imports a workbook with unlikely values and names each in its answer', async () => {
    const content = await workbook(9, (book) => {
      const sheet = book.getWorksheet('teachers')!;
      sheet.getRow(2).getCell(columnOf(sheet, 'at_school_since')).value = '2031-09-01';
    });
    const id = generateCounty('mini', 9).teachers[0].id;

    const response = await upload(content).expect(201);

    expect(response.body.warnings).toEqual([
      {
        sheet: 'teachers',
        key: id,
        column: 'at_school_since',
        value: '2031-09-01',
        message_zh: expect.stringContaining('晚于方案基准日'),
        message: expect.stringContaining("after the plan's reference date"),
      },
    ]);
    expect((await stored()).teachers.find((t) => t.id === id)?.atSchoolSince).toBe('2031-09-01');
  });

  describe('refuses a bad workbook with row-level errors and writes nothing', () => {
    const cases: [string, () => Promise<Buffer>, object][] = [
      [
        'a duplicate teacher id',
        () =>
          workbook(8, (book) => {
            const sheet = book.getWorksheet('teachers')!;
            const id = columnOf(sheet, 'id');
            sheet.getRow(3).getCell(id).value = sheet.getRow(2).getCell(id).value;
          }),
        { sheet: 'teachers', row: 3, column: 'id' },
      ],
      [
        'an unknown school code',
        () =>
          workbook(
            8,
            (book) =>
              void (book
                .getWorksheet('teachers')!
                .getRow(4)
                .getCell(columnOf(book.getWorksheet('teachers')!, 'school_code')).value = 'NO-SUCH'),
          ),
        { sheet: 'teachers', row: 4, column: 'school_code', value: 'NO-SUCH' },
      ],
      [
        'an impossible date',
        () =>
          workbook(
            8,
            (book) =>
              void (book
                .getWorksheet('teachers')!
                .getRow(5)
                .getCell(columnOf(book.getWorksheet('teachers')!, 'birth_date')).value = '1980-02-30'),
          ),
        { sheet: 'teachers', row: 5, column: 'birth_date' },
      ],
      [
        'a missing required column',
        () =>
          workbook(8, (book) =>
            book.getWorksheet('schools')!.spliceColumns(columnOf(book.getWorksheet('schools')!, 'type'), 1),
          ),
        { sheet: 'schools', column: 'type' },
      ],
      ['a file that is not a workbook', async () => Buffer.from('this is not a workbook'), {}],
    ];

    it.each(cases)('%s', async (_name, build, issue) => {
      const before = await stored();
      const response = await upload(await build()).expect(400);
      expect(response.body.error.code).toBe('snapshot_invalid');
      expect(response.body.error.message_zh).toMatch(/错误|无法读取/);
      if (Object.keys(issue).length > 0) {
        expect(response.body.error.details).toEqual(expect.arrayContaining([expect.objectContaining(issue)]));
        for (const detail of response.body.error.details)
          expect(detail.expected).toEqual({ zh: expect.any(String), en: expect.any(String) });
      }
      expect(await stored()).toStrictEqual(before);
    });
  });

  it('refuses an upload with no file', async () => {
    const response = await api
      .http()
      .post(`/counties/${api.fixtures.countyA}/import`)
      .set(authHeader(api, 'hr'))
      .expect(400);
    expect(response.body.error.code).toBe('validation_failed');
  });

  it('exports the county in the import format with national IDs left blank; re-importing it keeps the IDs on file', async () => {
    const before = await stored();
    const response = await api
      .http()
      .get(`/counties/${api.fixtures.countyA}/export`)
      .set(authHeader(api, 'hr'))
      .buffer(true)
      .parse(collectBinary)
      .expect(200);
    expect(response.headers['content-type']).toContain(XLSX);
    expect(response.headers['content-disposition']).toMatch(/attachment; filename="410185-\d{4}\.xlsx"/);
    const content = response.body as Buffer;

    const dir = await mkdtemp(join(tmpdir(), 'api-export-'));
    try {
      await writeFile(join(dir, 'export.xlsx'), content);
      const exported = await readSnapshot(join(dir, 'export.xlsx'));
      expect(exported.teachers.every((t) => t.nationalId === undefined)).toBe(true);
      expect(exported.teachers).toEqual(before.teachers.map(({ nationalId: _omit, ...t }) => t));
      expect(exported.schools).toEqual(before.schools);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }

    await upload(content).expect(201);
    expect(await stored()).toStrictEqual(before);
  });
});

/** Supertest buffers only text by default; a workbook is collected as bytes. */
const collectBinary = (res: unknown, done: (error: Error | null, body: Buffer) => void): void => {
  const stream = res as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
};
