import { localized } from '@tr/domain';
import { formatViolation } from './violation';

describe(formatViolation.name, () => {
  it('puts the rule, what it is about and both languages on one line', () => {
    const line = formatViolation({
      rule: 'overstaffing',
      school: 'B',
      subject: 'chinese',
      message: localized('学校 B 语文超编', 'school B has too many chinese teachers'),
    });
    expect(line).toBe(
      '[overstaffing] school B, subject chinese: 学校 B 语文超编 / school B has too many chinese teachers',
    );
  });

  it('leaves out what a county-wide violation is not about', () => {
    expect(
      formatViolation({ rule: 'min_rotation_rate', message: localized('比例不足', 'rate too low') }),
    ).toBe('[min_rotation_rate]: 比例不足 / rate too low');
  });
});
