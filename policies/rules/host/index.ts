/** The HOST rules, in id order. */
import { Rule } from '../../types';
import { rule as host001 } from './host-001-pod-security-label';
import { rule as host002 } from './host-002-no-privileged';
import { rule as host003 } from './host-003-no-host-namespaces';
import { rule as host004 } from './host-004-non-root';
import { rule as host005 } from './host-005-read-only-root';
import { rule as host006 } from './host-006-resource-limits';
import { rule as host007 } from './host-007-allowed-registries';
import { rule as host008 } from './host-008-immutable-tags';
import { rule as host009 } from './host-009-no-escalation';
import { rule as host010 } from './host-010-no-host-path';
import { rule as host011 } from './host-011-seccomp';
import { rule as host012 } from './host-012-probes';
import { rule as host013 } from './host-013-resource-requests';
import { rule as host014 } from './host-014-pull-policy';
import { rule as host015 } from './host-015-no-secret-env';
import { rule as host016 } from './host-016-image-digests';

export const HOST_RULES: readonly Rule[] = [
  host001,
  host002,
  host003,
  host004,
  host005,
  host006,
  host007,
  host008,
  host009,
  host010,
  host011,
  host012,
  host013,
  host014,
  host015,
  host016,
];
