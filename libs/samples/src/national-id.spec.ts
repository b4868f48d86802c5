import { isValidNationalId, makeNationalId, nationalIdCheckChar } from './national-id';

describe('national ID numbers', () => {
  it('computes the MOD 11-2 check character of the standard example', () => {
    // GB 11643-1999's worked example: 11010519491231002X.
    expect(nationalIdCheckChar('11010519491231002')).toBe('X');
    expect(isValidNationalId('11010519491231002X')).toBe(true);
    expect(isValidNationalId('110105194912310021')).toBe(false);
  });

  it('builds 18 characters from area code, birth date and a sequence with gender parity', () => {
    const male = makeNationalId('410185', '1985-03-07', 'M', 17);
    const female = makeNationalId('410185', '1985-03-07', 'F', 17);
    expect(male).toHaveLength(18);
    expect(male.slice(0, 14)).toBe('41018519850307');
    expect(Number(male[16]) % 2).toBe(1);
    expect(Number(female[16]) % 2).toBe(0);
    expect(isValidNationalId(male)).toBe(true);
    expect(isValidNationalId(female)).toBe(true);
  });
});
