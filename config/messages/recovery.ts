/** Bilingual messages of the recovery targets (RPO / RTO per DR tier, platform.yaml spec.recovery). */
import type { Bilingual } from '../vocabulary';

export const recoveryMessages = {
  'schema.duration': {
    en: 'value {value} is not a duration: write a whole number (at least 1) and one unit, such as 15m, 1h or 2d (units: m minutes, h hours, d days)',
    zh: '取值 {value} 不是有效的时长：请写一个整数（至少为 1）和一个单位，如 15m、1h 或 2d（单位：m 分钟、h 小时、d 天）',
  },
  'recovery.rpoUnmet': {
    en: 'tier {tier} promises an RPO of {rpo}, but its most frequent backups (to the {role} site, cron "{schedule}") can be {interval} apart, so up to {interval} of data can be lost; set rpo to at least {interval}',
    zh: '灾备等级 {tier} 的恢复点目标（RPO）为 {rpo}，但其最频繁的备份（至{role_zh}站点，cron "{schedule}"）两次之间最长相隔 {interval}，最多可能丢失 {interval} 的数据；请将 rpo 设为不少于 {interval}',
  },
  'recovery.noCadence': {
    en: 'tier {tier} has no backup Schedule whose cron can be read, so its RPO {rpo} cannot be judged',
    zh: '灾备等级 {tier} 没有可解析的备份 cron，无法判断其恢复点目标 {rpo}',
  },
} satisfies Record<string, Bilingual>;
