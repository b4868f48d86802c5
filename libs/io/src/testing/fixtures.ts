import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { CellValue } from 'exceljs';
import { SnapshotValidationError, type SnapshotIssue } from '@tr/domain';
import { parseIsoDate } from '../cell-parsers';
import { csvDocument } from '../csv-format';

/** Test helpers: small snapshots built in temporary folders, as CSV text or as workbooks. */

export type Sheets = Record<string, string[][]>;

export function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'tr-io-'));
}

/** A valid little county: 2 schools, 3 teachers, 2 curriculum lines, a policy. Row 1 is the header. */
export function validSheets(): Sheets {
  return {
    schools: [
      [
        'code',
        'name',
        'type',
        'area',
        'district',
        'group',
        'remote',
        'pupils_primary',
        'pupils_junior',
        'classes_primary',
        'classes_junior',
        'lat',
        'lng',
        'note',
      ],
      [
        'S001',
        '城关小学',
        'primary',
        'urban',
        'D1',
        '',
        'false',
        '1200',
        '0',
        '24',
        '0',
        '34.45',
        '113.03',
        'ignored',
      ],
      ['S002', '石道乡中心小学', 'primary', 'rural', 'D2', 'G1', 'true', '180', '', '6', '', '', '', ''],
    ],
    teachers: [
      [
        'id',
        'name',
        'gender',
        'birth_date',
        'school_code',
        'subject',
        'extra_subjects',
        'title',
        'backbone',
        'degree',
        'hired_on',
        'at_school_since',
        'status',
        'role',
        'terms_as_head',
        'preferences',
        'national_id',
      ],
      [
        'T0001',
        '张伟',
        'M',
        '1980-05-12',
        'S001',
        'music',
        'art;pe',
        'first',
        'county',
        'above',
        '2002-09-01',
        '2010-09-01',
        'active',
        'teacher',
        '0',
        'S002',
        '41018519800512123X',
      ],
      [
        'T0002',
        '李娜',
        'F',
        '1990-01-31',
        'S001',
        'math',
        '',
        '',
        '',
        '',
        '',
        '2015-09-01',
        '',
        '',
        '',
        '',
        '',
      ],
      [
        'T0003',
        '王芳',
        'F',
        '1975-11-02',
        'S002',
        'chinese',
        '',
        'senior',
        'none',
        'required',
        '1995-09-01',
        '2008-03-01',
        'active',
        'principal',
        '2',
        '',
        '',
      ],
    ],
    curriculum: [
      ['stage', 'subject', 'periods_per_class_week', 'full_load_periods'],
      ['primary', 'chinese', '8', '14'],
      ['primary', 'music', '2', '16'],
    ],
    policy: [
      ['key', 'value'],
      ['year', '2026'],
      ['county', '登封市'],
      ['min_rotation_rate', '0.12'],
      ['something_else', 'kept out'],
    ],
  };
}

export async function writeCsvSheets(dir: string, sheets: Sheets): Promise<string> {
  await mkdir(dir, { recursive: true });
  for (const [name, rows] of Object.entries(sheets))
    await writeFile(join(dir, `${name}.csv`), csvDocument(rows));
  return dir;
}

/** Writes a workbook; `typed` turns numeric, boolean and date texts into real cells, as Excel users produce. */
export async function writeXlsxSheets(file: string, sheets: Sheets, typed = false): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = workbook.addWorksheet(name);
    rows.forEach((row, r) => sheet.addRow(row.map((text) => (typed && r > 0 ? typedCell(text) : text))));
  }
  await workbook.xlsx.writeFile(file);
  return file;
}

function typedCell(text: string): CellValue {
  if (text === '') return null;
  if (text === 'true' || text === 'false') return text === 'true';
  if (parseIsoDate(text)) return new Date(`${text}T00:00:00Z`);
  if (/^-?\d+(\.\d+)?$/.test(text) && text.length < 15) return Number(text);
  return text;
}

/** The issues readSnapshot's rejection carries; fails the test if it resolves or throws anything else. */
export async function issuesOf(promise: Promise<unknown>): Promise<SnapshotIssue[]> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof SnapshotValidationError) return error.issues;
    throw error;
  }
  throw new Error('expected a SnapshotValidationError, but the snapshot was accepted');
}
