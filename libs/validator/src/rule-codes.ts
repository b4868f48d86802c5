import { localized, type Localized } from '@tr/domain';

/**
 * Every rule the validator checks, by code. The codes of relaxable rules are the `rule` a plan's flag
 * must carry to relax them (`min_rotation_rate`, `min_backbone_share`, `head_rotation`).
 */
export const RULE_CODES = [
  // 0. the plan has every field of a plan.json
  'plan_format',
  // 1. a move is well-formed
  'unknown_teacher',
  'duplicate_teacher',
  'wrong_from_school',
  'unknown_school',
  'same_school',
  'subject_not_qualified',
  'invalid_kind',
  'rotation_term',
  // 2. only eligible teachers rotate
  'ineligible_mover',
  // 3. county rotation rate
  'min_rotation_rate',
  'max_rotation_rate',
  // 4. backbone share of movers
  'min_backbone_share',
  // 5. per-school send cap
  'school_send_cap',
  // 6. a needed subject keeps its last teacher
  'last_subject_teacher',
  // 7. no overstaffing
  'overstaffing',
  // 8. distance
  'max_distance_km',
  // 9. principals and vice principals
  'head_rotation',
  'head_role',
  'head_exchange',
  // 10. the plan's header carries the snapshot's policy, and was made for this snapshot
  'policy_mismatch',
  'snapshot_mismatch',
  // 11. what a flag claims of a teacher is true
  'unwarranted_flag',
  // the plan's metrics agree with a recomputation (checked on request)
  'metrics_mismatch',
] as const;

export type RuleCode = (typeof RULE_CODES)[number];

/** The rules a plan may relax by flagging them (FORMATS.md plan flags); everything else is hard. */
export const RELAXABLE_RULES: ReadonlySet<RuleCode> = new Set<RuleCode>([
  'min_rotation_rate',
  'min_backbone_share',
  'head_rotation',
]);

/** One-line title of each rule, for reports and help texts. */
export const RULE_TITLES: Record<RuleCode, Localized> = {
  plan_format: localized('方案缺少字段或字段类型不符', 'a plan.json field is missing or of the wrong type'),
  unknown_teacher: localized('调动的教师不在名册中', 'moved teacher is not in the snapshot'),
  duplicate_teacher: localized('同一教师在方案中出现多次', 'teacher appears in more than one move'),
  wrong_from_school: localized('调出学校不是教师现任学校', "from_school is not the teacher's current school"),
  unknown_school: localized('调入学校不存在', 'to_school does not exist'),
  same_school: localized('调入学校与现任学校相同', "to_school is the teacher's current school"),
  subject_not_qualified: localized(
    '任教学科不是教师的主科或兼任学科',
    "subject is neither the teacher's main nor an extra subject",
  ),
  invalid_kind: localized('调动类型无效', 'move kind is neither rotation nor allocation'),
  rotation_term: localized(
    '交流期限与政策不符，或组织调剂注明了期限',
    'rotation term differs from the policy, or an allocation has one',
  ),
  ineligible_mover: localized(
    '不符合交流条件的教师被安排交流',
    'a teacher who does not meet the exchange conditions rotates',
  ),
  min_rotation_rate: localized('全县交流比例低于下限', 'county rotation rate below the minimum'),
  max_rotation_rate: localized('全县交流比例高于上限', 'county rotation rate above the maximum'),
  min_backbone_share: localized('骨干教师占交流人数比例不足', 'backbone share of movers below the minimum'),
  school_send_cap: localized('学校调出人数超过上限', 'a school sends more teachers than its cap'),
  last_subject_teacher: localized(
    '学校失去所需学科的最后一名教师',
    'a school loses its last teacher of a subject it needs',
  ),
  overstaffing: localized('学科超编', 'a school × subject ends above its staffing cap'),
  max_distance_km: localized('调动距离超过上限', 'move longer than the maximum distance'),
  head_rotation: localized('任满两届的校级领导未交流', 'a principal or vice principal due to rotate stays'),
  head_role: localized('校级领导调动未注明或错注职务', "head's move does not carry their role"),
  head_exchange: localized(
    '学校校级领导调入与调出人数不等',
    'heads arriving and leaving a school do not match',
  ),
  policy_mismatch: localized('方案的政策参数与名册不一致', "plan's policy differs from the snapshot's"),
  snapshot_mismatch: localized('方案不是按此名册编制的', 'the plan was made for another snapshot'),
  unwarranted_flag: localized(
    '方案标记所述与名册不符',
    "a plan flag's claim is not borne out by the snapshot",
  ),
  metrics_mismatch: localized('方案指标与重新计算结果不一致', "plan's metrics differ from a recomputation"),
};
