/**
 * One state database per network (issue 21): two spellings of one server are one server. The guard
 * compared host names as written, so `DB.example.cn.`, `localhost` vs `127.0.0.1` vs `::1`, or an
 * explicit default port let both networks share one database.
 */
import { checkStateSeparation, pgDatabase, pgServer } from '../../deploy/engine-env';

const nets = new Set(['extranet', 'intranet'] as const);
const both = (ext: string, int: string) => ({ PG_CONN_STR_EXTRANET: ext, PG_CONN_STR_INTRANET: int });

describe('the one-database guard', () => {
  it.each([
    ['postgres://u@db.example.cn/state', 'postgres://u@DB.Example.CN./state'],
    ['postgres://u@db.example.cn/state', 'postgres://u@db.example.cn:5432/state'],
    ['postgres://u@db.example.cn:5432/state', 'postgres://u@db.example.cn:05432/state'],
    ['postgres://u@localhost/state', 'postgres://u@127.0.0.1/state'],
    ['postgres://u@localhost/state', 'postgres://u@[::1]/state'],
    ['postgres://u@127.0.0.1/state', 'host=::1 dbname=state'],
    ['host=localhost dbname=state', 'postgresql:///state?host=/var/run/postgresql'],
    ['host=db.example.cn port=5432 dbname=state', 'HOST=DB.EXAMPLE.CN. dbname=state'],
    ['postgres://u@db.example.cn/state', 'POSTGRES://u@db.example.cn/state'],
  ])('refuses %s and %s as one database', (ext, int) => {
    expect(() => checkStateSeparation(nets, both(ext, int))).toThrow('extranet and intranet state would share one database');
  });

  it('names the database without its credentials', () => {
    expect(() => checkStateSeparation(nets, both('postgres://u:secret@DB.example.cn./state', 'postgres://u:other@db.example.cn:5432/state'))).toThrow(
      'share one database (db.example.cn:5432/state)',
    );
  });

  it('still accepts two databases, two servers or two ports', () => {
    expect(() => checkStateSeparation(nets, both('postgres://u@db.example.cn/ext', 'postgres://u@db.example.cn/int'))).not.toThrow();
    expect(() => checkStateSeparation(nets, both('postgres://u@db1.example.cn/state', 'postgres://u@db2.example.cn/state'))).not.toThrow();
    expect(() => checkStateSeparation(nets, both('postgres://u@localhost:5432/state', 'postgres://u@localhost:5433/state'))).not.toThrow();
  });

  it('spells every local server as localhost and a missing port as 5432, and leaves other hosts alone', () => {
    expect(['', 'LOCALHOST', '127.0.0.2', '::1', '[0:0:0:0:0:0:0:1]', '/tmp'].map((h) => pgServer(h, undefined))).toEqual(Array(6).fill('localhost:5432'));
    expect(pgServer('1', '')).toBe('1:5432');
    expect(pgDatabase('postgres://u@db.example.cn./state')).toBe('db.example.cn:5432/state');
  });
});
