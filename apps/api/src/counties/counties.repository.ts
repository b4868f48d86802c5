import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/auth-user';
import { countyScope } from '../common/scope.util';
import type { CountyResponseDto } from './county.dto';

interface CountyRow {
  id: string;
  code: string;
  name: string;
  years: number[] | null;
}

@Injectable()
export class CountiesRepository {
  constructor(private readonly dataSource: DataSource) {}

  async list(auth: AuthUser): Promise<CountyResponseDto[]> {
    const scope = countyScope(auth, 'c.id', 1);
    const rows: CountyRow[] = await this.dataSource.query(
      `${SELECT} WHERE ${scope.sql} GROUP BY c.id ORDER BY c.code`,
      scope.params,
    );
    return rows.map(toDto);
  }

  async find(auth: AuthUser, id: string): Promise<CountyResponseDto | undefined> {
    const scope = countyScope(auth, 'c.id', 2);
    const rows: CountyRow[] = await this.dataSource.query(
      `${SELECT} WHERE c.id = $1 AND ${scope.sql} GROUP BY c.id`,
      [id, ...scope.params],
    );
    return rows[0] && toDto(rows[0]);
  }

  async create(code: string, name: string): Promise<CountyResponseDto> {
    const [row] = await this.dataSource.query(
      `INSERT INTO counties (code, name) VALUES ($1, $2) RETURNING id, code, name`,
      [code, name],
    );
    return { ...row, years: [] };
  }
}

const SELECT = `SELECT c.id, c.code, c.name, array_remove(array_agg(p.year ORDER BY p.year), NULL) AS years
  FROM counties c LEFT JOIN county_policies p ON p.county_id = c.id`;

function toDto(row: CountyRow): CountyResponseDto {
  return { id: row.id, code: row.code, name: row.name, years: row.years ?? [] };
}
