import { bilingual, distanceKm, type Plan, type PlanMove, type Snapshot } from '@tr/domain';
import { makeFlag, makeMove, makePlan, makeTeacher, teacherById } from './testing/snapshot-factory';
import { smallCounty, VALID_MOVES } from './testing/small-county';
import { validatePlan } from './validate-plan';
import type { ValidationReport } from './violation';

type MoveSpec = readonly [teacherId: string, toSchool: string, overrides?: Partial<PlanMove>];

/** The overrides that make a move an allocation (组织调剂): no term. */
const ALLOCATION: Partial<PlanMove> = { kind: 'allocation', term_years: undefined };

function movesOf(snapshot: Snapshot, specs: readonly MoveSpec[]): PlanMove[] {
  return specs.map(([id, to, overrides]) => makeMove(teacherById(snapshot, id), to, overrides));
}

function validate(
  snapshot: Snapshot,
  specs: readonly MoveSpec[],
  options: Parameters<typeof makePlan>[2] = {},
): ValidationReport {
  return validatePlan(snapshot, makePlan(snapshot, movesOf(snapshot, specs), options));
}

describe(validatePlan.name, () => {
  const county = smallCounty();

  it('accepts a plan that breaks no rule', () => {
    const report = validate(county, VALID_MOVES);
    expect(report).toEqual({ violations: [], relaxed: [], ok: true });
  });

  it('accepts a move to teach one of the extra subjects', () => {
    const snapshot = smallCounty({}, [
      makeTeacher('A-X1', 'A', { subject: 'math', extraSubjects: ['music'], backbone: 'county' }),
    ]);
    const report = validate(snapshot, [['A-X1', 'B', { subject: 'music' }], VALID_MOVES[1]]);
    expect(report).toEqual({ violations: [], relaxed: [], ok: true });
  });

  it('writes every message in Chinese and English with the numbers', () => {
    const report = validate(county, [['A-M2', 'B']]);
    const message = report.violations.find((v) => v.rule === 'min_rotation_rate')!.message;
    expect(bilingual(message)).toBe(
      '交流 1 人，符合条件 17 人，比例 5.88%，低于下限 10%（至少 2 人） / 1 movers of 17 eligible teachers (5.88%), below the minimum 10% (at least 2)',
    );
  });

  describe('rule 1: a move is well-formed', () => {
    it('refuses a teacher who is not in the snapshot', () => {
      const plan = makePlan(county, [
        ...movesOf(county, VALID_MOVES),
        { ...makeMove(teacherById(county, 'A-C2'), 'B'), teacher_id: 'NOBODY' },
      ]);
      expect(validatePlan(county, plan).violations).toEqual([
        expect.objectContaining({ rule: 'unknown_teacher', teacher_id: 'NOBODY' }),
      ]);
    });

    it('refuses a teacher listed twice', () => {
      const report = validate(county, [...VALID_MOVES, ['A-M1', 'C']]);
      expect(report.violations).toEqual([
        expect.objectContaining({ rule: 'duplicate_teacher', teacher_id: 'A-M1' }),
      ]);
    });

    it("refuses a from_school that is not the teacher's school", () => {
      const report = validate(county, [['A-M1', 'B', { from_school: 'C' }], VALID_MOVES[1]]);
      expect(report.violations).toEqual([
        expect.objectContaining({ rule: 'wrong_from_school', teacher_id: 'A-M1', school: 'C' }),
      ]);
    });

    it('refuses a destination that does not exist', () => {
      const report = validate(county, [['A-M1', 'NOWHERE'], VALID_MOVES[1]]);
      expect(report.violations).toContainEqual(
        expect.objectContaining({ rule: 'unknown_school', teacher_id: 'A-M1', school: 'NOWHERE' }),
      );
    });

    it("refuses a move to the teacher's own school", () => {
      const report = validate(county, [...VALID_MOVES, ['A-C2', 'A']]);
      expect(report.violations).toEqual([
        expect.objectContaining({ rule: 'same_school', teacher_id: 'A-C2', school: 'A' }),
      ]);
    });

    it('refuses a subject the teacher is not qualified for', () => {
      const report = validate(county, [
        ['A-M1', 'B'],
        ['A-C1', 'B', { subject: 'math' }],
      ]);
      expect(report.violations).toEqual([
        expect.objectContaining({
          rule: 'subject_not_qualified',
          teacher_id: 'A-C1',
          school: 'B',
          subject: 'math',
        }),
      ]);
    });

    it('refuses a kind other than rotation or allocation', () => {
      const report = validate(county, [
        VALID_MOVES[0],
        ['A-C1', 'B', { kind: 'transfer' as PlanMove['kind'] }],
      ]);
      expect(report.violations).toEqual([
        expect.objectContaining({ rule: 'invalid_kind', teacher_id: 'A-C1' }),
      ]);
    });

    it("refuses a rotation whose term is not the policy's", () => {
      const report = validate(county, [VALID_MOVES[0], ['A-C1', 'B', { term_years: 2 }]]);
      expect(report.violations).toEqual([
        expect.objectContaining({ rule: 'rotation_term', teacher_id: 'A-C1' }),
      ]);
      expect(report.violations[0].message.en).toContain('rotation term 2 years, the policy says 3');
    });

    it('refuses an allocation that carries a term', () => {
      const report = validate(county, [...VALID_MOVES, ['A-C2', 'B', { kind: 'allocation', term_years: 3 }]]);
      expect(report.violations).toEqual([
        expect.objectContaining({ rule: 'rotation_term', teacher_id: 'A-C2' }),
      ]);
      expect(report.violations[0].message.en).toBe(
        'teacher A-C2: an allocation with a term of 3 years; allocations have none',
      );
    });
  });

  describe('rule 2: only eligible teachers rotate', () => {
    // A-M1 turns 56 before 2026-09-01: within 5 years of the female retirement age.
    const snapshot = smallCounty();
    snapshot.teachers = snapshot.teachers.map((t) =>
      t.id === 'A-M1' ? { ...t, birthDate: '1970-03-01' } : t,
    );

    it('refuses a rotation of a teacher who does not meet the exchange conditions', () => {
      const report = validate(snapshot, VALID_MOVES);
      expect(report.violations).toEqual([
        expect.objectContaining({ rule: 'ineligible_mover', teacher_id: 'A-M1', school: 'A' }),
      ]);
      expect(report.violations[0].message.en).toContain('near_retirement');
    });

    it('allows an allocation of the same teacher', () => {
      // Without the backbone teacher among the rotations, the share is left out of this test.
      const lenient = { ...snapshot, policy: { ...snapshot.policy, min_backbone_share: 0 } };
      const report = validate(lenient, [['A-M1', 'B', ALLOCATION], VALID_MOVES[1], ['C-C1', 'B']]);
      expect(report).toEqual({ violations: [], relaxed: [], ok: true });
    });
  });

  describe('allocations (组织调剂) are not rotations', () => {
    it('leaves them out of the county rate', () => {
      // 15% of 17 eligible: at most 2 rotations; a third teacher allocated is no rotation.
      const capped = smallCounty({ max_rotation_rate: 0.15 });
      expect(validate(capped, [...VALID_MOVES, ['C-C1', 'B', ALLOCATION]]).ok).toBe(true);
      const report = validate(county, [VALID_MOVES[0], ['A-C1', 'B', ALLOCATION]]);
      expect(report.violations).toEqual([expect.objectContaining({ rule: 'min_rotation_rate' })]);
      expect(report.violations[0].message.en).toContain('1 movers of 17 eligible');
    });

    it('leaves them out of the backbone share and of a school’s send cap', () => {
      // A sends 3 on rotation (its cap) and allocates a fourth, its backbone teacher: no send cap is
      // passed, and the rotations have no backbone teacher among them.
      const report = validate(county, [
        ['A-C1', 'B'],
        ['A-C2', 'B'],
        ['A-Ma1', 'B'],
        ['A-M1', 'B', ALLOCATION],
      ]);
      expect(report.violations).toEqual([expect.objectContaining({ rule: 'min_backbone_share' })]);
      expect(report.violations[0].message.en).toContain('0 backbone teachers among 3 movers');
    });

    it('still counts them in the staffing rules', () => {
      // C-M1 is C's only music teacher; allocating them away leaves C without one.
      const report = validate(smallCounty({ min_backbone_share: 0 }), [
        ['A-C1', 'B'],
        ['C-C1', 'B'],
        ['C-M1', 'B', ALLOCATION],
      ]);
      expect(report.violations).toEqual([
        expect.objectContaining({ rule: 'last_subject_teacher', school: 'C', subject: 'music' }),
      ]);
    });
  });

  describe('rule 3: county rotation rate', () => {
    it('refuses fewer movers than the minimum rate', () => {
      const report = validate(county, [VALID_MOVES[0]]);
      expect(report.violations).toEqual([expect.objectContaining({ rule: 'min_rotation_rate' })]);
      expect(report.ok).toBe(false);
    });

    it('relaxes the minimum when the plan flags it', () => {
      const report = validate(county, [VALID_MOVES[0]], {
        flags: [makeFlag('min_rotation_rate', { shortfall: 1 })],
      });
      expect(report.violations).toEqual([]);
      expect(report.relaxed).toEqual([expect.objectContaining({ rule: 'min_rotation_rate' })]);
      expect(report.ok).toBe(true);
    });

    it('refuses more movers than the maximum rate, even when flagged', () => {
      // 15% of 17 eligible: at most 2 movers; A may send 2, C 2.
      const snapshot = smallCounty({ max_rotation_rate: 0.15 });
      const report = validate(snapshot, [...VALID_MOVES, ['C-C1', 'B']], {
        flags: [makeFlag('max_rotation_rate')],
      });
      expect(report.violations).toEqual([expect.objectContaining({ rule: 'max_rotation_rate' })]);
      expect(report.violations[0].message.en).toBe(
        '3 movers of 17 eligible teachers (17.65%), above the maximum 15% (at most 2)',
      );
    });
  });

  describe('rule 4: backbone share of movers', () => {
    const moves: MoveSpec[] = [['A-M2', 'B'], VALID_MOVES[1]];

    it('refuses too few backbone teachers among the movers', () => {
      const report = validate(county, moves);
      expect(report.violations).toEqual([expect.objectContaining({ rule: 'min_backbone_share' })]);
      expect(report.violations[0].message.en).toContain('0 backbone teachers among 2 movers');
    });

    it('counts exactly the minimum share as enough', () => {
      // 1 backbone teacher of 5 movers is exactly 20%; at a 30% rate 17 eligible allow 5 movers.
      const snapshot = smallCounty({ max_rotation_rate: 0.3 });
      const report = validate(snapshot, [...VALID_MOVES, ['A-C2', 'B'], ['C-Ma1', 'B'], ['C-C1', 'A']]);
      expect(report).toEqual({ violations: [], relaxed: [], ok: true });
    });

    it('relaxes the share when the plan flags it', () => {
      const report = validate(county, moves, { flags: [makeFlag('min_backbone_share')] });
      expect(report.ok).toBe(true);
      expect(report.relaxed).toEqual([expect.objectContaining({ rule: 'min_backbone_share' })]);
    });
  });

  describe('rule 5: per-school send cap', () => {
    it('refuses a school sending more than its share of eligible teachers', () => {
      // A has 9 eligible: it may send ⌈9 × 25%⌉ = 3.
      const report = validate(county, [...VALID_MOVES, ['A-C2', 'B'], ['A-Ma1', 'B']]);
      expect(report.violations).toEqual([expect.objectContaining({ rule: 'school_send_cap', school: 'A' })]);
      expect(report.violations[0].message.en).toBe(
        'school A sends 4 teachers, above its cap of 3 (9 eligible × 0.25)',
      );
    });
  });

  describe('rule 6: a needed subject keeps its last teacher', () => {
    it('refuses a plan that takes the only music teacher from a school that needs music', () => {
      const report = validate(county, [['C-M1', 'B'], VALID_MOVES[1]]);
      expect(report.violations).toEqual([
        expect.objectContaining({ rule: 'last_subject_teacher', school: 'C', subject: 'music' }),
      ]);
    });

    it('refuses it even when another teacher arrives to teach the subject', () => {
      // A-M2 would teach music at C, but C has still lost its own music teacher.
      const report = validate(county, [['C-M1', 'B'], ['A-M2', 'C'], VALID_MOVES[1]]);
      expect(report.violations).toEqual([
        expect.objectContaining({ rule: 'last_subject_teacher', school: 'C', subject: 'music' }),
      ]);
    });
  });

  describe('rule 7: no overstaffing', () => {
    it('refuses a school × subject above its need rounded up and its present staff', () => {
      // B needs 4 Chinese teachers and has 2: a third and fourth may come, not a fifth.
      const report = validate(county, [...VALID_MOVES, ['A-C2', 'B'], ['C-C1', 'B']]);
      expect(report.violations).toEqual([
        expect.objectContaining({ rule: 'overstaffing', school: 'B', subject: 'chinese' }),
      ]);
      expect(report.violations[0].message.en).toBe(
        'school B would have 5 chinese teachers, above its cap of 4 (need 4, present 2)',
      );
    });
  });

  describe('rule 8: distance', () => {
    const km = distanceKm(county.schools[0], county.schools[1])!;

    it('refuses a move longer than max_distance_km', () => {
      const report = validate(smallCounty({ max_distance_km: 5 }), VALID_MOVES);
      expect(report.violations).toEqual([
        expect.objectContaining({ rule: 'max_distance_km', teacher_id: 'A-M1', school: 'B' }),
        expect.objectContaining({ rule: 'max_distance_km', teacher_id: 'A-C1', school: 'B' }),
      ]);
    });

    it('holds the limit exactly, with no margin', () => {
      expect(validate(smallCounty({ max_distance_km: km }), VALID_MOVES).ok).toBe(true);
      expect(validate(smallCounty({ max_distance_km: km * (1 - 1e-12) }), VALID_MOVES).ok).toBe(false);
    });

    it('does not measure a school without coordinates', () => {
      const snapshot = smallCounty({ max_distance_km: 1 });
      snapshot.schools = snapshot.schools.map((s) =>
        s.code === 'B' ? { ...s, lat: undefined, lng: undefined } : s,
      );
      expect(validate(snapshot, VALID_MOVES).ok).toBe(true);
    });
  });

  describe('rule 9: principals and vice principals', () => {
    // A's principal has served two full terms and must rotate; B's may. Each can teach music.
    const heads = smallCounty({}, [
      makeTeacher('A-P', 'A', {
        role: 'principal',
        termsAsHead: 2,
        subject: 'math',
        extraSubjects: ['music'],
        backbone: 'county',
      }),
      makeTeacher('B-P', 'B', {
        role: 'principal',
        termsAsHead: 1,
        subject: 'math',
        atSchoolSince: '2015-09-01',
      }),
    ]);
    const swap: MoveSpec[] = [['A-P', 'B', { subject: 'math' }], ['B-P', 'A'], VALID_MOVES[0]];

    it('accepts two principals exchanging schools', () => {
      expect(validate(heads, swap)).toEqual({ violations: [], relaxed: [], ok: true });
    });

    it('refuses a plan that leaves a principal due to rotate in place', () => {
      const report = validate(heads, VALID_MOVES);
      expect(report.violations).toEqual([
        expect.objectContaining({ rule: 'head_rotation', teacher_id: 'A-P', school: 'A' }),
      ]);
    });

    it('relaxes it only for the head the flag names', () => {
      const named = validate(heads, VALID_MOVES, {
        flags: [makeFlag('head_rotation', { teacher_id: 'A-P' })],
      });
      expect(named.ok).toBe(true);
      expect(named.relaxed).toEqual([expect.objectContaining({ rule: 'head_rotation', teacher_id: 'A-P' })]);

      const other = validate(heads, VALID_MOVES, {
        flags: [makeFlag('head_rotation', { teacher_id: 'B-P' })],
      });
      expect(other.violations).toEqual([
        expect.objectContaining({ rule: 'head_rotation', teacher_id: 'A-P' }),
      ]);
    });

    it("takes a moving head's role from the snapshot where the move states none", () => {
      const report = validate(heads, [['A-P', 'B', { subject: 'math', role: undefined }], ...swap.slice(1)]);
      expect(report).toEqual({ violations: [], relaxed: [], ok: true });
    });

    it("refuses a moving head's move that states another role", () => {
      const report = validate(heads, [
        ['A-P', 'B', { subject: 'math', role: 'vice_principal' }],
        ...swap.slice(1),
      ]);
      expect(report.violations).toEqual([expect.objectContaining({ rule: 'head_role', teacher_id: 'A-P' })]);
    });

    describe('rule 11: what a flag claims of a head is true', () => {
      // A's principal, due to rotate, 30 years from retirement; C's, due too, retires within 5 years.
      const claims = smallCounty({}, [
        makeTeacher('A-P', 'A', { role: 'principal', termsAsHead: 2 }),
        makeTeacher('C-P', 'C', { role: 'principal', termsAsHead: 2, gender: 'F', birthDate: '1973-01-10' }),
      ]);

      it('accepts an exemption the snapshot bears out', () => {
        const report = validate(claims, VALID_MOVES, {
          flags: [
            makeFlag('head_rotation', { teacher_id: 'A-P', school: 'A' }),
            makeFlag('head_rotation', { teacher_id: 'C-P', school: 'C', exempt: 'near_retirement' }),
          ],
        });
        expect(report.ok).toBe(true);
        expect(report.relaxed).toEqual([
          expect.objectContaining({ rule: 'head_rotation', teacher_id: 'A-P' }),
        ]);
      });

      it('refuses a flag that keeps a head in place by an exemption the snapshot does not bear out', () => {
        const report = validate(claims, VALID_MOVES, {
          flags: [
            makeFlag('head_rotation', { teacher_id: 'A-P', school: 'A', exempt: 'near_retirement' }),
            makeFlag('head_rotation', { teacher_id: 'NOBODY', exempt: 'sick' }),
          ],
        });
        expect(report.ok).toBe(false);
        expect(report.violations).toEqual([
          expect.objectContaining({ rule: 'unwarranted_flag', teacher_id: 'A-P' }),
          expect.objectContaining({ rule: 'unwarranted_flag', teacher_id: 'NOBODY' }),
        ]);
        expect(report.violations[0].message.en).toBe(
          'a flag says A-P is exempt (near_retirement), but by the snapshot: 2 full terms as head at the school, 14 years there',
        );
        expect(report.violations[1].message.zh).toBe('标记称 NOBODY 免于交流（sick），但名册中没有该教师');
      });
    });

    it('refuses a role on the move of a teacher who is not a head', () => {
      const report = validate(heads, [...swap.slice(0, 2), ['A-M1', 'B', { role: 'vice_principal' }]]);
      expect(report.violations).toEqual([expect.objectContaining({ rule: 'head_role', teacher_id: 'A-M1' })]);
    });

    it('refuses a school that gains a principal without losing one, and the one left without', () => {
      const report = validate(heads, [['A-P', 'B', { subject: 'music' }], VALID_MOVES[1]]);
      expect(report.violations).toEqual([
        expect.objectContaining({ rule: 'head_exchange', school: 'A' }),
        expect.objectContaining({ rule: 'head_exchange', school: 'B' }),
      ]);
      expect(report.violations[1].message.en).toBe(
        'school B: 1 principal(s) arrive and 0 leave; they must match',
      );
    });
  });

  describe('rule 0: the plan has every field of a plan.json', () => {
    const formatErrors = (report: ValidationReport) =>
      report.violations.filter((v) => v.rule === 'plan_format').map((v) => v.message.en);

    it('names each missing or mistyped field by its path', () => {
      const plan = makePlan(county, movesOf(county, VALID_MOVES)) as unknown as {
        plan: Record<string, unknown>;
        moves: Record<string, unknown>[];
        metrics: { before: Record<string, unknown>; after: Record<string, unknown> };
      };
      delete plan.plan.id;
      plan.plan.county = 7;
      delete plan.plan.snapshot_hash;
      plan.plan.solver = { name: 'highs' };
      delete plan.moves[1].reasons;
      plan.moves[0].reasons_zh = [];
      delete plan.metrics.after.backbone_share;
      plan.metrics.before.indicators = { primary: {} };
      const report = validatePlan(county, plan as unknown as Plan);
      expect(formatErrors(report)).toEqual([
        'plan field plan.id must be a non-empty text, found nothing (missing)',
        'plan field plan.county must be a non-empty text, found 7',
        'plan field plan.snapshot_hash must be a non-empty text, found nothing (missing)',
        'plan field plan.solver must be an object with a name and a version, found {"name":"highs"}',
        'plan field moves[0].reasons_zh must be a non-empty list of non-empty texts, found []',
        'plan field moves[1].reasons must be a non-empty list of non-empty texts, found nothing (missing)',
        ...['primary', 'junior'].flatMap((stage) =>
          ['degree_above', 'backbone', 'pe_arts'].map(
            (indicator) =>
              `plan field metrics.before.indicators.${stage}.${indicator}.cv must be a number, found nothing (missing)`,
          ),
        ),
        'plan field metrics.after.backbone_share must be a number, found nothing (missing)',
      ]);
      expect(report.violations[0].message.zh).toBe('方案字段 plan.id 应为非空文本，实为缺失');
      expect(report.ok).toBe(false);
    });

    it('checks a plan without a list of moves as one that moves nobody', () => {
      const plan = { ...makePlan(county, []), moves: undefined } as unknown as Plan;
      const report = validatePlan(county, plan);
      expect(report.violations.map((v) => v.rule)).toEqual(['plan_format', 'min_rotation_rate']);
      expect(report.violations[0].message.en).toBe(
        'plan field moves must be a list, found nothing (missing)',
      );
    });

    it('asks for the metrics before and after the plan', () => {
      const plan = makePlan(county, movesOf(county, VALID_MOVES));
      expect(formatErrors(validatePlan(county, { ...plan, metrics: undefined } as unknown as Plan))).toEqual([
        'plan field metrics must be an object, found nothing (missing)',
      ]);
      const onlyAfter = { ...plan, metrics: { after: plan.metrics.after } } as unknown as Plan;
      expect(formatErrors(validatePlan(county, onlyAfter))).toEqual([
        'plan field metrics.before must be an object, found nothing (missing)',
      ]);
    });
  });

  describe('rule 11: a flag says what is true', () => {
    // smallCounty: 17 eligible, so the 10% minimum needs 2 movers and 25% allows 4.
    it('refuses a rate flag on a plan that meets the rate, or with numbers the plan does not have', () => {
      const met = validate(county, VALID_MOVES, { flags: [makeFlag('min_rotation_rate')] });
      expect(met.violations).toEqual([expect.objectContaining({ rule: 'unwarranted_flag' })]);
      expect(met.violations[0].message.en).toBe(
        'a flag says the minimum rate could not be met, but the plan rotates 2, the 2 it needs',
      );

      const numbers = validate(county, [VALID_MOVES[0]], {
        flags: [makeFlag('min_rotation_rate', { movers: 1, required: 3, eligible: 17, allowed: 4 })],
      });
      expect(numbers.violations.map((v) => v.message.en)).toEqual([
        'a flag says the rate band holds no whole number of movers, but 2–4 lie in it',
        'flag min_rotation_rate gives required 3, the plan and the snapshot give 2',
      ]);
      expect(numbers.relaxed).toEqual([expect.objectContaining({ rule: 'min_rotation_rate' })]);
    });

    it('accepts an empty rate band the policy really has', () => {
      // 17 × 15% = 2.55 and 17 × 16% = 2.72: no whole number of movers in between.
      const band = smallCounty({ min_rotation_rate: 0.15, max_rotation_rate: 0.16 });
      const report = validate(band, VALID_MOVES, {
        flags: [makeFlag('min_rotation_rate', { movers: 2, required: 3, eligible: 17, allowed: 2 })],
      });
      expect(report.violations).toEqual([]);
      expect(report.ok).toBe(true);
    });

    it('refuses a backbone flag on a plan that meets the share, or with the wrong count', () => {
      const met = validate(county, VALID_MOVES, {
        flags: [makeFlag('min_backbone_share', { backbone_movers: 0, movers: 2 })],
      });
      expect(met.violations.map((v) => v.message.en)).toEqual([
        'a flag says the backbone share could not be met, but 1 of 2 movers are backbone, meeting 0.2',
        'flag min_backbone_share gives backbone_movers 0, the plan and the snapshot give 1',
      ]);
    });

    it("refuses a head's flag for a head the plan moves", () => {
      const heads = smallCounty({}, [
        makeTeacher('A-P', 'A', { role: 'principal', termsAsHead: 2 }),
        makeTeacher('C-P', 'C', { role: 'principal', termsAsHead: 2 }),
      ]);
      const report = validate(heads, [['A-P', 'C'], ['C-P', 'A'], VALID_MOVES[0]], {
        flags: [makeFlag('head_rotation', { teacher_id: 'A-P', school: 'A' })],
      });
      expect(report.violations).toEqual([
        expect.objectContaining({ rule: 'unwarranted_flag', teacher_id: 'A-P' }),
      ]);
      expect(report.violations[0].message.en).toBe(
        'a flag says A-P does not rotate, but the plan moves them',
      );
    });
  });

  describe('rule 10: the plan carries the snapshot policy', () => {
    it('names each policy key that differs', () => {
      const plan = makePlan(county, movesOf(county, VALID_MOVES));
      plan.plan.policy = { ...plan.plan.policy, min_rotation_rate: 0.05, max_distance_km: 100 };
      const report = validatePlan(county, plan);
      expect(report.violations.map((v) => [v.rule, v.message.en])).toEqual([
        ['policy_mismatch', 'plan policy max_distance_km = 100, the snapshot says 60'],
        ['policy_mismatch', 'plan policy min_rotation_rate = 0.05, the snapshot says 0.1'],
      ]);
    });

    it('refuses a plan made for other data, but not for a county named otherwise', () => {
      const plan = makePlan(county, movesOf(county, VALID_MOVES));
      const edited: Snapshot = {
        ...county,
        schools: county.schools.map((s) =>
          s.code === 'B' ? { ...s, pupilsPrimary: s.pupilsPrimary + 1 } : s,
        ),
      };
      const report = validatePlan(edited, plan);
      expect(report.violations).toEqual([expect.objectContaining({ rule: 'snapshot_mismatch' })]);
      expect(report.violations[0].message.en).toMatch(
        /^the plan's snapshot_hash [0-9a-f]{12}… is not this snapshot's [0-9a-f]{12}…: the plan was made for other data/,
      );
      // A CSV folder is named after its folder: a copy under another name holds the same data.
      expect(validatePlan({ ...county, county: 'copy-of-county' }, plan).ok).toBe(true);
    });

    it('refuses a plan for another year', () => {
      const report = validate(county, VALID_MOVES, { header: { year: 2025 } });
      expect(report.violations).toEqual([expect.objectContaining({ rule: 'policy_mismatch' })]);
      expect(report.violations[0].message.en).toBe('plan year 2025 differs from the policy year 2026');
    });

    it('does not let a plan relax a hard rule by flagging it', () => {
      const report = validate(county, [['C-M1', 'B'], VALID_MOVES[1]], {
        flags: [makeFlag('last_subject_teacher')],
      });
      expect(report.ok).toBe(false);
      expect(report.relaxed).toEqual([]);
    });
  });

  it('checks the metrics before and after the plan only when asked', () => {
    const plan = makePlan(county, movesOf(county, VALID_MOVES));
    plan.metrics.after.movers = 7;
    plan.metrics.before.indicators.primary.backbone.cv = 0.01;
    expect(validatePlan(county, plan).ok).toBe(true);
    expect(validatePlan(county, plan, { checkMetrics: true }).violations).toEqual([
      expect.objectContaining({
        rule: 'metrics_mismatch',
        message: expect.objectContaining({
          en: expect.stringMatching(
            /^plan metric before\.indicators\.primary\.backbone\.cv is 0\.01, recomputed /,
          ),
        }),
      }),
      expect.objectContaining({
        rule: 'metrics_mismatch',
        message: expect.objectContaining({ en: 'plan metric after.movers is 7, recomputed 2' }),
      }),
    ]);
  });
});
