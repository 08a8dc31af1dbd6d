/** Bilingual messages: allow-lists with boundaries and stack names that cannot collide (see config/messages.ts). */
import type { Bilingual } from '../vocabulary';

export const allowlistMessages = {
  'stack.collision': {
    en: 'county {county} and department {department} make the stack name {value} on cluster {cluster}, and so do county {otherCounty} and department {otherDepartment} of {other}: a stack name joins county, department and cluster with "-", so both departments would share one Terraform state; change one department code (or county code) so that the joined names differ',
    zh: '县区 {county} 与部门 {department} 在集群 {cluster} 上的栈名为 {value}，与 {other} 中县区 {otherCounty}、部门 {otherDepartment} 的栈名相同：栈名以 "-" 连接县区、部门和集群，两个部门将共用同一份 Terraform 状态；请修改其中一个部门代码（或县区代码），使连接后的名称不同',
  },
} satisfies Record<string, Bilingual>;
