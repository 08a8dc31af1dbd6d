/**
 * Where a finding points in a tenant's request file. Rules give a field path (`spec.dr.tier`,
 * `spec.flows[1].to`); this turns it into file:line:col when the report is built (policies/engine.ts),
 * so that the renderers only format. Each file is read once per `Positions` object (one per tenant
 * checked: nothing stays cached, and a long-running process never sees a stale file). A finding without a field, a field the file
 * does not hold, or an unreadable file points at line 1.
 */
import { SourceRef, Tenant, Waiver } from '../config/model';
import { fieldPath, locate, PathSegment, readYaml, SourceFile } from '../config/source';
import { diskSource } from '../config/files';
import { Evidence } from './types';

export interface FilePosition {
  readonly file: string;
  /** 1-based. */
  readonly line: number;
  /** 1-based, in UTF-16 code units (what JavaScript string offsets count). */
  readonly col: number;
}

/** `spec.flows[1].to` → ['spec', 'flows', 1, 'to']. Returns undefined for a malformed path. */
export function parseField(field: string): PathSegment[] | undefined {
  const path: PathSegment[] = (field.match(/[^.[\]]+|\[\d+\]/g) ?? []).map((t) => (t.startsWith('[') ? Number(t.slice(1, -1)) : t));
  // A well-formed path reads back the same (`a.b[0]`); `a..b`, `[0]a` or `a[x]` do not.
  return path.length > 0 && typeof path[0] === 'string' && fieldPath(path) === field ? path : undefined;
}

/** Whether the plain data holds every segment of the path. */
function holds(data: unknown, path: readonly PathSegment[]): boolean {
  let node: unknown = data;
  for (const seg of path) {
    if (typeof seg === 'number') {
      if (!Array.isArray(node) || seg >= node.length) return false;
      node = node[seg];
    } else {
      if (node === null || typeof node !== 'object' || Array.isArray(node) || !Object.prototype.hasOwnProperty.call(node, seg)) return false;
      node = (node as Record<string, unknown>)[seg];
    }
  }
  return true;
}

export class Positions {
  private readonly files = new Map<string, SourceFile | null>();

  /** `known`: a file whose positions validation recorded (the tenant's own), read from that record instead of the disk. */
  constructor(private readonly known?: SourceRef) {}

  private source(file: string): SourceFile | null {
    let src = this.files.get(file);
    if (src === undefined) {
      src = readYaml(file, 'TenantRequest', diskSource, { index: true }).source ?? null;
      this.files.set(file, src);
    }
    return src;
  }

  /** Position of a field the file holds; undefined without a field, for a field it lacks, or an unreadable file. */
  find(file: string, field: string | undefined): FilePosition | undefined {
    const path = field === undefined ? undefined : parseField(field);
    if (!path) return undefined;
    const index = this.known?.file === file ? this.known.index : undefined;
    if (index) {
      const offset = index.offset(path);
      return offset === undefined ? undefined : { file, ...index.linePos(offset) };
    }
    const src = this.source(file);
    if (!src || !holds(src.data, path)) return undefined;
    try {
      const p = locate(src, path);
      return { file, line: p.line, col: p.col };
    } catch {
      return undefined; // a file changed since it was validated: fall back to its top
    }
  }

  /** Position of a field of a file, or line 1. */
  field(file: string, field: string | undefined): FilePosition {
    return this.find(file, field) ?? { file, line: 1, col: 1 };
  }

  /** Position of a piece of evidence in the tenant's request file (line 1 without a field). */
  evidence(tenant: Tenant, e: Evidence): FilePosition {
    return this.field(tenant.source.file, e.field);
  }

  /** Where a finding is annotated: its first evidence field the file holds, else line 1. */
  finding(tenant: Tenant, evidence: readonly Evidence[]): FilePosition {
    for (const e of evidence) {
      const p = this.find(tenant.source.file, e.field);
      if (p) return p;
    }
    return { file: tenant.source.file, line: 1, col: 1 };
  }
}

/** Where a piece of evidence points: its recorded position, else the top of the tenant's file. */
export function evidencePosition(tenant: Tenant, e: Evidence): FilePosition {
  return e.at ?? { file: tenant.source.file, line: 1, col: 1 };
}

/** The waiver's place in the request file (its line is recorded when the file is read). */
export function waiverPosition(tenant: Tenant, waiver: Waiver): FilePosition {
  return { file: tenant.source.file, line: waiver.line, col: 1 };
}

export function formatPosition(p: FilePosition): string {
  return `${p.file}:${p.line}:${p.col}`;
}
