/**
 * The canonical content hash of a submission: SHA-256 of the JSON of the order-free submission
 * (orderFreeSubmission in src/domain/submission.ts) with object keys sorted and undefined members
 * dropped. Only the server hashes; the phone reads the hash back from the result. This module
 * writes that text fast (a general canonical JSON writer was a sixth of the CPU of a submission)
 * and hashes it with node:crypto; test/server/content-hash.test.ts proves on generated submissions
 * that it equals the plain reference (test/support/submission-hash.ts), so stored hashes stay valid.
 *
 * How: a parsed submission holds only the members SubmissionSchema declares (zod drops the rest),
 * so the members of each object can be listed once, sorted, from the schema, and written in that
 * order; leaves are written by JSON.stringify, as canonicalJson writes them (it also escapes lone
 * surrogates, so the UTF-8 bytes hashed are the same). A schema member this cannot list (a record,
 * a transform…) makes the module throw at start-up rather than hash part of the content.
 */
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { orderFreeSubmission, SubmissionSchema, type Submission } from '../../domain/submission';

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  options?: z.ZodType[];
}

type Plan =
  { kind: 'leaf' } | { kind: 'array'; item: Plan } | { kind: 'object'; members: { key: string; label: string; plan: Plan }[] };

const LEAVES = new Set(['string', 'number', 'int', 'boolean', 'null', 'literal', 'enum']);
const LEAF: Plan = { kind: 'leaf' };

function planOf(schema: z.ZodType): Plan {
  const def = schema.def as unknown as Def;
  if (LEAVES.has(def.type)) return LEAF;
  if ((def.type === 'optional' || def.type === 'nullable') && def.innerType) return planOf(def.innerType);
  if (def.type === 'array' && def.element) return { kind: 'array', item: planOf(def.element) };
  if (def.type === 'union' && (def.options ?? []).every((o) => planOf(o) === LEAF)) return LEAF;
  // A union of objects (an indicator value): written with the sorted union of their members, as
  // canonicalJson writes whichever object it is (absent members are skipped either way).
  if (def.type === 'union' && (def.options ?? []).every((o) => (o.def as unknown as Def).type === 'object')) {
    const shape = Object.assign({}, ...(def.options ?? []).map((o) => (o.def as unknown as Def).shape)) as Record<
      string,
      z.ZodType
    >;
    return planOf({ def: { type: 'object', shape } } as unknown as z.ZodType);
  }
  if (def.type === 'object' && def.shape) {
    // Sorted as canonicalJson sorts keys (UTF-16 code units, also Array.prototype.sort's default).
    const keys = Object.keys(def.shape).sort();
    return {
      kind: 'object',
      members: keys.map((key) => ({ key, label: `${JSON.stringify(key)}:`, plan: planOf(def.shape?.[key] as z.ZodType) })),
    };
  }
  throw new Error(`content hash: cannot write a "${def.type}" member of SubmissionSchema canonically`);
}

const PLAN = planOf(SubmissionSchema);

// A string JSON.stringify would write as it is between quotes: no quote, backslash, control
// character or surrogate (which it escapes when lone). Most submission text is such a string.
// eslint-disable-next-line no-control-regex -- control characters are exactly what JSON escapes
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

/** JSON.stringify of a leaf, without its call for the common plain string, number and null. */
function leaf(value: unknown): string {
  if (typeof value === 'string') return NEEDS_ESCAPE.test(value) ? JSON.stringify(value) : `"${value}"`;
  if (value === null) return 'null';
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return JSON.stringify(value) ?? 'null';
}

function write(value: unknown, plan: Plan): string {
  if (plan.kind === 'leaf' || value === null || typeof value !== 'object') return leaf(value);
  if (plan.kind === 'array') {
    const items = value as unknown[];
    let out = '[';
    for (let i = 0; i < items.length; i++)
      out += (i === 0 ? '' : ',') + (items[i] === undefined ? 'null' : write(items[i], plan.item));
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  let out = '{';
  for (const member of plan.members) {
    const v = record[member.key];
    if (v === undefined) continue;
    out += (out.length === 1 ? '' : ',') + member.label + write(v, member.plan);
  }
  return `${out}}`;
}

/** The canonical text the domain hashes (canonicalJson of the order-free submission). */
export function canonicalSubmissionText(payload: Submission): string {
  return write(orderFreeSubmission(payload), PLAN);
}

export function contentHash(payload: Submission): string {
  return createHash('sha256').update(canonicalSubmissionText(payload), 'utf8').digest('hex');
}
