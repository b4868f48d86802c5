/**
 * Per-county policy. Rule keys and defaults are those of FORMATS.md; the objective weights are this
 * product's own keys (extra policy rows are allowed by the format) so a county can tune them.
 */
export interface Policy {
  year: number;
  min_rotation_rate: number;
  max_rotation_rate: number;
  min_backbone_share: number;
  min_years_at_school: number;
  retirement_age_male: number;
  retirement_age_female: number;
  exempt_years_before_retirement: number;
  rotation_term_years: number;
  head_max_terms: number;
  max_distance_km: number;
  /** Objective weight of one full-time-equivalent of unmet subject need (before area/subject factors). */
  weight_shortage: number;
  /** Extra factor on shortage in rural schools (town schools get half of the extra). */
  weight_rural: number;
  /** Extra factor on shortage in remote schools, on top of the rural one. */
  weight_remote: number;
  /** Extra factor on shortage in the scarce subjects (music, PE, art, science, psychology, IT, labour). */
  weight_scarce_subject: number;
  /** Objective weight of balance: the sum over stages and indicators of the change in CV². */
  weight_balance: number;
  /** Reward for each mover sent to a school they asked for. */
  weight_preference: number;
  /** Cost per kilometre moved. */
  weight_distance_km: number;
  /** Candidate destinations per teacher group besides schools with a shortage or a preference. */
  candidate_schools: number;
}

export type PolicyKey = keyof Policy;

export const DEFAULT_POLICY: Omit<Policy, 'year'> = {
  min_rotation_rate: 0.1,
  max_rotation_rate: 0.25,
  min_backbone_share: 0.2,
  min_years_at_school: 6,
  retirement_age_male: 60,
  retirement_age_female: 55,
  exempt_years_before_retirement: 5,
  rotation_term_years: 3,
  head_max_terms: 2,
  max_distance_km: 60,
  weight_shortage: 10,
  weight_rural: 1,
  weight_remote: 0.5,
  weight_scarce_subject: 1,
  weight_balance: 2000,
  weight_preference: 0.5,
  weight_distance_km: 0.01,
  candidate_schools: 15,
};

export const POLICY_KEYS = ['year', ...Object.keys(DEFAULT_POLICY)] as PolicyKey[];

/** Which keys hold integers, and each key's allowed range, for validation at import. */
export const POLICY_LIMITS: Record<PolicyKey, { min: number; max: number; integer: boolean }> = {
  year: { min: 2000, max: 2100, integer: true },
  min_rotation_rate: { min: 0, max: 1, integer: false },
  max_rotation_rate: { min: 0, max: 1, integer: false },
  min_backbone_share: { min: 0, max: 1, integer: false },
  min_years_at_school: { min: 0, max: 50, integer: false },
  retirement_age_male: { min: 40, max: 80, integer: false },
  retirement_age_female: { min: 40, max: 80, integer: false },
  exempt_years_before_retirement: { min: 0, max: 40, integer: false },
  rotation_term_years: { min: 1, max: 10, integer: true },
  head_max_terms: { min: 1, max: 10, integer: true },
  max_distance_km: { min: 0, max: 10000, integer: false },
  weight_shortage: { min: 0, max: 1e4, integer: false },
  weight_rural: { min: 0, max: 100, integer: false },
  weight_remote: { min: 0, max: 100, integer: false },
  weight_scarce_subject: { min: 0, max: 100, integer: false },
  weight_balance: { min: 0, max: 1e4, integer: false },
  weight_preference: { min: 0, max: 1e3, integer: false },
  weight_distance_km: { min: 0, max: 100, integer: false },
  candidate_schools: { min: 1, max: 10000, integer: true },
};
