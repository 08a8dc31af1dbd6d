/** JSON Schemas for editors, generated from the zod schemas (the single source of truth). */
import { z } from 'zod';
import { platformSchema } from './schema/platform';
import { tenantRequestSchema } from './schema/tenant';
import { addressPoolsSchema } from './schema/address-pools';

export interface SchemaFile {
  readonly file: string;
  readonly text: string;
}

function generate(schema: z.ZodType, id: string, title: string): string {
  const json = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  const out = { $schema: json.$schema, $id: id, title, ...json };
  return `${JSON.stringify(out, null, 2)}\n`;
}

export function jsonSchemas(): SchemaFile[] {
  return [
    {
      file: 'platform.schema.json',
      text: generate(platformSchema, 'https://govcloud.example.gov.cn/schema/platform.schema.json', 'govcloud Platform (政务云平台)'),
    },
    {
      file: 'tenant-request.schema.json',
      text: generate(tenantRequestSchema, 'https://govcloud.example.gov.cn/schema/tenant-request.schema.json', 'govcloud TenantRequest (租户申请)'),
    },
    {
      file: 'address-pools.schema.json',
      text: generate(addressPoolsSchema, 'https://govcloud.example.gov.cn/schema/address-pools.schema.json', 'govcloud AddressPools (命名空间地址池)'),
    },
  ];
}
