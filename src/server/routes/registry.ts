/**
 * Declaring a route once gives three things: the Hono handler, its auth rule enforced before
 * the handler runs, and its entry in the OpenAPI document (see ../openapi.ts). Bodies and query
 * strings are parsed by the same zod schema that documents them.
 */
import type { Hono } from 'hono';
import type { z } from 'zod';
import { assertNotTeamDevice, enforceRule, type AuthRule } from '../auth/guards';
import { resolvePrincipal } from '../auth/principal';
import type { AppContext, AppDeps, AppEnv, Principal } from '../context';
import { ApiError, badRequest } from '../errors';
import { ANONYMOUS_BODY_BYTES, readBodyText } from '../request-body';

export type HttpMethod = 'get' | 'post' | 'put' | 'delete';

export interface ResponseDoc {
  description: string;
  schema?: z.ZodType;
  /** application/json unless given (text/csv, image/svg+xml…). */
  contentType?: string;
}

export interface RouteDef<B extends z.ZodType = z.ZodType, Q extends z.ZodType = z.ZodType> {
  method: HttpMethod;
  /** OpenAPI style, relative to /api/v1: "/assessments/{id}". */
  path: string;
  tag: string;
  summary: string;
  description?: string;
  auth: AuthRule;
  /**
   * Replaces the usual token lookup (resolvePrincipal) with the route's own, which must answer the
   * same principal: the submission route reads the stored assessment in the same round trip.
   */
  principalOf?: (c: AppContext) => Promise<Principal | undefined>;
  /** Open to a session whose password was reset and not yet changed (who am I, change it, sign out). */
  allowedBeforePasswordChange?: boolean;
  /** Open to a community team's phone besides `team` routes (who am I, revoke itself). Default: 403 team_device. */
  teamDevices?: boolean;
  body?: B;
  /**
   * Runs on the body's text before it is parsed: a response ends the request there (a replay
   * recognised by its bytes, services/known-bodies.ts); undefined goes on to parsing.
   */
  answerFromText?: (c: AppContext, text: string) => Promise<Response | undefined>;
  /** Replaces the default body parsing (e.g. to name components in problems). Throws ApiError. */
  parseBody?: (raw: unknown) => z.output<B>;
  query?: Q;
  /** A body the handler reads itself (an uploaded file): its media types, for the OpenAPI document. */
  rawBody?: { contentTypes: readonly string[]; description: string };
  responses: Record<number, ResponseDoc>;
}

export interface RouteInput<B, Q> {
  body: B;
  query: Q;
  /** The body's text as read (inflated), for a route with a body. */
  text: string;
}

type Handler<B, Q> = (c: AppContext, input: RouteInput<B, Q>) => Response | Promise<Response>;

export const API_PREFIX = '/api/v1';

export function issuesToProblems(error: z.ZodError): { code?: string; problem: string }[] {
  return error.issues.slice(0, 50).map((i) => ({ problem: `invalid ${i.path.join('.') || 'body'}: ${i.message}` }));
}

/**
 * U+0000 in a string or key, at any depth. Nobody types it, and PostgreSQL cannot store it in a
 * text column (the insert fails), so it is refused at the door on both databases alike.
 */
export function containsNul(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === 'string') {
      if (v.includes('\u0000')) return true;
    } else if (typeof v === 'object' && v !== null) {
      for (const [key, child] of Object.entries(v)) {
        if (key.includes('\u0000')) return true;
        stack.push(child);
      }
    }
  }
  return false;
}

async function readJsonText(c: AppContext, maxBytes: number): Promise<string> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/(.+\+)?json\b/i.test(type)) {
    throw new ApiError(415, 'unsupported_media_type', 'Send the body as application/json');
  }
  return readBodyText(c, maxBytes);
}

function parseJson(text: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch {
    throw badRequest('malformed_json', 'The body is not valid JSON');
  }
  // JSON can only carry U+0000 as the escape \u0000 (a raw NUL does not parse), so a body without
  // that text needs no walk; with it, the walk tells a NUL from an escaped backslash + "u0000".
  if (text.includes('\\u0000') && containsNul(value))
    throw badRequest('invalid_body', 'Text in the body must not contain the NUL character (U+0000)');
  return value;
}

export class ApiRoutes {
  readonly defs: RouteDef[] = [];

  constructor(
    private readonly app: Hono<AppEnv>,
    private readonly deps: AppDeps,
    private readonly maxBodyBytes: number,
  ) {}

  add<B extends z.ZodType = z.ZodUndefined, Q extends z.ZodType = z.ZodObject>(
    def: RouteDef<B, Q>,
    handler: Handler<z.output<B>, z.output<Q>>,
  ): void {
    this.defs.push(def as unknown as RouteDef);
    const honoPath = API_PREFIX + def.path.replace(/\{(\w+)\}/g, ':$1');
    this.app.on(def.method.toUpperCase(), honoPath, async (c) => {
      const principal = await (def.principalOf ? def.principalOf(c) : resolvePrincipal(c, this.deps));
      c.set('principal', principal);
      // First: a team phone is told it is a team phone, whatever the route's own rule would say.
      if (def.auth !== 'team' && def.auth !== 'public' && !def.teamDevices) assertNotTeamDevice(principal);
      enforceRule(def.auth, principal);
      if (principal?.kind === 'user' && principal.mustChangePassword && !def.allowedBeforePasswordChange) {
        throw new ApiError(403, 'password_change_required', 'Choose a new password first (it was reset by the administrator)');
      }
      if (Object.values(c.req.param() as Record<string, string>).some((v) => v.includes('\u0000'))) {
        throw badRequest('invalid_path', 'The path must not contain the NUL character (U+0000)');
      }
      let query: unknown = undefined;
      if (def.query) {
        const parsed = def.query.safeParse(c.req.query());
        if (!parsed.success)
          throw badRequest('invalid_query', 'Invalid query parameters', { problems: issuesToProblems(parsed.error) });
        query = parsed.data;
      }
      let body: unknown = undefined;
      let text = '';
      if (def.body) {
        // Anonymous callers get a small limit, checked before the body is read or parsed.
        text = await readJsonText(c, def.auth === 'public' ? ANONYMOUS_BODY_BYTES : this.maxBodyBytes);
        const early = await def.answerFromText?.(c, text);
        if (early) return early;
        const raw = parseJson(text);
        if (def.parseBody) body = def.parseBody(raw);
        else {
          const parsed = def.body.safeParse(raw);
          if (!parsed.success)
            throw badRequest('invalid_body', 'The body does not match the schema', { problems: issuesToProblems(parsed.error) });
          body = parsed.data;
        }
      }
      return handler(c, { body: body as z.output<B>, query: query as z.output<Q>, text });
    });
  }
}
