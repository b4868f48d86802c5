import { Injectable } from '@nestjs/common';
import { dataWarnings, type Snapshot } from '@tr/domain';
import { readSnapshot, writeSnapshot } from '@tr/io';
import { SnapshotRepository } from '@tr/persistence';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AuthUser } from '../auth/auth-user';
import { ApiException } from '../common/api.exception';
import { ErrorCode } from '../common/error-code';
import { CountiesRepository } from './counties.repository';
import type { CountyResponseDto, CreateCountyDto, ImportResponseDto } from './county.dto';

@Injectable()
export class CountiesService {
  constructor(
    private readonly counties: CountiesRepository,
    private readonly snapshots: SnapshotRepository,
  ) {}

  list(auth: AuthUser): Promise<CountyResponseDto[]> {
    return this.counties.list(auth);
  }

  async get(auth: AuthUser, id: string): Promise<CountyResponseDto> {
    const county = await this.counties.find(auth, id);
    if (!county) throw ApiException.notFound('county', '区县');
    return county;
  }

  create(dto: CreateCountyDto): Promise<CountyResponseDto> {
    return this.counties.create(dto.code, dto.name);
  }

  /**
   * Reads an uploaded workbook with the plan command's reader (same row-level errors) and writes it
   * in one transaction; a bad workbook writes nothing.
   */
  async importWorkbook(
    auth: AuthUser,
    id: string,
    file: Express.Multer.File | undefined,
  ): Promise<ImportResponseDto> {
    const county = await this.get(auth, id);
    if (!file)
      throw new ApiException(
        ErrorCode.ValidationFailed,
        '请上传 .xlsx 工作簿（字段名 file）',
        'upload an .xlsx workbook as the field "file"',
      );
    const snapshot = await withTempDir(async (dir) => {
      const path = join(dir, 'upload.xlsx');
      await writeFile(path, file.buffer);
      return readSnapshot(path);
    });
    const summary = await this.snapshots.importSnapshot(county.code, { ...snapshot, county: county.name });
    return {
      schools: summary.schools,
      teachers: summary.teachers,
      curriculum: summary.curriculum,
      year: snapshot.policy.year,
      warnings: dataWarnings(snapshot).map(({ text, ...where }) => ({
        ...where,
        message_zh: text.zh,
        message: text.en,
      })),
    };
  }

  /** The county as a workbook in the import format. National ID numbers are left blank: a response never carries them. */
  async exportWorkbook(
    auth: AuthUser,
    id: string,
    year?: number,
  ): Promise<{ filename: string; content: Buffer }> {
    const county = await this.get(auth, id);
    const snapshot = await this.snapshots.loadSnapshot(county.code, year);
    const withoutIds: Snapshot = {
      ...snapshot,
      teachers: snapshot.teachers.map(({ nationalId: _omit, ...t }) => t),
    };
    const content = await withTempDir(async (dir) => {
      const path = join(dir, 'export.xlsx');
      await writeSnapshot(withoutIds, path, 'xlsx');
      return readFile(path);
    });
    return { filename: `${county.code}-${snapshot.policy.year}.xlsx`, content };
  }
}

async function withTempDir<T>(work: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'rotation-api-'));
  try {
    return await work(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
