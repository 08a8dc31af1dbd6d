/** The record writer: the interface's key order, byte-stable, never overwriting. */
import * as fs from 'fs';
import * as path from 'path';
import { drillRecordJson, writeDrillRecord } from '../../drill/record';
import { cityCopy, record } from '../helpers/drills';

describe('writeDrillRecord', () => {
  it('writes drills/<tenant>/<at>-<to cluster>.json in the interface order, two-space indent, final newline', () => {
    const env = cityCopy('drill-write');
    const file = writeDrillRecord(env, record());
    expect(path.relative(env, file)).toBe(path.join('drills', 'hotline-12345', '2026-11-30T02-14-09Z-ext-samecity.json'));
    const text = fs.readFileSync(file, 'utf8');
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.split('\n')[1]).toBe('  "version": 1,');
    expect(Object.keys(JSON.parse(text) as object)).toEqual([
      'version',
      'tenant',
      'environment',
      'tier',
      'from',
      'to',
      'backup',
      'restore',
      'measured',
      'targets',
      'checks',
      'result',
      'failures',
      'by',
      'at',
    ]);
    expect(fs.readdirSync(path.dirname(file))).toEqual([path.basename(file)]);
  });

  it('gives the same bytes for the same record, whatever order its keys were made in', () => {
    const r = record();
    const shuffled = Object.fromEntries(Object.entries(r).reverse()) as unknown as typeof r;
    expect(drillRecordJson(shuffled)).toBe(drillRecordJson(r));
    const a = fs.readFileSync(writeDrillRecord(cityCopy('drill-a'), r));
    const b = fs.readFileSync(writeDrillRecord(cityCopy('drill-b'), shuffled));
    expect(a.equals(b)).toBe(true);
  });

  it('refuses to overwrite an existing record and leaves it as it was', () => {
    const env = cityCopy('drill-twice');
    const file = writeDrillRecord(env, record());
    const before = fs.readFileSync(file);
    expect(() => writeDrillRecord(env, record({ by: '王五' }))).toThrow(/already there and is never overwritten/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.readdirSync(path.dirname(file))).toEqual([path.basename(file)]);
  });

  it('refuses to write a record validation would refuse', () => {
    expect(() => writeDrillRecord(cityCopy('drill-bad'), { ...record(), at: '30/11/2026' })).toThrow(/at:/);
  });
});
