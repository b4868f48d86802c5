import { DEFAULT_POLICY, type Policy } from '@tr/domain';
import { applyPolicyOverrides } from './policy-parser';

const base: Policy = { ...DEFAULT_POLICY, year: 2026 };

describe(applyPolicyOverrides.name, () => {
  it('applies valid overrides onto the county policy', () => {
    expect(applyPolicyOverrides(base, { max_distance_km: 30, head_max_terms: 3 })).toEqual({
      policy: { ...base, max_distance_km: 30, head_max_terms: 3 },
      problems: [],
    });
  });

  it('uses the policy sheet’s ranges and whole-number rules', () => {
    const { problems } = applyPolicyOverrides(base, {
      max_rotation_rate: 1.2,
      head_max_terms: 2.5,
      weight_balance: '3',
    });
    expect(problems.map((p) => [p.key, p.expected.en])).toEqual([
      ['max_rotation_rate', 'a number from 0 to 1'],
      ['head_max_terms', 'an integer from 1 to 10'],
      ['weight_balance', 'a number from 0 to 10000'],
    ]);
  });

  it('refuses unknown keys and the year, which is the plan’s own', () => {
    expect(applyPolicyOverrides(base, { colour: 1, year: 2030 }).problems.map((p) => p.key)).toEqual([
      'colour',
      'year',
    ]);
  });

  it('refuses a minimum rotation rate above the maximum, naming the key that was overridden', () => {
    expect(applyPolicyOverrides(base, { min_rotation_rate: 0.3 }).problems).toEqual([
      expect.objectContaining({ key: 'min_rotation_rate', value: 0.3 }),
    ]);
    expect(applyPolicyOverrides(base, { max_rotation_rate: 0.05 }).problems[0].key).toBe('max_rotation_rate');
  });
});
