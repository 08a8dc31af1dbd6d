/**
 * The prebuilt cdktf bindings (generated for older provider releases) stay the typed builders: every
 * resource type, data source, provider setting and attribute the synthesized example cities use must
 * exist in the schema of the providers the project pins and builds (kubernetes 3.2.1, helm 3.2.0).
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { CLI, engineEnv, REPO, runDir } from './harness/suite';
import { PROVIDER_PINS } from '../../stacks/providers';

interface Block {
  attributes?: Record<string, { nested_type?: { attributes: Record<string, unknown>; nesting_mode: string } }>;
  block_types?: Record<string, { block: Block; nesting_mode: string }>;
}
interface Schemas {
  provider_schemas: Record<
    string,
    { provider: { block: Block }; resource_schemas?: Record<string, { block: Block }>; data_source_schemas?: Record<string, { block: Block }> }
  >;
}

const META = new Set(['//', 'count', 'for_each', 'depends_on', 'lifecycle', 'provider', 'provisioner', 'connection', 'alias']);

/** Dotted paths in `body` that the schema block does not know. */
function unknownPaths(body: unknown, block: Block, at: string, meta: boolean): string[] {
  if (Array.isArray(body)) return body.flatMap((b, i) => unknownPaths(b, block, `${at}[${i}]`, meta));
  if (!body || typeof body !== 'object') return [];
  const out: string[] = [];
  for (const [k, v] of Object.entries(body as Record<string, unknown>)) {
    const attr = block.attributes?.[k];
    const nested = block.block_types?.[k];
    if (attr?.nested_type) out.push(...unknownPaths(v, { attributes: attr.nested_type.attributes as Block['attributes'] }, `${at}.${k}`, false));
    else if (attr) continue;
    else if (nested) out.push(...unknownPaths(v, nested.block, `${at}.${k}`, false));
    else if (!(meta && META.has(k))) out.push(`${at}.${k}`);
  }
  return out;
}

describe('synthesized stacks against the pinned providers', () => {
  const work = path.join(runDir(), 'schema');
  const outs: string[] = [];

  // hand-written overrides of the violations city: some name the other network on purpose, so synth
  // refuses them; they are judged here file by file, and the city is synthesized without them
  const overrides = path.join(REPO, 'environments', 'example-city-violations', 'overrides');
  const overrideFiles = fs.existsSync(overrides)
    ? fs.readdirSync(overrides).flatMap((s) =>
        fs
          .readdirSync(path.join(overrides, s))
          .filter((f) => f.endsWith('.tf.json'))
          .map((f) => ({ stack: s, file: path.join(overrides, s, f) })),
      )
    : [];

  beforeAll(() => {
    for (const city of ['example-city', 'example-city-violations']) {
      const env = path.join(work, 'env', city);
      fs.cpSync(path.join(REPO, 'environments', city), env, { recursive: true });
      fs.rmSync(path.join(env, 'overrides'), { recursive: true, force: true });
      const out = path.join(work, city);
      execFileSync(process.execPath, [CLI, 'synth', '--quiet', '--env', env, '--out', out], { env: engineEnv(), stdio: 'ignore' });
      outs.push(out);
    }
  });

  it('requires exactly the pinned provider releases in every stack', () => {
    let n = 0;
    for (const out of outs) {
      for (const network of ['extranet', 'intranet']) {
        for (const s of fs.readdirSync(path.join(out, network, 'stacks'))) {
          const json = JSON.parse(fs.readFileSync(path.join(out, network, 'stacks', s, 'cdk.tf.json'), 'utf8'));
          expect(json.terraform.required_providers).toEqual(PROVIDER_PINS);
          n++;
        }
      }
    }
    expect(n).toBeGreaterThanOrEqual(20);
  });

  it('uses only resource types and attributes that exist in `terraform providers schema -json`', () => {
    const dir = path.join(outs[0], 'extranet', 'stacks', 'platform-ext-primary');
    execFileSync('terraform', ['init', '-input=false', '-no-color'], { cwd: dir, env: engineEnv(), stdio: 'ignore' });
    const schemas = JSON.parse(
      execFileSync('terraform', ['providers', 'schema', '-json'], { cwd: dir, env: engineEnv(), encoding: 'utf8', maxBuffer: 1 << 28 }),
    ) as Schemas;
    const byName = new Map(Object.entries(schemas.provider_schemas).map(([addr, s]) => [addr.split('/').pop() ?? addr, s]));
    expect([...byName.keys()].sort()).toEqual(['helm', 'kubernetes']);
    const problems: string[] = [];
    let resources = 0;
    const files = [
      ...outs.flatMap((out) =>
        ['extranet', 'intranet'].flatMap((network) =>
          fs.readdirSync(path.join(out, network, 'stacks')).flatMap((s) => {
            const stackDir = path.join(out, network, 'stacks', s);
            return fs
              .readdirSync(stackDir)
              .filter((x) => x.endsWith('.tf.json'))
              .map((f) => ({ stack: s, file: path.join(stackDir, f) }));
          }),
        ),
      ),
      ...overrideFiles,
    ];
    expect(overrideFiles.length).toBeGreaterThan(0);
    for (const { stack, file } of files) {
      const at = `${stack}/${path.basename(file)}`;
      const json = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, Record<string, unknown>>;
      for (const [name, configs] of Object.entries(json.provider ?? {})) {
        const p = byName.get(name);
        if (!p) problems.push(`${at}: provider ${name} unknown`);
        else problems.push(...unknownPaths(configs, p.provider.block, `${at}: provider.${name}`, true));
      }
      for (const kind of ['resource', 'data'] as const) {
        for (const [type, byId] of Object.entries((json[kind] ?? {}) as Record<string, Record<string, unknown>>)) {
          const p = byName.get(type.startsWith('helm_') ? 'helm' : 'kubernetes');
          const schema = kind === 'resource' ? p?.resource_schemas?.[type] : p?.data_source_schemas?.[type];
          if (!schema) {
            problems.push(`${at}: ${kind} type ${type} does not exist`);
            continue;
          }
          for (const [id, body] of Object.entries(byId)) {
            resources++;
            problems.push(...unknownPaths(body, schema.block, `${at}: ${type}.${id}`, true));
          }
        }
      }
    }
    expect(problems).toEqual([]);
    expect(resources).toBeGreaterThan(600);
  });
});
