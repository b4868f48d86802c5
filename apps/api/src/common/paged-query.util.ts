import type { DataSource } from 'typeorm';
import { offsetOf, type PageQueryDto } from './pagination.dto';
import type { ScopeCondition } from './scope.util';

/** A WHERE clause with numbered parameters, built from filters and the caller's scope. */
export class WhereClause {
  readonly params: unknown[] = [];
  private readonly conditions: string[] = [];

  /** A condition whose value is written `$?` in `sql` (as often as it is needed). */
  add(sql: string, value: unknown): this {
    this.params.push(value);
    this.conditions.push(sql.replaceAll('$?', `$${this.params.length}`));
    return this;
  }

  /** A scope condition from scope.util, numbered after the parameters so far. */
  scope(make: (firstParam: number) => ScopeCondition): this {
    const scope = make(this.params.length + 1);
    this.params.push(...scope.params);
    this.conditions.push(scope.sql);
    return this;
  }

  get sql(): string {
    return this.conditions.length > 0 ? this.conditions.join(' AND ') : 'TRUE';
  }
}

/** One page of rows and the total across all pages, from the same FROM and WHERE. */
export async function pagedQuery<T>(
  dataSource: DataSource,
  sql: { columns: string; from: string; orderBy: string },
  where: WhereClause,
  page: PageQueryDto,
): Promise<[T[], number]> {
  const [{ total }] = await dataSource.query(
    `SELECT count(*)::int AS total ${sql.from} WHERE ${where.sql}`,
    where.params,
  );
  const rows: T[] = await dataSource.query(
    `SELECT ${sql.columns} ${sql.from} WHERE ${where.sql} ORDER BY ${sql.orderBy} LIMIT ${page.page_size} OFFSET ${offsetOf(page)}`,
    where.params,
  );
  return [rows, total];
}
