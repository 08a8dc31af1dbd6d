/**
 * Stack names that cannot collide (issue 21): county and department are joined with "-", so two
 * county/department pairs that join to the same name would put two counties' tenants in one
 * Terraform state. validate refuses them at both files; the names of every other department — the
 * keys of deployed state — stay exactly as they were.
 */
import * as fs from 'fs';
import * as path from 'path';
import { validateEnvironment } from '../../config/validate';
import { formatIssue } from '../../config/issues';
import { planStacks } from '../../stacks/slices';
import { caseEnv, EXAMPLE_CITY } from '../helpers/env';

/** The base city with county `north-civil` and its request `aid` of department `affairs`: `north` + `civil-affairs` (relief) joins the same. */
function collidingCity(): string {
  const dir = caseEnv(undefined);
  const platform = path.join(dir, 'platform.yaml');
  fs.writeFileSync(
    platform,
    fs
      .readFileSync(platform, 'utf8')
      .replace('    - { code: south, name: 南区 }\n', '    - { code: south, name: 南区 }\n    - { code: north-civil, name: 北县民政片区 }\n'),
  );
  const relief = fs.readFileSync(path.join(dir, 'tenants', 'north', 'relief.yaml'), 'utf8');
  fs.mkdirSync(path.join(dir, 'tenants', 'north-civil'));
  fs.writeFileSync(
    path.join(dir, 'tenants', 'north-civil', 'aid.yaml'),
    relief.replace('name: relief', 'name: aid').replace('county: north', 'county: north-civil').replace('department: civil-affairs', 'department: affairs'),
  );
  return dir;
}

const shown = (dir: string, lang: 'en' | 'zh') =>
  validateEnvironment(dir)
    .issues.filter((i) => i.code === 'stack.collision')
    .map((i) =>
      formatIssue(i, lang)
        .split(path.dirname(dir) + path.sep)
        .join(''),
    );

describe('stack names that cannot collide', () => {
  it('refuses county north-civil + affairs beside north + civil-affairs (the hengshan-civil case of issue 21), at both files, each naming the other (English)', () => {
    const dir = collidingCity();
    expect(shown(dir, 'en')).toEqual([
      'case/tenants/north-civil/aid.yaml:6:15 metadata.department: county "north-civil" and department "affairs" make the stack name "dept-north-civil-affairs-ext-main" on cluster ext-main, and so do county "north" and department "civil-affairs" of case/tenants/north/relief.yaml:6:15: a stack name joins county, department and cluster with "-", so both departments would share one Terraform state; change one department code (or county code) so that the joined names differ',
      'case/tenants/north/relief.yaml:6:15 metadata.department: county "north" and department "civil-affairs" make the stack name "dept-north-civil-affairs-ext-main" on cluster ext-main, and so do county "north-civil" and department "affairs" of case/tenants/north-civil/aid.yaml:6:15: a stack name joins county, department and cluster with "-", so both departments would share one Terraform state; change one department code (or county code) so that the joined names differ',
    ]);
    expect(validateEnvironment(dir).model).toBeUndefined();
  });
  it('says the same in Chinese', () => {
    expect(shown(collidingCity(), 'zh')).toEqual([
      'case/tenants/north-civil/aid.yaml:6:15 metadata.department: 县区 "north-civil" 与部门 "affairs" 在集群 ext-main 上的栈名为 "dept-north-civil-affairs-ext-main"，与 case/tenants/north/relief.yaml:6:15 中县区 "north"、部门 "civil-affairs" 的栈名相同：栈名以 "-" 连接县区、部门和集群，两个部门将共用同一份 Terraform 状态；请修改其中一个部门代码（或县区代码），使连接后的名称不同',
      'case/tenants/north/relief.yaml:6:15 metadata.department: 县区 "north" 与部门 "civil-affairs" 在集群 ext-main 上的栈名为 "dept-north-civil-affairs-ext-main"，与 case/tenants/north-civil/aid.yaml:6:15 中县区 "north-civil"、部门 "affairs" 的栈名相同：栈名以 "-" 连接县区、部门和集群，两个部门将共用同一份 Terraform 状态；请修改其中一个部门代码（或县区代码），使连接后的名称不同',
    ]);
  });
  it('refuses the pair even when the two departments are on different clusters today (a move would merge their state)', () => {
    const dir = collidingCity();
    // aid moves to the intranet (cluster int-main), relief stays on ext-main
    const caseFiles = fs.readFileSync(path.join(dir, 'tenants', 'south', 'case-files.yaml'), 'utf8');
    fs.writeFileSync(
      path.join(dir, 'tenants', 'north-civil', 'aid.yaml'),
      caseFiles
        .replace('name: case-files', 'name: aid')
        .replace('county: south', 'county: north-civil')
        .replace('department: public-security', 'department: affairs'),
    );
    const r = validateEnvironment(dir);
    expect(r.issues.map((i) => [i.code, path.relative(dir, i.file)])).toEqual([
      ['stack.collision', path.join('tenants', 'north-civil', 'aid.yaml')],
      ['stack.collision', path.join('tenants', 'north', 'relief.yaml')],
    ]);
  });
  it('accepts two counties that share a department code, and the same department in one county across files', () => {
    expect(validateEnvironment(caseEnv(undefined)).issues).toEqual([]);
    const dir = caseEnv(undefined);
    const hub = path.join(dir, 'tenants', 'south', 'exchange-hub.yaml');
    fs.writeFileSync(hub, fs.readFileSync(hub, 'utf8').replace('department: big-data', 'department: civil-affairs'));
    expect(validateEnvironment(dir).issues.filter((i) => i.code === 'stack.collision')).toEqual([]);
  });
  it("keeps the example city's stack names byte for byte (they are the keys of deployed Terraform state)", () => {
    const model = validateEnvironment(EXAMPLE_CITY).model;
    expect(planStacks(model!).map((s) => s.name)).toEqual([
      'platform-ext-primary',
      'platform-ext-remote',
      'platform-ext-samecity',
      'platform-int-primary',
      'dept-baiyun-agriculture-ext-primary',
      'dept-baiyun-agriculture-ext-remote',
      'dept-baiyun-civil-affairs-ext-primary',
      'dept-baiyun-civil-affairs-ext-remote',
      'dept-baiyun-health-ext-primary',
      'dept-baiyun-health-ext-remote',
      'dept-baiyun-health-ext-samecity',
      'dept-city-big-data-ext-primary',
      'dept-city-big-data-ext-remote',
      'dept-city-big-data-ext-samecity',
      'dept-city-education-ext-primary',
      'dept-city-education-ext-remote',
      'dept-city-general-office-int-primary',
      'dept-city-government-service-ext-primary',
      'dept-city-government-service-ext-remote',
      'dept-city-government-service-ext-samecity',
      'dept-city-health-ext-primary',
      'dept-city-health-ext-remote',
      'dept-city-health-ext-samecity',
      'dept-city-market-regulation-ext-primary',
      'dept-city-market-regulation-ext-remote',
      'dept-city-market-regulation-ext-samecity',
      'dept-city-medical-insurance-ext-primary',
      'dept-city-medical-insurance-ext-remote',
      'dept-city-medical-insurance-ext-samecity',
      'dept-city-natural-resources-ext-primary',
      'dept-city-natural-resources-ext-remote',
      'dept-city-natural-resources-ext-samecity',
      'dept-city-public-security-int-primary',
      'dept-city-taxation-ext-primary',
      'dept-city-taxation-ext-remote',
      'dept-city-taxation-ext-samecity',
      'dept-city-transport-ext-primary',
      'dept-city-transport-ext-remote',
      'dept-hengshan-civil-affairs-ext-primary',
      'dept-hengshan-civil-affairs-ext-remote',
      'dept-hengshan-civil-affairs-ext-samecity',
      'dept-hengshan-government-service-ext-primary',
      'dept-hengshan-government-service-ext-remote',
      'dept-hengshan-government-service-ext-samecity',
      'dept-hengshan-human-resources-ext-primary',
      'dept-hengshan-human-resources-ext-remote',
      'dept-hengshan-human-resources-ext-samecity',
      'dept-linhai-emergency-management-ext-primary',
      'dept-linhai-emergency-management-ext-remote',
      'dept-linhai-emergency-management-ext-samecity',
      'dept-linhai-government-service-ext-primary',
      'dept-linhai-government-service-ext-remote',
      'dept-linhai-government-service-ext-samecity',
      'dept-qingshui-education-ext-primary',
      'dept-qingshui-education-ext-remote',
      'dept-qingshui-housing-ext-primary',
      'dept-qingshui-housing-ext-remote',
      'dept-qingshui-public-security-int-primary',
    ]);
  });
});
