/** The options of `npm run bench:reports` (bench/reports-args.ts): defaults, choices, and the refusals. */
import { BENCH_FORMATS, parseReportsArgs } from '../../bench/reports-args';

describe('parseReportsArgs', () => {
  it('runs every format and evidence for 10,000 tenants by default', () => {
    expect(parseReportsArgs([])).toEqual({ tenants: 10000, formats: [...BENCH_FORMATS] });
    expect(BENCH_FORMATS).toContain('evidence');
  });

  it('runs only the chosen formats, in the bench order, each once', () => {
    expect(parseReportsArgs(['--tenants', '300', '--formats', 'html,json,evidence,json'])).toEqual({ tenants: 300, formats: ['json', 'html', 'evidence'] });
    expect(parseReportsArgs(['--formats', 'evidence']).formats).toEqual(['evidence']);
    expect(parseReportsArgs(['--formats', ' sarif , junit ']).formats).toEqual(['sarif', 'junit']);
  });

  it('refuses an unknown format, naming it and the known ones', () => {
    expect(() => parseReportsArgs(['--formats', 'json,pdf'])).toThrow('--formats: unknown format "pdf" (known: text, md, json, sarif, junit, html, evidence)');
    expect(() => parseReportsArgs(['--formats', 'json,'])).toThrow('unknown format ""');
  });

  it('refuses a missing value, a bad count, a repeated or unknown option', () => {
    expect(() => parseReportsArgs(['--formats'])).toThrow(
      '--formats takes a comma-separated list of text, md, json, sarif, junit, html, evidence; got nothing',
    );
    expect(() => parseReportsArgs(['--formats', '--tenants', '5'])).toThrow('got nothing');
    expect(() => parseReportsArgs(['--tenants', '0'])).toThrow('--tenants takes a whole number of tenants (1 or more), got "0"');
    expect(() => parseReportsArgs(['--tenants', '1.5'])).toThrow('got "1.5"');
    expect(() => parseReportsArgs(['--tenants'])).toThrow('got null');
    expect(() => parseReportsArgs(['--tenants', '5', '--tenants', '6'])).toThrow('--tenants given twice');
    expect(() => parseReportsArgs(['--size', '5'])).toThrow('unknown argument "--size"; bench:reports takes --tenants N and --formats a,b,...');
  });
});
