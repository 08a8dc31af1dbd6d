/**
 * The baseline chart's admission policy govcloud-allowed-registries, rendered from its template with
 * the registries the construct passes, and its CEL expressions evaluated here. No CEL engine is a
 * dependency of the project, so the expressions are translated to JavaScript by a whitelist of the
 * few CEL forms they use (macros all / exists / filter, startsWith, endsWith, join, ?:, +, !): any
 * other token fails the translation, so a policy rewritten with other CEL fails this test rather than
 * being evaluated wrongly. The live API servers of the e2e suite evaluate the same policy for real.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';
import { REPO } from '../helpers/env';
import { fromRegistry } from '../../config/checks/images';

const TEMPLATE = path.join(REPO, 'charts', 'govcloud-baseline', 'templates', 'registries-policy.yaml');

interface Policy {
  readonly spec: {
    readonly variables: readonly { readonly name: string; readonly expression: string }[];
    readonly validations: readonly { readonly expression: string; readonly messageExpression: string }[];
  };
}

/** The first document of the template with the chart's values in place (as Helm's toJson renders them). */
function render(registries: readonly string[]): Policy {
  const text = fs.readFileSync(TEMPLATE, 'utf8').split(/^---$/m)[0];
  const out = text
    .replace('{{- include "govcloud.labels" . | nindent 4 }}', '{}')
    .replace('{{ .Values.registries | default list | toJson }}', JSON.stringify(registries));
  expect(out).not.toContain('{{');
  return parse(out) as Policy;
}

const IDENT = new Set(['variables', 'images', 'registries', 'every', 'some', 'filter', 'startsWith', 'endsWith', 'join', 'i', 'r', 'c']);

/** CEL (the subset above) → a JavaScript function of `variables`. */
function celToJs(expr: string): (variables: Record<string, unknown>) => unknown {
  const js = expr
    .replace(/\.all\((\w+),\s*/g, '.every(($1) => ')
    .replace(/\.exists\((\w+),\s*/g, '.some(($1) => ')
    .replace(/\.filter\((\w+),\s*/g, '.filter(($1) => ');
  const bare = js.replace(/'[^'\\]*'/g, "''");
  for (const word of bare.match(/[A-Za-z_]\w*/g) ?? []) if (!IDENT.has(word)) throw new Error(`CEL outside the tested subset: ${word} in ${expr}`);
  if (/[^\w\s.()?:+'!=>,]/.test(bare)) throw new Error(`CEL outside the tested subset: ${expr}`);
  return new Function('variables', `return ${js};`) as (variables: Record<string, unknown>) => unknown;
}

function admission(registries: readonly string[]) {
  const policy = render(registries);
  const vars = Object.fromEntries(policy.spec.variables.map((v) => [v.name, v.expression]));
  // a JSON array of strings is a CEL list literal: parse it as the API server would
  const allowed = JSON.parse(vars.registries) as string[];
  const [v] = policy.spec.validations;
  const admit = celToJs(v.expression);
  const message = celToJs(v.messageExpression);
  return {
    admits: (...images: string[]) => admit({ images, registries: allowed }) as boolean,
    message: (...images: string[]) => message({ images, registries: allowed }) as string,
  };
}

describe('admission policy govcloud-allowed-registries (rendered and evaluated)', () => {
  it('refuses a look-alike host that only starts with an allowed registry (host + "/" boundary)', () => {
    for (const entry of ['registry.example-city.gov.cn', 'registry.example-city.gov.cn/']) {
      const p = admission([entry]);
      expect(p.admits('registry.example-city.gov.cn/apps/portal:1.0')).toBe(true);
      expect(p.admits('registry.example-city.gov.cn.evil.io/x:1')).toBe(false);
      expect(p.admits('registry.example-city.gov.cnx/x:1')).toBe(false);
      expect(p.admits('registry.example-city.gov.cn:5000/x:1')).toBe(false);
      expect(p.admits('registry.example-city.gov.cn')).toBe(false);
    }
  });
  it('keeps a registry path a whole segment: registry/mirror admits registry/mirror/… only', () => {
    const p = admission(['registry.example-city.gov.cn/mirror']);
    expect(p.admits('registry.example-city.gov.cn/mirror/nginx:1.27')).toBe(true);
    expect(p.admits('registry.example-city.gov.cn/mirror-evil/nginx:1.27')).toBe(false);
    expect(p.admits('registry.example-city.gov.cn/other/nginx:1.27')).toBe(false);
  });
  it('refuses a pod when any one of its images is from elsewhere, and names that image in the message', () => {
    const p = admission(['registry.example-city.gov.cn', 'harbor.xinchuang.example-city.gov.cn/']);
    expect(p.admits('registry.example-city.gov.cn/a:1', 'harbor.xinchuang.example-city.gov.cn/b:1')).toBe(true);
    expect(p.admits('registry.example-city.gov.cn/a:1', 'harbor.xinchuang.example-city.gov.cn.evil.io/b:1')).toBe(false);
    expect(p.message('registry.example-city.gov.cn/a:1', 'registry.example-city.gov.cn.evil.io/b:1')).toBe(
      'image not from an allowed registry: registry.example-city.gov.cn.evil.io/b:1 (allowed: registry.example-city.gov.cn, harbor.xinchuang.example-city.gov.cn/)',
    );
  });
  it('admits nothing when the chart is given no registries', () => {
    expect(admission([]).admits('registry.example-city.gov.cn/a:1')).toBe(false);
  });
  it('agrees with the check of validate and MLPS-HOST-007 (fromRegistry) on every case', () => {
    const entries = ['registry.example-city.gov.cn', 'registry.example-city.gov.cn/', 'registry.example-city.gov.cn/mirror', 'r.cn:5000'];
    const images = [
      'registry.example-city.gov.cn/a:1',
      'registry.example-city.gov.cn.evil.io/a:1',
      'registry.example-city.gov.cn/mirror/a:1',
      'registry.example-city.gov.cn/mirrorx/a:1',
      'r.cn:5000/a:1',
      'r.cn:50001/a:1',
      'r.cn/a:1',
    ];
    for (const e of entries)
      for (const image of images) expect([e, image, admission([e]).admits(image)]).toEqual([e, image, fromRegistry(image, e)]);
  });
});
