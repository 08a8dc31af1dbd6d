/** The DATA rules, in id order. */
import { Rule } from '../../types';
import { rule as data001 } from './data-001-backup-exists';
import { rule as data002 } from './data-002-off-site';
import { rule as data003 } from './data-003-real-time-hot';
import { rule as data004 } from './data-004-remote-dr-centre';
import { rule as data005 } from './data-005-backups-in-declared-sites';
import { rule as data006 } from './data-006-no-plaintext-secrets';
import { rule as data007 } from './data-007-backup-retention';
import { rule as data008 } from './data-008-own-backup-prefix';
import { rule as data009 } from './data-009-dr-reads-read-only';
import { rule as data010 } from './data-010-restore-drill';

export const DATA_RULES: readonly Rule[] = [data001, data002, data003, data004, data005, data006, data007, data008, data009, data010];
