import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { CreateFlexibleGrantDto, FlexibleGrantResponseDto } from './flexible-quota.dto';

export interface PoolState {
  total: number;
  grants: FlexibleGrantResponseDto[];
}

export type GrantOutcome =
  | { outcome: 'granted'; id: string }
  | { outcome: 'no-pool' }
  | { outcome: 'unknown-school' }
  | { outcome: 'exceeds'; remaining: number };

/** The county's flexible quota pool and its grants; every change locks the pool row first. */
@Injectable()
export class FlexibleQuotaRepository {
  constructor(private readonly dataSource: DataSource) {}

  async pool(
    countyId: string,
    year: number,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<PoolState | undefined> {
    const [pool] = await manager.query(
      `SELECT total FROM flexible_pools WHERE county_id = $1 AND year = $2`,
      [countyId, year],
    );
    if (!pool) return undefined;
    const grants = await manager.query(
      `SELECT g.id, g.school_id, s.code AS school_code, g.amount, g.purpose, g.note
       FROM flexible_grants g JOIN schools s ON s.id = g.school_id
       WHERE g.county_id = $1 AND g.year = $2 ORDER BY g.created_at, g.id`,
      [countyId, year],
    );
    return { total: pool.total, grants };
  }

  /** Sets the pool's size; refused (returns the amount granted) when grants already exceed it. */
  async setTotal(
    countyId: string,
    year: number,
    total: number,
  ): Promise<{ ok: true } | { ok: false; granted: number }> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO flexible_pools (county_id, year, total) VALUES ($1, $2, 0) ON CONFLICT DO NOTHING`,
        [countyId, year],
      );
      await manager.query(`SELECT 1 FROM flexible_pools WHERE county_id = $1 AND year = $2 FOR UPDATE`, [
        countyId,
        year,
      ]);
      const granted = await this.granted(manager, countyId, year);
      if (granted > total) return { ok: false, granted };
      await manager.query(`UPDATE flexible_pools SET total = $3 WHERE county_id = $1 AND year = $2`, [
        countyId,
        year,
        total,
      ]);
      return { ok: true };
    });
  }

  async grant(countyId: string, dto: CreateFlexibleGrantDto): Promise<GrantOutcome> {
    return this.dataSource.transaction(async (manager) => {
      const [pool] = await manager.query(
        `SELECT total FROM flexible_pools WHERE county_id = $1 AND year = $2 FOR UPDATE`,
        [countyId, dto.year],
      );
      if (!pool) return { outcome: 'no-pool' };
      const school = await manager.query(`SELECT 1 FROM schools WHERE id = $1 AND county_id = $2`, [
        dto.school_id,
        countyId,
      ]);
      if (school.length === 0) return { outcome: 'unknown-school' };
      const remaining = pool.total - (await this.granted(manager, countyId, dto.year));
      if (dto.amount > remaining) return { outcome: 'exceeds', remaining };
      const [{ id }] = await manager.query(
        `INSERT INTO flexible_grants (county_id, year, school_id, amount, purpose, note) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [countyId, dto.year, dto.school_id, dto.amount, dto.purpose, dto.note ?? null],
      );
      return { outcome: 'granted', id };
    });
  }

  private async granted(manager: EntityManager, countyId: string, year: number): Promise<number> {
    const [{ sum }] = await manager.query(
      `SELECT coalesce(sum(amount), 0)::int AS sum FROM flexible_grants WHERE county_id = $1 AND year = $2`,
      [countyId, year],
    );
    return sum;
  }
}
