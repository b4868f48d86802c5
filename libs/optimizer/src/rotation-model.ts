import {
  PE_ARTS_SUBJECTS,
  PLANNING_DISTANCE_MARGIN,
  SCARCE_SUBJECTS,
  STAGES,
  ceilFte,
  countyMoverBounds,
  distanceKm,
  schoolSendCap,
  staffingCap,
  type CountyContext,
  type IndicatorName,
  type School,
  type Stage,
  type Subject,
  type Teacher,
} from '@tr/domain';
import type { BalanceTargets } from './balance-targets';
import { LinearModelBuilder, type LinearModel } from './linear-model';
import { eligibleHeads, groupEligibleTeachers, type TeacherGroup } from './teacher-groups';

/** Penalties on relaxed rules dwarf every objective term, so a rule gives way only when it must. */
export const RATE_PENALTY = 10_000;
export const BACKBONE_PENALTY = 10_000;
export const HEAD_PENALTY = 1_000;
/** Cost of any move, so that nobody moves for nothing. */
const MOVE_COST = 0.1;
/** Extra cost of moving a head who is not due to rotate: they join an exchange only to complete one. */
const OPTIONAL_HEAD_COST = 0.5;
/** Distance assumed where a school has no coordinates. */
const UNKNOWN_DISTANCE_KM = 20;

export type ColumnMeta =
  | { type: 'flow'; group: TeacherGroup; to: string; subject: Subject; km?: number }
  | { type: 'head'; teacher: Teacher; to: string; subject: Subject; km?: number }
  | { type: 'preference' | 'shortage' | 'deviation' | 'head_slack' | 'rate_slack' | 'backbone_slack'; teacher?: Teacher };

export interface RotationModel {
  model: LinearModel;
  columns: ColumnMeta[];
  groups: TeacherGroup[];
  heads: Teacher[];
  /** Heads due to rotate under `head_max_terms`. */
  dueHeads: Teacher[];
  eligible: number;
  moverBounds: { min: number; max: number };
}

interface Candidate {
  school: School;
  km?: number;
}

export function buildRotationModel(
  context: CountyContext,
  schoolCodes: readonly string[],
  balance: BalanceTargets,
): RotationModel {
  const { policy } = context.snapshot;
  const codes = [...schoolCodes].sort();
  const inScope = new Set(codes);
  const schools = codes.map((code) => context.schoolsByCode.get(code)!);
  const groups = groupEligibleTeachers(context, codes);
  const heads = eligibleHeads(context, codes);
  const dueHeads = heads.filter((h) => context.eligibility.get(h.id)!.headDueToRotate);
  const eligible = codes.reduce((sum, code) => sum + (context.eligibleBySchool.get(code) ?? 0), 0);
  const moverBounds = countyMoverBounds(eligible, policy.min_rotation_rate, policy.max_rotation_rate);

  const b = new LinearModelBuilder();
  const columns: ColumnMeta[] = [];
  const add = (meta: ColumnMeta, name: string, cost: number, upper: number, integer: boolean, entries: [number, number][]) => {
    b.column(name, cost, 0, upper, integer, entries);
    columns.push(meta);
  };

  const moversMin = b.row('movers_min', moverBounds.min, Infinity);
  const moversMax = b.row('movers_max', -Infinity, moverBounds.max);
  const backboneRow = b.row('backbone_share', 0, Infinity);
  const sendRows = new Map<string, number>();
  for (const code of codes) {
    const cap = schoolSendCap(context.eligibleBySchool.get(code) ?? 0, policy.max_rotation_rate);
    sendRows.set(code, b.row(`send:${code}`, -Infinity, cap));
  }

  const present = (code: string, subject: Subject) => context.supplyBySchool.get(code)?.[subject] ?? 0;
  const need = (code: string, subject: Subject) => context.needBySchool.get(code)?.[subject] ?? 0;
  const capacity = (code: string, subject: Subject) => staffingCap(need(code, subject), present(code, subject));

  // Net change of a school × subject: never below its last needed teacher, never above its cap.
  const netRow = (code: string, subject: Subject) => {
    const before = present(code, subject);
    const lower = need(code, subject) > 0 && before >= 1 ? 1 - before : -before;
    return b.row(`net:${code}:${subject}`, lower, capacity(code, subject) - before);
  };
  // short + in − out ≥ need − present: the shortage left after the plan.
  const shortageRows = new Map<string, number>();
  const shortageRow = (code: string, subject: Subject) => {
    const name = `short:${code}:${subject}`;
    const index = b.row(name, need(code, subject) - present(code, subject), Infinity);
    shortageRows.set(name, index);
    return index;
  };
  // in_k − out_k − d⁺ + d⁻ = target − present, per school, stage and indicator.
  const deviationRows = new Map<string, { row: number; unitCost: number }>();
  const deviationEntries = (code: string, hits: Record<IndicatorName, boolean>, sign: number): [number, number][] => {
    const entries: [number, number][] = [];
    const targets = balance.get(code);
    if (!targets) return entries;
    for (const stage of STAGES) {
      for (const indicator of ['degree_above', 'backbone', 'pe_arts'] as const) {
        if (!hits[indicator]) continue;
        const target = targets.get(`${stage}:${indicator}` as `${Stage}:${IndicatorName}`);
        if (!target) continue;
        const name = `dev:${code}:${stage}:${indicator}`;
        let row = deviationRows.get(name);
        if (!row) {
          const rhs = target.target - target.present;
          row = { row: b.row(name, rhs, rhs), unitCost: target.unitCost };
          deviationRows.set(name, row);
        }
        entries.push([row.row, sign]);
      }
    }
    return entries;
  };
  const moveEntries = (
    from: string,
    to: string,
    mainSubject: Subject,
    taught: Subject,
    backbone: boolean,
    aboveDegree: boolean,
  ): [number, number][] => [
    [moversMin, 1],
    [moversMax, 1],
    [backboneRow, backbone ? 1 - policy.min_backbone_share : -policy.min_backbone_share],
    [sendRows.get(from)!, 1],
    [netRow(from, mainSubject), -1],
    [netRow(to, taught), 1],
    ...(need(from, mainSubject) > 0 ? ([[shortageRow(from, mainSubject), -1]] as [number, number][]) : []),
    ...(need(to, taught) > 0 ? ([[shortageRow(to, taught), 1]] as [number, number][]) : []),
    ...deviationEntries(from, { degree_above: aboveDegree, backbone, pe_arts: PE_ARTS_SUBJECTS.has(mainSubject) }, -1),
    ...deviationEntries(to, { degree_above: aboveDegree, backbone, pe_arts: PE_ARTS_SUBJECTS.has(taught) }, 1),
  ];
  const travelCost = (km: number | undefined) => MOVE_COST + policy.weight_distance_km * (km ?? UNKNOWN_DISTANCE_KM);

  const reachable = reachableSchools(schools, policy.max_distance_km);
  const chooser = new CandidateChooser(context, reachable, balance, capacity, present, need, inScope);

  for (const group of groups) {
    const groupRow = b.row(`group:${group.index}`, -Infinity, group.teachers.length);
    const preferred = preferenceCounts(group.teachers);
    for (const candidate of chooser.forGroup(group, preferred)) {
      const to = candidate.school.code;
      const subjects = group.subjects.filter((subject) => capacity(to, subject) > 0);
      const wanting = preferred.get(to) ?? 0;
      // p ≤ flows to the school and p ≤ members who asked for it: the number of wishes granted.
      const prefRow = wanting > 0 && subjects.length > 0 && policy.weight_preference > 0 ? b.row(`pref:${group.index}:${to}`, -Infinity, 0) : undefined;
      for (const subject of subjects) {
        add(
          { type: 'flow', group, to, subject, km: candidate.km },
          `x${group.index}_${to}_${subject}`,
          travelCost(candidate.km),
          group.teachers.length,
          true,
          [
            [groupRow, 1],
            ...(prefRow !== undefined ? ([[prefRow, -1]] as [number, number][]) : []),
            ...moveEntries(group.school, to, group.subject, subject, group.backbone, group.aboveDegree),
          ],
        );
      }
      if (prefRow !== undefined) add({ type: 'preference' }, `p${group.index}_${to}`, -policy.weight_preference, wanting, false, [[prefRow, 1]]);
    }
  }

  addHeadExchange(context, heads, reachable, inScope, policy.weight_preference, b, add, moveEntries, travelCost, capacity);

  for (const [name, row] of shortageRows) {
    const [, code, subject] = name.split(':') as [string, string, Subject];
    add({ type: 'shortage' }, `s_${code}_${subject}`, shortageWeight(context.schoolsByCode.get(code)!, subject, policy), Infinity, false, [[row, 1]]);
  }
  for (const [name, { row, unitCost }] of deviationRows) {
    add({ type: 'deviation' }, `dp_${name}`, unitCost, Infinity, false, [[row, -1]]);
    add({ type: 'deviation' }, `dm_${name}`, unitCost, Infinity, false, [[row, 1]]);
  }
  add({ type: 'rate_slack' }, 'slack_rate', RATE_PENALTY, Infinity, false, [[moversMin, 1]]);
  add({ type: 'backbone_slack' }, 'slack_backbone', BACKBONE_PENALTY, Infinity, false, [[backboneRow, 1]]);

  return { model: b.build(), columns, groups, heads, dueHeads, eligible, moverBounds };
}

/** Weight of one FTE of shortage: more in rural and remote schools and in the scarce subjects. */
export function shortageWeight(school: School, subject: Subject, policy: CountyContext['snapshot']['policy']): number {
  const area = school.area === 'rural' ? policy.weight_rural : school.area === 'town' ? policy.weight_rural / 2 : 0;
  const remote = school.remote ? policy.weight_remote : 0;
  const scarce = SCARCE_SUBJECTS.has(subject) ? policy.weight_scarce_subject : 0;
  return policy.weight_shortage * (1 + area + remote) * (1 + scarce);
}

function preferenceCounts(teachers: readonly Teacher[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const teacher of teachers) for (const code of new Set(teacher.preferences)) counts.set(code, (counts.get(code) ?? 0) + 1);
  return counts;
}

/** For each school, the others within the distance limit, nearest first (ties by code). */
function reachableSchools(schools: readonly School[], maxKm: number): Map<string, Candidate[]> {
  const result = new Map<string, Candidate[]>();
  const limit = maxKm * (1 - PLANNING_DISTANCE_MARGIN);
  for (const from of schools) {
    const list: Candidate[] = [];
    for (const to of schools) {
      if (to.code === from.code) continue;
      const km = distanceKm(from, to);
      if (km === undefined || km <= limit) list.push({ school: to, km });
    }
    list.sort((a, b) => (a.km ?? UNKNOWN_DISTANCE_KM) - (b.km ?? UNKNOWN_DISTANCE_KM) || (a.school.code < b.school.code ? -1 : 1));
    result.set(from.code, list);
  }
  return result;
}

/**
 * Destinations worth a column for a group: the nearest schools that can take its subjects, the nearest
 * with a real shortage in them, the nearest below the county mean on an indicator the group carries, and
 * every school a member asked for. Far, useless destinations never enter the model.
 */
class CandidateChooser {
  private readonly k: number;

  constructor(
    private readonly context: CountyContext,
    private readonly reachable: Map<string, Candidate[]>,
    private readonly balance: BalanceTargets,
    private readonly capacity: (code: string, subject: Subject) => number,
    private readonly present: (code: string, subject: Subject) => number,
    private readonly need: (code: string, subject: Subject) => number,
    private readonly inScope: ReadonlySet<string>,
  ) {
    this.k = context.snapshot.policy.candidate_schools;
  }

  forGroup(group: TeacherGroup, preferred: ReadonlyMap<string, number>): Candidate[] {
    const all = this.reachable.get(group.school) ?? [];
    const chosen = new Map<string, Candidate>();
    const take = (test: (c: Candidate) => boolean, limit: number) => {
      let taken = 0;
      for (const candidate of all) {
        if (taken >= limit) break;
        if (!test(candidate)) continue;
        chosen.set(candidate.school.code, candidate);
        taken += 1;
      }
    };
    const accepts = (c: Candidate) => group.subjects.some((s) => this.capacity(c.school.code, s) > 0);
    take(accepts, this.k);
    take((c) => group.subjects.some((s) => ceilFte(this.need(c.school.code, s)) > this.present(c.school.code, s)), this.k);
    const carries: IndicatorName[] = [
      ...(group.backbone ? (['backbone'] as const) : []),
      ...(group.aboveDegree ? (['degree_above'] as const) : []),
      ...(group.subjects.some((s) => PE_ARTS_SUBJECTS.has(s)) ? (['pe_arts'] as const) : []),
    ];
    if (carries.length > 0) take((c) => accepts(c) && this.belowMean(c.school.code, carries), Math.ceil(this.k / 2));
    for (const code of preferred.keys()) {
      const candidate = all.find((c) => c.school.code === code);
      if (candidate && this.inScope.has(code)) chosen.set(code, candidate);
    }
    return [...chosen.values()].sort((a, b) => (a.school.code < b.school.code ? -1 : 1));
  }

  private belowMean(code: string, indicators: readonly IndicatorName[]): boolean {
    const targets = this.balance.get(code);
    if (!targets) return false;
    return indicators.some((indicator) =>
      STAGES.some((stage) => {
        const t = targets.get(`${stage}:${indicator}`);
        return t !== undefined && t.present < t.target;
      }),
    );
  }
}

type AddColumn = (meta: ColumnMeta, name: string, cost: number, upper: number, integer: boolean, entries: [number, number][]) => void;
type MoveEntries = (from: string, to: string, main: Subject, taught: Subject, backbone: boolean, above: boolean) => [number, number][];

/**
 * Heads move only by exchanging headships: every school keeps as many principals and vice principals as
 * it had. A head due to rotate must move (or the plan says why not); other eligible heads may join an
 * exchange to make it possible.
 */
function addHeadExchange(
  context: CountyContext,
  heads: readonly Teacher[],
  reachable: Map<string, Candidate[]>,
  inScope: ReadonlySet<string>,
  weightPreference: number,
  b: LinearModelBuilder,
  add: AddColumn,
  moveEntries: MoveEntries,
  travelCost: (km: number | undefined) => number,
  capacity: (code: string, subject: Subject) => number,
): void {
  const schoolsWithHead = new Map<string, Set<string>>();
  for (const head of heads) {
    let set = schoolsWithHead.get(head.role);
    if (!set) schoolsWithHead.set(head.role, (set = new Set()));
    set.add(head.schoolCode);
  }
  const limit = 2 * context.snapshot.policy.candidate_schools;
  for (const head of heads) {
    const due = context.eligibility.get(head.id)!.headDueToRotate;
    const headRow = b.row(`head:${head.id}`, due ? 1 : -Infinity, 1);
    const partners = schoolsWithHead.get(head.role)!;
    const options = (reachable.get(head.schoolCode) ?? []).filter((c) => partners.has(c.school.code) && inScope.has(c.school.code));
    const chosen = [
      ...options.slice(0, limit),
      ...options.slice(limit).filter((c) => head.preferences.includes(c.school.code)),
    ];
    for (const candidate of chosen) {
      const to = candidate.school.code;
      const subject = [head.subject, ...head.extraSubjects].find((s) => capacity(to, s) > 0);
      if (!subject) continue;
      const preferenceBonus = head.preferences.includes(to) ? weightPreference : 0;
      add(
        { type: 'head', teacher: head, to, subject, km: candidate.km },
        `h_${head.id}_${to}`,
        travelCost(candidate.km) + (due ? 0 : OPTIONAL_HEAD_COST) - preferenceBonus,
        1,
        true,
        [
          [headRow, 1],
          [b.row(`heads:${head.schoolCode}:${head.role}`, 0, 0), -1],
          [b.row(`heads:${to}:${head.role}`, 0, 0), 1],
          ...moveEntries(head.schoolCode, to, head.subject, subject, head.backbone !== 'none', head.degree === 'above'),
        ],
      );
    }
    if (due) add({ type: 'head_slack', teacher: head }, `u_${head.id}`, HEAD_PENALTY, 1, false, [[headRow, 1]]);
  }
}
