/** Bilingual messages of the graded-protection records (spec.mlps of a request, spec.records of platform.yaml; config/checks/mlps-records.ts). */
export const mlpsRecordMessages = {
  'records.filingNumber': {
    en: 'filing number {value} does not have the format platform.yaml sets (spec.records.filingNumber: {pattern}, e.g. 44010013001-21001): copy the number from the filing certificate (备案证明) the public security bureau issued',
    zh: '备案证明编号 {value} 不符合 platform.yaml 规定的格式（spec.records.filingNumber：{pattern}，如 44010013001-21001）：请按公安机关出具的备案证明填写编号',
  },
  'records.inFuture': {
    en: 'date {value} is after today ({today}, Beijing time): a record states what has happened; check the certificate or report for its date',
    zh: '日期 {value} 晚于今天（{today}，北京时间）：记录只填写已发生的事项；请按备案证明或报告核对日期',
  },
  'records.tooOld': {
    en: 'date {value} is before {earliest}, when the graded-protection rules (公通字〔2007〕43号) were issued: check the certificate or report for its date',
    zh: '日期 {value} 早于 {earliest}（《信息安全等级保护管理办法》公通字〔2007〕43号发布之日）：请按备案证明或报告核对日期',
  },
  'records.badPattern': {
    en: 'filing number format {value} is not a regular expression ({reason}): write one such as ^[0-9]{11}-[0-9]{5}$',
    zh: '备案证明编号格式 {value} 不是有效的正则表达式（{reason}）：请填写如 ^[0-9]{11}-[0-9]{5}$ 的表达式',
  },
} as const;
