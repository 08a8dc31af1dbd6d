/**
 * Values the schema accepted in form but that mean nothing or too much (issue 21): near-zero quotas,
 * permanent waivers, approvals from 1900, moving image tags, `..` in a chart source, a `.YAML`
 * request passed over, and messages that name the allowed units or a close match. Each asserts the
 * printed line, position included, in English and Chinese.
 */
import * as fs from 'fs';
import * as path from 'path';
import { validateEnvironment } from '../../config/validate';
import { formatIssue } from '../../config/issues';
import { readJsonFile } from '../../config/json-file';
import { RULES } from '../../policies/registry';
import { MIN_QUOTA_CPU_MILLIS, MIN_QUOTA_MEMORY_BYTES } from '../../config/schema/limits';
import { bytes, cpuMillis } from '../../config/quantity';
import { TenantEnvironment } from '../../constructs/tenant/tenant-environment';
import { caseEnv, tmpDir } from '../helpers/env';
import { get, synthOf } from '../helpers/synth';

const TODAY = '2026-11-23';
const RELIEF = 'tenants/north/relief.yaml';

/** The base city with one text replaced in one file. */
function edited(file: string, from: string, to: string): string {
  const dir = caseEnv(undefined);
  const full = path.join(dir, file);
  const text = fs.readFileSync(full, 'utf8');
  if (!text.includes(from)) throw new Error(`${file} has no ${from}`);
  fs.writeFileSync(full, text.replace(from, to));
  return dir;
}

function lines(dir: string, lang: 'en' | 'zh' = 'en'): string[] {
  return validateEnvironment(dir, { rules: RULES, today: TODAY }).issues.map((i) =>
    formatIssue(i, lang)
      .split(path.dirname(dir) + path.sep)
      .join(''),
  );
}

const quota = (to: string) => edited(RELIEF, 'quota: { cpu: "4", memory: 16Gi, storage: 100Gi, pods: 50 }', `quota: ${to}`);

describe('near-zero quotas', () => {
  it.each([
    ['{ cpu: 1e-9, memory: 16Gi, storage: 100Gi, pods: 50 }', '16:17 spec.quota.cpu: cpu quota 1e-9', 'cpu', '500m'],
    ['{ cpu: "1m", memory: 16Gi, storage: 100Gi, pods: 50 }', '16:17 spec.quota.cpu: cpu quota "1m"', 'cpu', '500m'],
    ['{ cpu: "4", memory: "0.5", storage: 100Gi, pods: 50 }', '16:30 spec.quota.memory: memory quota "0.5"', 'memory', '512Mi'],
    ['{ cpu: "4", memory: 16Gi, storage: "1Mi", pods: 50 }', '16:45 spec.quota.storage: storage quota "1Mi"', 'storage', '1Gi'],
  ])('refuses %s below the minimum, naming it', (value, start, resource, min) => {
    const dir = quota(value);
    const [en] = lines(dir);
    expect(en.startsWith(`case/${RELIEF}:${start} is below the minimum of ${min} per namespace: `)).toBe(true);
    expect(en.endsWith(`; ask for at least ${min}`)).toBe(true);
    expect(lines(dir, 'zh')[0]).toContain(`${resource} 配额 `);
    expect(lines(dir, 'zh')[0]).toContain(`低于每个命名空间的最小值 ${min}：`);
  });

  it('says why the CPU and memory minimums are what they are', () => {
    expect(lines(quota('{ cpu: 1e-9, memory: 16Gi, storage: 100Gi, pods: 50 }'))).toEqual([
      `case/${RELIEF}:16:17 spec.quota.cpu: cpu quota 1e-9 is below the minimum of 500m per namespace: the namespace gives each container a default CPU limit of 500m (its LimitRange), and Kubernetes refuses a default above the quota; ask for at least 500m`,
    ]);
  });

  it('refuses a quota that is not a whole number of millicores or of bytes', () => {
    expect(lines(quota('{ cpu: "1.0005", memory: "1.1Gi", storage: 100Gi, pods: 50 }'))).toEqual([
      `case/${RELIEF}:16:17 spec.quota.cpu: cpu quota "1.0005" is not a whole number of millicores (1m), which Kubernetes would round; write whole millicores (1m), such as "1500m"`,
      `case/${RELIEF}:16:35 spec.quota.memory: memory quota "1.1Gi" is not a whole number of bytes, which Kubernetes would round; write whole bytes, such as 1536Mi`,
    ]);
    expect(lines(quota('{ cpu: "1.0005", memory: 16Gi, storage: 100Gi, pods: 50 }'), 'zh')).toEqual([
      `case/${RELIEF}:16:17 spec.quota.cpu: cpu 配额 "1.0005" 不是整数个毫核（1m），Kubernetes 会对其取整；请填写整数个毫核（1m），如 "1500m"`,
    ]);
  });

  it('accepts the minimums themselves and fractions that are whole millicores or bytes', () => {
    expect(lines(quota('{ cpu: "500m", memory: 512Mi, storage: 1Gi, pods: 50 }'))).toEqual([]);
    expect(lines(quota('{ cpu: 0.5, memory: "0.5Gi", storage: "1.5Gi", pods: 50 }'))).toEqual([]);
    // 32.2 × 10^9 bytes, which binary floating point makes 32200000000.000004
    expect(lines(quota('{ cpu: "1.001", memory: "32.2G", storage: "1.1T", pods: 50 }'))).toEqual([]);
  });

  it('keeps the minimums at or above the default limits of the LimitRange, which Kubernetes refuses above the quota', () => {
    const s = synthOf(
      (scope) =>
        new TenantEnvironment(scope, 't', {
          tenant: 'small',
          county: 'north',
          department: 'd',
          displayName: 'small',
          approvalRef: 'XM-2026-0001',
          zone: 'administrative',
          mlpsLevel: 2,
          environments: ['prod'],
          pools: { prod: '10.244.0.0/24' },
          quota: { cpu: '500m', memory: '512Mi', storage: '1Gi', pods: 10 },
          adminGroups: ['grp-ops'],
        }),
    );
    const [limit] = get(s.of('kubernetes_limit_range_v1')[0], 'spec.limit') as {
      default: { cpu: string; memory: string };
      max: { cpu: string; memory: string };
    }[];
    expect(cpuMillis(limit.default.cpu)).toBeLessThanOrEqual(MIN_QUOTA_CPU_MILLIS);
    expect(bytes(limit.default.memory)).toBeLessThanOrEqual(MIN_QUOTA_MEMORY_BYTES);
    expect(cpuMillis(limit.default.cpu)).toBeLessThanOrEqual(cpuMillis(limit.max.cpu));
    expect(bytes(limit.default.memory)).toBeLessThanOrEqual(bytes(limit.max.memory));
  });
});

describe('quantity errors name the allowed units and a close match', () => {
  it('lists the units of a size and suggests the Kubernetes spelling of 16GB', () => {
    const dir = quota('{ cpu: "4", memory: 16GB, storage: 100Gi, pods: 50 }');
    expect(lines(dir)).toEqual([
      `case/${RELIEF}:16:30 spec.quota.memory: value "16GB" is not a valid size (a number with a unit, Ki, Mi, Gi, Ti, Pi (powers of 1024) or k, M, G, T, P (powers of 1000), such as 64Gi or 500Gi); did you mean 16Gi?`,
    ]);
    expect(lines(dir, 'zh')).toEqual([
      `case/${RELIEF}:16:30 spec.quota.memory: 取值 "16GB" 不是有效的容量（带单位的数值，单位为 Ki、Mi、Gi、Ti、Pi（1024 的幂）或 k、M、G、T、P（1000 的幂），如 64Gi、500Gi）；是否应为 16Gi？`,
    ]);
  });

  it.each([
    ['16gi', '16Gi'],
    ['500 GiB', '500Gi'],
    ['512m', '512Mi'],
  ])('suggests %s → %s', (written, meant) => {
    expect(lines(quota(`{ cpu: "4", memory: "${written}", storage: 100Gi, pods: 50 }`))[0]).toMatch(new RegExp(`; did you mean ${meant}\\?$`));
  });

  it('says a CPU amount has no unit but m, and suggests one for "4 cores"', () => {
    expect(lines(quota('{ cpu: "4 cores", memory: 16Gi, storage: 100Gi, pods: 50 }'))).toEqual([
      `case/${RELIEF}:16:17 spec.quota.cpu: value "4 cores" is not a valid CPU quantity (cores such as "16" or "0.5", or millicores with the unit m such as "500m"; no other unit); did you mean 4?`,
    ]);
    expect(lines(quota('{ cpu: "4x", memory: 16Gi, storage: 100Gi, pods: 50 }'))[0]).toMatch(/no other unit\)$/);
  });
});

describe('an unknown choice offers the closest allowed one', () => {
  it('suggests administrative for administrativ', () => {
    const dir = edited(RELIEF, 'zone: administrative', 'zone: administrativ');
    expect(lines(dir)).toEqual([
      `case/${RELIEF}:14:9 spec.zone: value "administrativ" is not allowed (allowed: public-service, administrative, exchange); did you mean administrative?`,
    ]);
    expect(lines(dir, 'zh')).toEqual([
      `case/${RELIEF}:14:9 spec.zone: 取值 "administrativ" 不允许（允许：public-service, administrative, exchange）；是否应为 administrative？`,
    ]);
  });

  it('offers nothing when nothing is close', () => {
    expect(lines(edited(RELIEF, 'zone: administrative', 'zone: dmz'))).toEqual([
      `case/${RELIEF}:14:9 spec.zone: value "dmz" is not allowed (allowed: public-service, administrative, exchange)`,
    ]);
  });
});

const waiver = (expires: string) =>
  edited(
    RELIEF,
    '  admins: [grp-civil-affairs-ops]\n',
    `  admins: [grp-civil-affairs-ops]\n  waivers:\n    - { rule: MLPS-DATA-003, reason: compensated by a nightly export, approvedBy: 李四, expires: ${expires} }\n`,
  );

describe('waivers are temporary', () => {
  it('refuses a permanent waiver (9999-12-31) at its expiry', () => {
    const dir = waiver('9999-12-31');
    const own = (l: string) => l.includes('expires');
    expect(lines(dir).filter(own)).toEqual([
      `case/${RELIEF}:20:96 spec.waivers[0].expires: waiver of MLPS-DATA-003 expires on 9999-12-31, more than 365 days after today (2026-11-23, Beijing time): a waiver is temporary; set an expiry no later than 2027-11-23 and renew it with a new approval`,
    ]);
    expect(lines(dir, 'zh').filter(own)).toEqual([
      `case/${RELIEF}:20:96 spec.waivers[0].expires: MLPS-DATA-003 的豁免截止日期 9999-12-31 距今天（2026-11-23，北京时间）超过 365 天：豁免只能是临时的；请将截止日期设为不晚于 2027-11-23，到期后重新审批`,
    ]);
  });

  it('accepts a year from today and refuses a day more', () => {
    const codes = (dir: string) => validateEnvironment(dir, { rules: RULES, today: TODAY }).issues.map((i) => i.code);
    expect(codes(waiver('2027-11-23'))).not.toContain('waiver.tooLong');
    expect(codes(waiver('2027-11-24'))).toContain('waiver.tooLong');
  });
});

describe('approval dates', () => {
  it('refuses an approval dated 1900', () => {
    const dir = edited(RELIEF, 'approvedOn: 2026-10-01', 'approvedOn: 1900-01-01');
    expect(lines(dir)).toEqual([
      `case/${RELIEF}:9:46 metadata.approval.approvedOn: approval date 1900-01-01 is before 2015-01-01, before any joint project review (项目联审) of this cloud: check the 项目联审 reply for the date it was approved`,
    ]);
    expect(lines(dir, 'zh')).toEqual([
      `case/${RELIEF}:9:46 metadata.approval.approvedOn: 批复日期 1900-01-01 早于 2015-01-01，早于本政务云的任何项目联审：请按项目联审批复核对批复日期`,
    ]);
  });

  it('accepts 2015-01-01 and refuses the day before', () => {
    expect(lines(edited(RELIEF, 'approvedOn: 2026-10-01', 'approvedOn: 2015-01-01'))).toEqual([]);
    expect(lines(edited(RELIEF, 'approvedOn: 2026-10-01', 'approvedOn: 2014-12-31'))).toHaveLength(1);
  });
});

describe('platform images and charts', () => {
  it.each(['LATEST', 'Latest', 'stable', 'Nightly'])('refuses the moving tag %s', (tag) => {
    const dir = edited('platform.yaml', 'tag: "5.7"', `tag: ${tag}`);
    expect(lines(dir)).toEqual([
      `case/platform.yaml:68:87 spec.images.egressGateway.tag: tag "${tag}" of image egressGateway moves to new content (refused in any case: latest, stable, edge, nightly, main, master, dev, head, current); give a version tag such as 5.7 or v1.16.1, or a digest (sha256:…)`,
    ]);
    expect(lines(dir, 'zh')[0]).toContain(`镜像 egressGateway 的标签 "${tag}" 会指向新的内容`);
  });

  it('accepts a version tag that merely contains a moving word', () => {
    expect(lines(edited('platform.yaml', 'tag: "5.7"', 'tag: 5.7-stable'))).toEqual([]);
  });

  it.each(['charts/../charts/govcloud-baseline', 'oci://registry.test.gov.cn/../../evil/x', 'oci://registry.test.gov.cn/./x', '/etc/charts/x'])(
    'refuses %s as a chart source, saying what is allowed',
    (repo) => {
      const dir = edited('platform.yaml', 'repository: charts/govcloud-baseline', `repository: "${repo}"`);
      expect(lines(dir)).toEqual([
        `case/platform.yaml:72:29 spec.charts.baseline.repository: value "${repo}" is not a valid chart source (charts/<name> (a chart of this project) or oci://<registry>/<path>; no '.' or '..' part, no absolute path)`,
      ]);
      expect(lines(dir, 'zh')).toEqual([
        `case/platform.yaml:72:29 spec.charts.baseline.repository: 取值 "${repo}" 不是有效的Chart 来源（charts/<名称>（本项目的 Chart）或 oci://<仓库>/<路径>；不得含“.”或“..”路径段，不得为绝对路径）`,
      ]);
    },
  );
});

describe('request files whose extension is not lower-case .yaml or .yml', () => {
  it.each(['relief.YAML', 'relief.Yaml', 'relief.YML'])('refuse %s at the file, asking for .yaml', (name) => {
    const dir = caseEnv(undefined);
    fs.renameSync(path.join(dir, RELIEF), path.join(dir, 'tenants', 'north', name));
    expect(lines(dir)).toEqual([
      `case/tenants/north/${name}:1:1 ${name} is not read as a request: request files end in .yaml (or .yml) in lower case; rename it to relief.yaml`,
    ]);
    expect(lines(dir, 'zh')).toEqual([
      `case/tenants/north/${name}:1:1 ${name} 不会作为申请文件读取：申请文件的扩展名应为小写的 .yaml（或 .yml）；请重命名为 relief.yaml`,
    ]);
  });

  it('still read .yml', () => {
    const dir = caseEnv(undefined);
    fs.renameSync(path.join(dir, RELIEF), path.join(dir, 'tenants', 'north', 'relief.yml'));
    const result = validateEnvironment(dir, { rules: RULES, today: TODAY });
    expect(result.issues).toEqual([]);
    expect(result.model?.tenants.map((t) => t.name)).toContain('relief');
  });
});

describe('hand-written Terraform JSON that is not UTF-8', () => {
  it('is named as such at the first byte that is not UTF-8, not read with replacement characters', () => {
    const file = path.join(tmpDir('gbk'), 'extra.tf.json');
    // {"locals": {"city": "衡山"}} saved as GBK
    fs.writeFileSync(file, Buffer.concat([Buffer.from('{\n  "locals": { "city": "'), Buffer.from([0xba, 0xe2, 0xc9, 0xbd]), Buffer.from('" }\n}\n')]));
    const read = readJsonFile(file, 'overrides/x/extra.tf.json');
    expect(read.issues.map((i) => formatIssue(i, 'en'))).toEqual([
      'overrides/x/extra.tf.json:2:24 the file is not UTF-8: byte 0xBA here is not valid UTF-8 (saved as GBK or Latin-1?); save the file as UTF-8',
    ]);
    expect(read.data).toBeUndefined();
  });
});
