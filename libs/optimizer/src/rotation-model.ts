import {
  PE_ARTS_SUBJECTS,
  PLANNING_DISTANCE_MARGIN,
  SCARCE_SUBJECTS,
  STAGES,
  SUBJECTS,
  ceilFte,
  countyMoverBounds,
  distanceKm,
  indicatorCounts,
  schoolSendCap,
  staffingCap,
  type CountyContext,
  type IndicatorName,
  type School,
  type Subject,
  type Teacher,
} from '@tr/domain';
import { stepDown, stepUp, type BalanceKey, type BalanceTargets } from './balance-targets';
import type { LazySteps, PricingPlan } from './column-generation';
import { ColumnEntries, LinearModelBuilder, type LinearModel } from './linear-model';
import { keepOneTeacher, type HeldBesideHeads } from './keep-one-teacher';
import { eligibleHeads, groupEligibleTeachers, type TeacherGroup } from './teacher-groups';

/** Penalties on relaxed rules dwarf every objective term, so a rule gives way only when it must. */
export const RATE_PENALTY = 10_000_000;
export const BACKBONE_PENALTY = 10_000_000;
export const HEAD_PENALTY = 1_000_000;
/** Cost of any move, so that nobody moves for nothing. */
const MOVE_COST = 0.1;
/** Extra cost of moving a head who is not due to rotate: they join an exchange only to complete one. */
const OPTIONAL_HEAD_COST = 0.5;
/** Distance assumed where a school has no coordinates. */
const UNKNOWN_DISTANCE_KM = 20;
/** One-teacher steps priced per school and indicator; beyond them the last step's price holds. */
const BALANCE_STEPS = 6;
const CV_GROWTH_PENALTY = 1000;
const CV_TARGET_CUT = 0.05;

export type ColumnMeta =
  | { type: 'flow'; group: TeacherGroup; to: string; subject: Subject; km?: number }
  | { type: 'head'; teacher: Teacher; to: string; subject: Subject; km?: number }
  | {
      type: 'shortage' | 'balance' | 'total' | 'head_slack' | 'rate_slack' | 'backbone_slack';
      teacher?: Teacher;
    };

export interface RotationModel {
  model: LinearModel;
  columns: ColumnMeta[];
  groups: TeacherGroup[];
  heads: Teacher[];
  /** Heads due to rotate under `head_max_terms`. */
  dueHeads: Teacher[];
  eligible: number;
  moverBounds: { min: number; max: number };
  pricing: PricingPlan;
  /** Slacks of the hard rules (the county rate's minimum, the backbone share, due heads' rotation). */
  hardSlacks: number[];
  /** Places where a teacher is held back beside heads who teach the subject too. */
  keptBesideHeads: HeldBesideHeads[];
}

interface Candidate {
  school: School;
  km?: number;
}

export function buildRotationModel(
  context: CountyContext,
  schoolCodes: readonly string[],
  balance: BalanceTargets,
  /** Places where heads and teachers keep one of them by a shared row (keep-one-teacher.ts). */
  sharedKeepOne: ReadonlySet<string> = new Set(),
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
  const penalties: number[] = [];
  const hardSlacks: number[] = [];
  const add: AddColumn = (meta, name, cost, lower, upper, integer, entries) => {
    if (meta.type === 'head_slack' || meta.type === 'rate_slack' || meta.type === 'backbone_slack') {
      penalties.push(columns.length);
      hardSlacks.push(columns.length);
    }
    b.column(name, cost, lower, upper, integer, entries);
    columns.push(meta);
  };

  const present = (code: string, subject: Subject) => context.supplyBySchool.get(code)?.[subject] ?? 0;
  const need = (code: string, subject: Subject) => context.needBySchool.get(code)?.[subject] ?? 0;
  const capacity = (code: string, subject: Subject) =>
    staffingCap(need(code, subject), present(code, subject));

  // Move columns touch only per-school rows; school totals are columns of their own, so no row is dense.
  //   out:s     Σ moves from s − Out_s = 0            (Out_s ≤ the school's send cap)
  //   bout:s    Σ backbone moves from s − BOut_s = 0
  //   net:s:j   Σ arriving to teach j − Σ leaving with main subject j = the net change, which is
  //             shortfall − shortage left + staff beyond the shortfall (see below)
  //   ind:s:k   Σ arriving − Σ leaving carrying indicator k (backbone, above degree) = the change in the
  //             count, split into balance steps (on this row, or through I_sk where it enters two stages)
  // Row indices per school, remembered in slots (out, bout, a net row per subject, an ind row per
  // indicator) so that a hundred thousand columns build no row names or keys.
  const schoolIndex = new Map(codes.map((code, i) => [code, i]));
  const subjectSlot = new Map(SUBJECTS.map((subject, i) => [subject, 2 + i]));
  const slotsPerSchool = 4 + SUBJECTS.length;
  const rowSlots = new Int32Array(codes.length * slotsPerSchool).fill(-1);
  const backboneSlot = slotsPerSchool - 2;
  const degreeSlot = slotsPerSchool - 1;
  const slotName = (code: string, slot: number) =>
    slot === 0
      ? `out:${code}`
      : slot === 1
        ? `bout:${code}`
        : slot === backboneSlot
          ? `ind:${code}:backbone`
          : slot === degreeSlot
            ? `ind:${code}:degree_above`
            : `net:${code}:${SUBJECTS[slot - 2]}`;
  // Called a few times per move column (a hundred thousand on a city): no closure per call.
  const cachedRow = (code: string, slot: number) => {
    const at = schoolIndex.get(code)! * slotsPerSchool + slot;
    let row = rowSlots[at];
    if (row < 0) rowSlots[at] = row = b.row(slotName(code, slot), 0, 0);
    return row;
  };
  const netRow = (code: string, subject: Subject) => cachedRow(code, subjectSlot.get(subject)!);
  const moveEntries: MoveEntries = (entries, from, to, main, taught, backbone, above) => {
    entries.add(cachedRow(from, 0), 1).add(netRow(from, main), -1).add(netRow(to, taught), 1);
    if (backbone)
      entries
        .add(cachedRow(from, 1), 1)
        .add(cachedRow(from, backboneSlot), -1)
        .add(cachedRow(to, backboneSlot), 1);
    if (above) entries.add(cachedRow(from, degreeSlot), -1).add(cachedRow(to, degreeSlot), 1);
    return entries;
  };
  const entries = new ColumnEntries();
  const travelCost = (km: number | undefined) =>
    MOVE_COST + policy.weight_distance_km * (km ?? UNKNOWN_DISTANCE_KM);

  const reachable = reachableSchools(schools, policy.max_distance_km);
  const chooser = new CandidateChooser(context, reachable, balance, capacity, present, need, inScope);

  // The LP starts from each group's nearest destination and its nearest one short of a subject the group
  // teaches; the other destinations are priced in when the duals ask for them (column-generation.ts).
  const keepOne = keepOneTeacher(
    groups,
    heads,
    need,
    present,
    (head) => context.eligibility.get(head.id)!.headDueToRotate,
    sharedKeepOne,
  );
  // Where heads and teachers of a school's needed subject could all leave, one row keeps one of them.
  const sharedRowOfGroup = new Map<number, number>();
  const sharedRowOfHead = new Map<string, number>();
  for (const place of keepOne.shared) {
    const row = b.row(`keep_one:${place.key}`, -Infinity, place.limit);
    for (const g of place.groups) sharedRowOfGroup.set(g, row);
    for (const id of place.heads) sharedRowOfHead.set(id, row);
  }
  const familyOf: number[] = [];
  const seed: number[] = [];
  const capacityRow = new Int32Array(groups.length);
  for (const group of groups) {
    const limit = keepOne.groupLimit.get(group.index) ?? group.teachers.length;
    const groupRow = b.row(`group:${group.index}`, -Infinity, limit);
    capacityRow[group.index] = groupRow;
    // The one member held back as its school's last teacher of a needed subject: no destination.
    if (limit === 0) continue;
    const preferred = preferenceCounts(group.teachers);
    const keptTogether = sharedRowOfGroup.get(group.index);
    const destinations: { km: number; code: string; short: boolean; first: number; end: number }[] = [];
    // One column per destination and subject taught (a hundred thousand on a city), so built without a
    // closure per destination.
    const flow = (
      to: string,
      km: number | undefined,
      subject: Subject,
      suffix: string,
      bonus: number,
      upper: number,
      wish?: number,
    ) => {
      moveEntries(
        entries.clear(),
        group.school,
        to,
        group.subject,
        subject,
        group.backbone,
        group.aboveDegree,
      ).add(groupRow, 1);
      if (wish !== undefined) entries.add(wish, 1);
      if (keptTogether !== undefined) entries.add(keptTogether, 1);
      add(
        { type: 'flow', group, to, subject, km },
        `x${group.index}_${to}_${subject}${suffix}`,
        travelCost(km) - bonus,
        0,
        upper,
        true,
        entries,
      );
    };
    for (const candidate of chooser.forGroup(group, preferred)) {
      const to = candidate.school.code;
      const subjects = group.subjects.filter((subject) => chooser.accepts(to, subject));
      const first = columns.length;
      const short = subjects.some((subject) => chooser.isShort(to, subject));
      const wanting = preferred.get(to) ?? 0;
      const granting = wanting > 0 && subjects.length > 0 && policy.weight_preference > 0;
      // Wishes granted = min(flows to the school, members who asked for it). Where every member asked,
      // that is the flow itself, so the bonus goes on the flow. Otherwise the flow is split into members
      // who asked (bonus, at most `wanting` of them) and the rest.
      const everyoneAsked = granting && wanting >= group.teachers.length;
      const wishRow =
        granting && !everyoneAsked && subjects.length > 1
          ? b.row(`wish:${group.index}:${to}`, -Infinity, wanting)
          : undefined;
      const { km } = candidate;
      for (const subject of subjects) {
        flow(to, km, subject, '', everyoneAsked ? policy.weight_preference : 0, group.teachers.length);
        if (granting && !everyoneAsked)
          flow(to, km, subject, '_wish', policy.weight_preference, wanting, wishRow);
      }
      for (let c = first; c < columns.length; c++) familyOf[c] = group.index;
      destinations.push({
        km: candidate.km ?? UNKNOWN_DISTANCE_KM,
        code: to,
        short,
        first,
        end: columns.length,
      });
    }
    destinations.sort((x, y) => x.km - y.km || (x.code < y.code ? -1 : 1));
    for (const picked of new Set([destinations[0], destinations.find((d) => d.short)])) {
      if (picked) for (let c = picked.first; c < picked.end; c++) seed.push(c);
    }
  }

  // The backbone share is a rule on everyone who rotates. It also holds among the teachers without the
  // heads (a county may read the rule so, the heads' exchange being a rule of its own): Σ backbone
  // movers − share × Σ movers, less the heads' part of both, ≥ 0. Heads' columns carry their part.
  const teachersBackboneRow = heads.length > 0 ? b.row('backbone_share_teachers', 0, Infinity) : undefined;
  const headExtraEntries = (head: Teacher): [number, number][] => {
    const share: [number, number][] =
      teachersBackboneRow === undefined
        ? []
        : [[teachersBackboneRow, policy.min_backbone_share - (head.backbone !== 'none' ? 1 : 0)]];
    const keptTogether = sharedRowOfHead.get(head.id);
    return keptTogether === undefined ? share : [...share, [keptTogether, 1]];
  };
  addHeadExchange(
    context,
    heads,
    keepOne.heldHeads,
    reachable,
    inScope,
    policy.weight_preference,
    b,
    add,
    moveEntries,
    travelCost,
    capacity,
    headExtraEntries,
  );

  // County rules on the school totals.
  const moversMin = b.row('movers_min', moverBounds.min, Infinity);
  const moversMax = b.row('movers_max', -Infinity, moverBounds.max);
  const backboneRow = b.row('backbone_share', 0, Infinity);
  const shareRows = (value: number): [number, number][] =>
    teachersBackboneRow === undefined
      ? [[backboneRow, value]]
      : [
          [backboneRow, value],
          [teachersBackboneRow, value],
        ];
  for (const code of codes) {
    const out = b.findRow(`out:${code}`);
    if (out === undefined) continue;
    const cap = schoolSendCap(context.eligibleBySchool.get(code) ?? 0, policy.max_rotation_rate);
    add({ type: 'total' }, `out_${code}`, 0, 0, cap, false, [
      [out, -1],
      [moversMin, 1],
      [moversMax, 1],
      ...shareRows(-policy.min_backbone_share),
    ]);
    const bout = b.findRow(`bout:${code}`);
    if (bout !== undefined)
      add({ type: 'total' }, `bout_${code}`, 0, 0, Infinity, false, [[bout, -1], ...shareRows(1)]);
  }

  // Balance: per school, stage and indicator, the change in count is split into one-teacher steps
  // priced by their exact change in CV², which may not grow in any stage and indicator.
  // A stage's CV² may grow only where a hard rule needs it (a county with one backbone teacher must
  // still send backbone teachers): growth costs a thousand times what improvement earns, more than any
  // shortage it could fill.
  const notWorse = new Map<BalanceKey, number>();
  // Where a school's count enters one balance key only, its steps share the count's own row.
  const sharedStepRow = new Map<string, number>();
  const balanceRow = (code: string, key: BalanceKey) => {
    ensureCvRow(key);
    return b.row(`bal:${code}:${key}`, 0, 0);
  };
  const ensureCvRow = (key: BalanceKey) => {
    if (!notWorse.has(key) && CV_GROWTH_PENALTY > 0) {
      // Aim below today's CV² by a margin: the model prices CV² around today's mean, and the mean itself
      // moves a little when teachers change stage or subject.
      const today = codes.reduce((sum, c) => {
        const t = balance.get(c)?.get(key);
        return t ? sum + t.curvature * (t.present - t.target) ** 2 : sum;
      }, 0);
      const row = b.row(`cv_growth:${key}`, -Infinity, -CV_TARGET_CUT * today);
      notWorse.set(key, row);
      penalties.push(columns.length);
      add(
        { type: 'balance' },
        `cv_growth_${key}`,
        CV_GROWTH_PENALTY * policy.weight_balance,
        0,
        Infinity,
        false,
        [[row, -1]],
      );
    }
  };
  const balanceKeys = (code: string, indicator: IndicatorName): BalanceKey[] => {
    const targets = balance.get(code);
    return STAGES.map((stage): BalanceKey => `${stage}:${indicator}`).filter((key) => targets?.has(key));
  };
  const balanceEntries = (code: string, indicator: IndicatorName): [number, number][] =>
    balanceKeys(code, indicator).map((key) => [balanceRow(code, key), 1]);

  // Net change of a school × subject: never below its last needed teacher, never above its cap; the
  // shortage left is counted against ⌈need⌉ − present in whole teachers (a subject needing 0.3 FTE still
  // needs someone to teach it) so the LP relaxation can't spread fractions over many schools.
  // Constant parts of the net changes that enter balance rows: they move to the rows' right-hand sides.
  const balanceOffset = new Map<number, number>();
  const lazySteps: LazySteps[] = [];
  for (const code of codes) {
    const school = context.schoolsByCode.get(code)!;
    for (const subject of SUBJECTS) {
      const net = b.findRow(`net:${code}:${subject}`);
      if (net === undefined) continue;
      const before = present(code, subject);
      const lower = need(code, subject) > 0 && before >= 1 ? 1 - before : -before;
      const upper = capacity(code, subject) - before;
      const counted = PE_ARTS_SUBJECTS.has(subject) ? balanceEntries(code, 'pe_arts') : [];
      if (need(code, subject) > 0) {
        // The net change N = shortfall − s + e: s the shortage left (priced), e the staff added beyond
        // the shortfall. Written straight into the net row, so no row of its own is needed.
        const shortfall = ceilFte(need(code, subject)) - before;
        b.setRowBounds(net, shortfall, shortfall);
        const scaled = (sign: number) => counted.map(([row, v]): [number, number] => [row, sign * v]);
        for (const [row, v] of counted) balanceOffset.set(row, (balanceOffset.get(row) ?? 0) + v * shortfall);
        // A school keeping its only teacher of a subject needing one FTE or less can't be short of it.
        if (shortfall > lower)
          add(
            { type: 'shortage' },
            `s_${code}_${subject}`,
            shortageWeight(school, subject, policy),
            0,
            shortfall - lower,
            false,
            [[net, 1], ...scaled(-1)],
          );
        if (upper > shortfall)
          add({ type: 'total' }, `e_${code}_${subject}`, 0, 0, upper - shortfall, false, [
            [net, -1],
            ...scaled(1),
          ]);
      } else if (counted.length > 0) {
        add({ type: 'total' }, `n_${code}_${subject}`, 0, lower, upper, false, [[net, -1], ...counted]);
      } else {
        b.setRowBounds(net, lower, upper);
      }
    }
    const held = indicatorCounts(context.teachersBySchool.get(code) ?? []);
    for (const indicator of ['backbone', 'degree_above'] as const) {
      const row = b.findRow(`ind:${code}:${indicator}`);
      // A school can't lose more of them than it has.
      if (row === undefined) continue;
      const keys = balanceKeys(code, indicator);
      if (keys.length === 0) {
        b.setRowBounds(row, -held[indicator], Infinity);
      } else if (keys.length === 1) {
        // The steps' own capacity (down to zero) keeps the count from going below zero.
        ensureCvRow(keys[0]);
        sharedStepRow.set(`${code}|${keys[0]}`, row);
      } else {
        add({ type: 'total' }, `i_${code}_${indicator}`, 0, -held[indicator], Infinity, false, [
          [row, -1],
          ...balanceEntries(code, indicator),
        ]);
      }
    }
    for (const [key, target] of balance.get(code) ?? []) {
      const row = sharedStepRow.get(`${code}|${key}`) ?? b.findRow(`bal:${code}:${key}`);
      if (row === undefined) continue;
      const cvRow = notWorse.get(key);
      const chains = { up: { steps: [] as number[] }, dn: { steps: [] as number[] } };
      const step = (direction: 'up' | 'dn', k: number, slope: number, room: number) => {
        const sign = direction === 'up' ? -1 : 1;
        chains[direction].steps.push(columns.length);
        add(
          { type: 'balance' },
          `${direction}${k}_${code}_${key}`,
          policy.weight_balance * slope,
          0,
          room,
          false,
          cvEntries(row, sign, cvRow, slope),
        );
      };
      for (let k = 0; k < BALANCE_STEPS; k++) {
        const last = k === BALANCE_STEPS - 1;
        step('up', k, stepUp(target, target.present + k), last ? Infinity : 1);
        if (target.present - k <= 0) continue;
        step('dn', k, stepDown(target, target.present - k), last ? target.present - k : 1);
      }
      for (const chain of [chains.up, chains.dn]) if (chain.steps.length > 1) lazySteps.push(chain);
    }
  }

  for (const [row, offset] of balanceOffset) b.setRowBounds(row, -offset, -offset);

  add({ type: 'rate_slack' }, 'slack_rate', RATE_PENALTY, 0, Infinity, false, [[moversMin, 1]]);
  add({ type: 'backbone_slack' }, 'slack_backbone', BACKBONE_PENALTY, 0, Infinity, false, shareRows(1));

  const family = new Int32Array(columns.length).fill(-1);
  familyOf.forEach((f, c) => (family[c] = f));
  for (let c = 0; c < columns.length; c++) if (family[c] < 0) seed.push(c);
  seed.sort((x, y) => x - y);
  return {
    model: b.build(),
    columns,
    groups,
    heads,
    dueHeads,
    eligible,
    moverBounds,
    pricing: { seed, family, capacityRow, lazySteps, penalties },
    hardSlacks,
    keptBesideHeads: keepOne.besideHeads,
  };
}

/** Weight of one FTE of shortage: more in rural and remote schools and in the scarce subjects. */
export function shortageWeight(
  school: School,
  subject: Subject,
  policy: CountyContext['snapshot']['policy'],
): number {
  const area =
    school.area === 'rural' ? policy.weight_rural : school.area === 'town' ? policy.weight_rural / 2 : 0;
  const remote = school.remote ? policy.weight_remote : 0;
  const scarce = SCARCE_SUBJECTS.has(subject) ? policy.weight_scarce_subject : 0;
  return policy.weight_shortage * (1 + area + remote) * (1 + scarce);
}

function cvEntries(row: number, sign: number, cvRow: number | undefined, step: number): [number, number][] {
  return cvRow === undefined
    ? [[row, sign]]
    : [
        [row, sign],
        [cvRow, step],
      ];
}

function preferenceCounts(teachers: readonly Teacher[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const teacher of teachers)
    for (const code of new Set(teacher.preferences)) counts.set(code, (counts.get(code) ?? 0) + 1);
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
    list.sort(
      (a, b) =>
        (a.km ?? UNKNOWN_DISTANCE_KM) - (b.km ?? UNKNOWN_DISTANCE_KM) ||
        (a.school.code < b.school.code ? -1 : 1),
    );
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
  /** Per school, the subjects it can take a teacher of, and those it is really short of. */
  private readonly accepting = new Map<string, Set<Subject>>();
  private readonly shortOf = new Map<string, Set<Subject>>();
  /** Groups of one school with the same subjects and indicators share their destinations but for wishes. */
  private readonly memo = new Map<string, Candidate[]>();
  private readonly reachableIndex = new Map<string, Map<string, Candidate>>();

  constructor(
    private readonly context: CountyContext,
    private readonly reachable: Map<string, Candidate[]>,
    private readonly balance: BalanceTargets,
    capacity: (code: string, subject: Subject) => number,
    present: (code: string, subject: Subject) => number,
    need: (code: string, subject: Subject) => number,
    private readonly inScope: ReadonlySet<string>,
  ) {
    this.k = context.snapshot.policy.candidate_schools;
    for (const code of inScope) {
      this.accepting.set(code, new Set(SUBJECTS.filter((s) => capacity(code, s) > 0)));
      this.shortOf.set(code, new Set(SUBJECTS.filter((s) => ceilFte(need(code, s)) > present(code, s))));
    }
  }

  /** The school can take a teacher of the subject without overstaffing it. */
  accepts(code: string, subject: Subject): boolean {
    return this.accepting.get(code)?.has(subject) ?? false;
  }

  /** The school is short of a whole teacher of the subject. */
  isShort(code: string, subject: Subject): boolean {
    return this.shortOf.get(code)?.has(subject) ?? false;
  }

  forGroup(group: TeacherGroup, preferred: ReadonlyMap<string, number>): readonly Candidate[] {
    const all = this.reachable.get(group.school) ?? [];
    const carries = carriedIndicators(group);
    const key = `${group.school}|${group.subjects.join(',')}|${carries.join(',')}`;
    let base = this.memo.get(key);
    if (!base) this.memo.set(key, (base = byCode(this.baseCandidates(all, group.subjects, carries))));
    const wished: Candidate[] = [];
    for (const code of preferred.keys()) {
      if (!this.inScope.has(code)) continue;
      const candidate = this.reachableByCode(group.school).get(code);
      if (candidate && !base.some((c) => c.school.code === code)) wished.push(candidate);
    }
    return wished.length === 0 ? base : byCode([...base, ...wished]);
  }

  /** The schools within reach of one, by code. */
  private reachableByCode(from: string): Map<string, Candidate> {
    let index = this.reachableIndex.get(from);
    if (!index) {
      index = new Map((this.reachable.get(from) ?? []).map((c) => [c.school.code, c]));
      this.reachableIndex.set(from, index);
    }
    return index;
  }

  private baseCandidates(
    all: readonly Candidate[],
    subjects: readonly Subject[],
    carries: readonly IndicatorName[],
  ): Candidate[] {
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
    const hasAny = (sets: Map<string, Set<Subject>>, code: string) => {
      const set = sets.get(code);
      return set !== undefined && subjects.some((s) => set.has(s));
    };
    const accepts = (c: Candidate) => hasAny(this.accepting, c.school.code);
    take(accepts, this.k);
    take((c) => hasAny(this.shortOf, c.school.code), this.k);
    if (carries.length > 0)
      take((c) => accepts(c) && this.belowMean(c.school.code, carries), Math.ceil(this.k / 2));
    return [...chosen.values()];
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

/** Candidates in school-code order. */
function byCode(candidates: Candidate[]): Candidate[] {
  return candidates.sort((a, b) => (a.school.code < b.school.code ? -1 : 1));
}

function carriedIndicators(group: TeacherGroup): IndicatorName[] {
  return [
    ...(group.backbone ? (['backbone'] as const) : []),
    ...(group.aboveDegree ? (['degree_above'] as const) : []),
    ...(group.subjects.some((s) => PE_ARTS_SUBJECTS.has(s)) ? (['pe_arts'] as const) : []),
  ];
}

/** Adds a model column and remembers what it stands for. */
type AddColumn = (meta: ColumnMeta, ...column: Parameters<LinearModelBuilder['column']>) => void;
type MoveEntries = (
  entries: ColumnEntries,
  from: string,
  to: string,
  main: Subject,
  taught: Subject,
  backbone: boolean,
  above: boolean,
) => ColumnEntries;

/**
 * Heads move only by exchanging headships: every school keeps as many principals and vice principals as
 * it had. A head due to rotate must move (or the plan says why not); other eligible heads may join an
 * exchange to make it possible.
 */
function addHeadExchange(
  context: CountyContext,
  heads: readonly Teacher[],
  /** Heads who stay as their school's last teachers of a subject it needs: no destination. */
  held: ReadonlySet<string>,
  reachable: Map<string, Candidate[]>,
  inScope: ReadonlySet<string>,
  weightPreference: number,
  b: LinearModelBuilder,
  add: AddColumn,
  moveEntries: MoveEntries,
  travelCost: (km: number | undefined) => number,
  capacity: (code: string, subject: Subject) => number,
  /** Entries of a head's columns beyond its own rows: the teachers-only backbone share, and a shared keep-one row. */
  headEntries: (head: Teacher) => [number, number][],
): void {
  const schoolsWithHead = new Map<string, Set<string>>();
  for (const head of heads) {
    let set = schoolsWithHead.get(head.role);
    if (!set) schoolsWithHead.set(head.role, (set = new Set()));
    set.add(head.schoolCode);
  }
  const limit = 2 * context.snapshot.policy.candidate_schools;
  const entries = new ColumnEntries();
  for (const head of heads) {
    const due = context.eligibility.get(head.id)!.headDueToRotate;
    const headRow = b.row(`head:${head.id}`, due ? 1 : -Infinity, 1);
    const partners = schoolsWithHead.get(head.role)!;
    const options = (reachable.get(head.schoolCode) ?? []).filter(
      (c) => partners.has(c.school.code) && inScope.has(c.school.code),
    );
    const chosen = held.has(head.id)
      ? []
      : [
          ...options.slice(0, limit),
          ...options.slice(limit).filter((c) => head.preferences.includes(c.school.code)),
        ];
    for (const candidate of chosen) {
      const to = candidate.school.code;
      const subject = [head.subject, ...head.extraSubjects].find((s) => capacity(to, s) > 0);
      if (!subject) continue;
      const preferenceBonus = head.preferences.includes(to) ? weightPreference : 0;
      moveEntries(
        entries
          .clear()
          .add(headRow, 1)
          .add(b.row(`heads:${head.schoolCode}:${head.role}`, 0, 0), -1)
          .add(b.row(`heads:${to}:${head.role}`, 0, 0), 1),
        head.schoolCode,
        to,
        head.subject,
        subject,
        head.backbone !== 'none',
        head.degree === 'above',
      );
      for (const [row, value] of headEntries(head)) entries.add(row, value);
      add(
        { type: 'head', teacher: head, to, subject, km: candidate.km },
        `h_${head.id}_${to}`,
        travelCost(candidate.km) + (due ? 0 : OPTIONAL_HEAD_COST) - preferenceBonus,
        0,
        1,
        true,
        entries,
      );
    }
    if (due)
      add({ type: 'head_slack', teacher: head }, `u_${head.id}`, HEAD_PENALTY, 0, 1, false, [[headRow, 1]]);
  }
}
