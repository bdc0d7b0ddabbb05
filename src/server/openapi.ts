/**
 * The OpenAPI 3.1 document, generated from the same route definitions and zod schemas that
 * validate requests (routes/registry.ts), so it cannot drift from what the server does.
 */
import { z } from 'zod';
import type { AuthRule } from './auth/guards';
import type { RouteDef } from './routes/registry';
import { API_PREFIX } from './routes/registry';
import { ErrorSchema } from './schemas/common';

type JsonObject = Record<string, unknown>;

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonObject {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' });
  return rest;
}

const AUTH_TEXT: Record<AuthRule, string> = {
  public: 'No authentication.',
  admin: 'Admin session token.',
  reviewer: 'Reviewer or admin session token; a reviewer only for their own province.',
  device: "Device token from an enrollment; only for the device's own commune.",
  any: 'Session token or device token.',
  team: "Device token of a community team phone (role team); only for the device's own commune.",
};

function pathParameters(path: string): JsonObject[] {
  return [...path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({ name, in: 'path', required: true, schema: { type: 'string' } }));
}

function queryParameters(query: z.ZodType | undefined): JsonObject[] {
  if (!query) return [];
  const schema = jsonSchema(query, 'input') as { properties?: Record<string, JsonObject>; required?: string[] };
  return Object.entries(schema.properties ?? {}).map(([name, s]) => ({
    name,
    in: 'query',
    required: schema.required?.includes(name) ?? false,
    schema: s,
  }));
}

function errorResponse(description: string): JsonObject {
  return { description, content: { 'application/json': { schema: jsonSchema(ErrorSchema, 'output') } } };
}

function operation(def: RouteDef): JsonObject {
  const responses: Record<string, JsonObject> = {};
  for (const [status, doc] of Object.entries(def.responses)) {
    const contentType = doc.contentType ?? 'application/json';
    responses[status] = doc.schema
      ? { description: doc.description, content: { [contentType]: { schema: jsonSchema(doc.schema, 'output') } } }
      : contentType === 'application/json'
        ? { description: doc.description }
        : { description: doc.description, content: { [contentType]: { schema: { type: 'string' } } } };
  }
  if (def.body || def.query || def.rawBody) responses['400'] ??= errorResponse('Malformed or invalid request');
  if (def.auth !== 'public') {
    responses['401'] ??= errorResponse('Missing, expired or revoked token');
    responses['403'] ??= errorResponse('Authenticated but not allowed');
  }
  responses['500'] ??= errorResponse('Internal error (details are never returned)');
  return {
    tags: [def.tag],
    summary: def.summary,
    description: [def.description, `Auth: ${AUTH_TEXT[def.auth]}`].filter(Boolean).join('\n\n'),
    operationId: `${def.method}${def.path.replace(/\{(\w+)\}/g, 'By_$1').replace(/[^A-Za-z0-9]+(.)?/g, (_m, ch: string | undefined) => (ch ?? '').toUpperCase())}`,
    security: def.auth === 'public' ? [] : [{ bearer: [] }],
    parameters: [...pathParameters(def.path), ...queryParameters(def.query)],
    ...(def.body
      ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(def.body, 'input') } } } }
      : {}),
    ...(def.rawBody
      ? {
          requestBody: {
            required: true,
            description: def.rawBody.description,
            content: Object.fromEntries(def.rawBody.contentTypes.map((t) => [t, { schema: {} }])),
          },
        }
      : {}),
    responses,
  };
}

export function buildOpenApiDocument(defs: readonly RouteDef[], info: { version: string }): JsonObject {
  const paths: Record<string, Record<string, JsonObject>> = {};
  for (const def of defs) {
    const path = API_PREFIX + def.path;
    paths[path] = { ...paths[path], [def.method]: operation(def) };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Xã số sync API',
      version: info.version,
      description:
        'Sync and review API of Xã số. Errors are `{error: {code, message}}`. Submissions are idempotent per (assessment id, revision).',
    },
    servers: [{ url: '/' }],
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    paths,
  };
}
