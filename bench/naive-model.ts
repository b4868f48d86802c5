import {
  PLANNING_DISTANCE_MARGIN,
  ceilFte,
  countyMoverBounds,
  distanceKm,
  isHead,
  schoolSendCap,
  staffingCap,
  type CountyContext,
  type School,
  type Subject,
  type Teacher,
} from '@tr/domain';
import { LinearModelBuilder, shortageWeight, type LinearModel } from '@tr/optimizer';

/** As in rotation-model.ts: every move costs this much, plus the distance cost. */
const MOVE_COST = 0.1;
/** As in rotation-model.ts: distance assumed where a school has no coordinates. */
const UNKNOWN_DISTANCE_KM = 20;

/** A move column of the naive model: one teacher to one candidate school, teaching their main subject. */
export interface NaiveMove {
  teacher: Teacher;
  to: string;
  km?: number;
}

export interface NaiveModel {
  model: LinearModel;
  /** Per column: the move it stands for, or undefined for a shortage slack column. */
  moves: (NaiveMove | undefined)[];
  /** Eligible teachers who are not heads: one "at most one move" row each. */
  teachers: number;
  moverBounds: { min: number; max: number };
}

/**
 * The textbook formulation the grouped optimizer replaces: one binary variable per eligible teacher ×
 * candidate school, where the candidates are the K nearest schools within `max_distance_km` that can take
 * the teacher's main subject (its staffing cap there is above zero). Hard rules, in the spirit of
 * rotation-model.ts but without its slacks: each teacher moves at most once; county movers within
 * [⌈min×E⌉, ⌊max×E⌋]; backbone movers ≥ share × movers; per-school send cap ⌈max_rate × eligible⌉; per
 * school × subject net change between "keeps its last needed teacher" and the staffing cap, and one of a
 * school's own teachers of a needed subject stays. Objective:
 * weighted shortage slack per school × subject, in whole teachers (short + in − out ≥ ⌈need⌉ − present,
 * rotation-model.ts `shortageWeight`) + move and distance cost. Left out on purpose: heads (they move only by exchanging headships), extra subjects, preferences
 * and balance indicators.
 *
 * The binaries get no explicit upper bound: the teacher's "at most one move" row already implies x ≤ 1,
 * and JlpSolver would turn every finite column bound into one more (dense) row.
 */
export function buildNaiveModel(context: CountyContext, k = 15): NaiveModel {
  const { policy } = context.snapshot;
  const schools = [...context.snapshot.schools].sort((a, b) => (a.code < b.code ? -1 : 1));
  const teachers = context.snapshot.teachers
    .filter((t) => !isHead(t) && context.eligibility.get(t.id)?.eligible)
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  const moverBounds = countyMoverBounds(
    context.eligibleTotal,
    policy.min_rotation_rate,
    policy.max_rotation_rate,
  );

  const present = (code: string, subject: Subject) => context.supplyBySchool.get(code)?.[subject] ?? 0;
  const need = (code: string, subject: Subject) => context.needBySchool.get(code)?.[subject] ?? 0;
  const capacity = (code: string, subject: Subject) =>
    staffingCap(need(code, subject), present(code, subject));

  const b = new LinearModelBuilder();
  const moves: (NaiveMove | undefined)[] = [];
  const moversRow = b.row('movers', moverBounds.min, moverBounds.max);
  const backboneRow = b.row('backbone_share', 0, Infinity);
  const sendRow = (code: string) =>
    b.row(
      `send:${code}`,
      -Infinity,
      schoolSendCap(context.eligibleBySchool.get(code) ?? 0, policy.max_rotation_rate),
    );
  const netRow = (code: string, subject: Subject) => {
    const before = present(code, subject);
    const lower = need(code, subject) > 0 && before >= 1 ? 1 - before : -before;
    return b.row(`net:${code}:${subject}`, lower, capacity(code, subject) - before);
  };
  // As in keep-one-teacher.ts: where every teacher of a needed subject could leave, one stays.
  const movable = new Map<string, number>();
  for (const t of teachers) {
    const key = `${t.schoolCode}:${t.subject}`;
    movable.set(key, (movable.get(key) ?? 0) + 1);
  }
  const keepOneEntry = (code: string, subject: Subject): [number, number][] => {
    const before = present(code, subject);
    if (need(code, subject) <= 0 || before < 1 || (movable.get(`${code}:${subject}`) ?? 0) < before)
      return [];
    return [[b.row(`keep:${code}:${subject}`, -Infinity, before - 1), 1]];
  };
  const shortageRows = new Map<string, { row: number; code: string; subject: Subject }>();
  const shortageEntry = (code: string, subject: Subject, sign: number): [number, number][] => {
    if (need(code, subject) <= 0) return [];
    const name = `short:${code}:${subject}`;
    let entry = shortageRows.get(name);
    if (!entry) {
      // As in rotation-model.ts: shortage in whole teachers, short + in − out ≥ ⌈need⌉ − present.
      entry = {
        row: b.row(name, ceilFte(need(code, subject)) - present(code, subject), Infinity),
        code,
        subject,
      };
      shortageRows.set(name, entry);
    }
    return [[entry.row, sign]];
  };

  const reachable = new Map<string, { school: School; km?: number }[]>();
  const limit = policy.max_distance_km * (1 - PLANNING_DISTANCE_MARGIN);
  for (const from of schools) {
    const list = schools
      .filter((to) => to.code !== from.code)
      .map((to) => ({ school: to, km: distanceKm(from, to) }))
      .filter((c) => c.km === undefined || c.km <= limit)
      .sort(
        (x, y) =>
          (x.km ?? UNKNOWN_DISTANCE_KM) - (y.km ?? UNKNOWN_DISTANCE_KM) ||
          (x.school.code < y.school.code ? -1 : 1),
      );
    reachable.set(from.code, list);
  }
  const candidateCache = new Map<string, { school: School; km?: number }[]>();
  const candidates = (from: string, subject: Subject) => {
    const key = `${from}:${subject}`;
    let list = candidateCache.get(key);
    if (!list) {
      list = (reachable.get(from) ?? []).filter((c) => capacity(c.school.code, subject) > 0).slice(0, k);
      candidateCache.set(key, list);
    }
    return list;
  };

  for (const teacher of teachers) {
    const from = teacher.schoolCode;
    const subject = teacher.subject;
    const backbone = teacher.backbone !== 'none';
    const teacherRow = b.row(`teacher:${teacher.id}`, -Infinity, 1);
    for (const candidate of candidates(from, subject)) {
      const to = candidate.school.code;
      b.column(
        `x_${teacher.id}_${to}`,
        MOVE_COST + policy.weight_distance_km * (candidate.km ?? UNKNOWN_DISTANCE_KM),
        0,
        Infinity,
        true,
        [
          [teacherRow, 1],
          [moversRow, 1],
          [backboneRow, backbone ? 1 - policy.min_backbone_share : -policy.min_backbone_share],
          [sendRow(from), 1],
          [netRow(from, subject), -1],
          [netRow(to, subject), 1],
          ...keepOneEntry(from, subject),
          ...shortageEntry(from, subject, -1),
          ...shortageEntry(to, subject, 1),
        ],
      );
      moves.push({ teacher, to, km: candidate.km });
    }
  }
  for (const [name, { row, code, subject }] of shortageRows) {
    b.column(
      `s_${name.slice('short:'.length)}`,
      shortageWeight(context.schoolsByCode.get(code)!, subject, policy),
      0,
      Infinity,
      false,
      [[row, 1]],
    );
    moves.push(undefined);
  }
  return { model: b.build(), moves, teachers: teachers.length, moverBounds };
}
