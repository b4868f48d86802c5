import { DatabaseUnavailableError, openDataSource } from './data-source';

describe('DatabaseUnavailableError', () => {
  it('names the address in Chinese and English with the password hidden', () => {
    const error = new DatabaseUnavailableError(
      'postgres://hr:s3cret@db.example:5432/rotation',
      new Error('connect ECONNREFUSED'),
    );
    expect(error.message).toBe(
      '无法连接数据库 postgres://hr:***@db.example:5432/rotation：connect ECONNREFUSED / ' +
        'cannot connect to the database at postgres://hr:***@db.example:5432/rotation: connect ECONNREFUSED',
    );
    expect(error.message).not.toContain('s3cret');
  });

  it('does not repeat a DATABASE_URL it cannot parse, which may hold a password', () => {
    const error = new DatabaseUnavailableError('not a url :secret@', 'bad');
    expect(error.message).toContain('(DATABASE_URL)');
    expect(error.message).not.toContain('secret');
  });
});

describe('openDataSource', () => {
  it('turns a refused connection into a DatabaseUnavailableError', async () => {
    // Port 1 on the loopback: nothing listens there, so the refusal is immediate and needs no server.
    await expect(openDataSource('postgres://postgres@127.0.0.1:1/none')).rejects.toBeInstanceOf(
      DatabaseUnavailableError,
    );
  });
});
