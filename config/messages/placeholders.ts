/** Bilingual messages for what the scaffold leaves to fill in (config/checks/placeholders.ts). */
export const placeholderMessages = {
  'placeholder.field': {
    en: '{value} is the placeholder `govcloud new tenant` writes: fill in {what} before the request is reviewed',
    zh: '{value} 是 `govcloud new tenant` 写入的占位内容：提交审核前请填写{what_zh}',
  },
  'placeholder.department': {
    en: 'department {value} is the tenant name, which `govcloud new tenant` writes when no --department is given: give the code of the department that owns the system (e.g. civil-affairs)',
    zh: '部门 {value} 与租户名称相同，这是 `govcloud new tenant` 未给出 --department 时写入的默认值：请填写系统所属部门的代码（如 civil-affairs）',
  },
} as const;
