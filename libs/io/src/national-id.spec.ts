import { maskNationalId, maskNationalIdsDeep, maskNationalIdsInText } from './national-id';

describe(maskNationalId.name, () => {
  it('keeps the first 6 and last 4 characters', () => {
    expect(maskNationalId('41018519800101123X')).toBe('410185********123X');
  });
});

describe(maskNationalIdsInText.name, () => {
  it('masks every ID inside a text and leaves other numbers alone', () => {
    expect(maskNationalIdsInText('ids 41018519800101123X and 410185198001011234; staff 12345678')).toBe(
      'ids 410185********123X and 410185********1234; staff 12345678',
    );
  });

  it('does not touch longer digit runs', () => {
    expect(maskNationalIdsInText('1234567890123456789012')).toBe('1234567890123456789012');
  });
});

describe(maskNationalIdsDeep.name, () => {
  it('masks strings nested in objects, arrays and errors', () => {
    const masked = maskNationalIdsDeep({
      a: ['41018519800101123X'],
      err: new Error('bad 41018519800101123X'),
    }) as {
      a: string[];
      err: { message: string };
    };
    expect(masked.a[0]).toBe('410185********123X');
    expect(masked.err.message).toBe('bad 410185********123X');
  });
});
