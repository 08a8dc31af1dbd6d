/** The NET rules, in id order. */
import { Rule } from '../../types';
import { rule as net001 } from './net-001-default-deny';
import { rule as net002 } from './net-002-no-allow-all';
import { rule as net003 } from './net-003-zone-labels';
import { rule as net004 } from './net-004-inter-zone-via-exchange';
import { rule as net005 } from './net-005-internet-via-egress';
import { rule as net006 } from './net-006-no-node-exposure';
import { rule as net007 } from './net-007-intranet-isolated';
import { rule as net008 } from './net-008-flow-ports';
import { rule as net009 } from './net-009-declared-inbound';
import { rule as net010 } from './net-010-declared-exposure';
import { rule as net011 } from './net-011-peers-by-pool';
import { rule as net012 } from './net-012-replica-flows';
import { rule as net013 } from './net-013-platform-default-deny';
import { rule as net014 } from './net-014-dns-pods-only';
import { rule as net015 } from './net-015-address-pool';
import { rule as net016 } from './net-016-egress-per-tenant';
import { rule as net017 } from './net-017-exposure-via-ingress';
import { rule as net018 } from './net-018-dr-egress';

export const NET_RULES: readonly Rule[] = [
  net001,
  net002,
  net003,
  net004,
  net005,
  net006,
  net007,
  net008,
  net009,
  net010,
  net011,
  net012,
  net013,
  net014,
  net015,
  net016,
  net017,
  net018,
];
