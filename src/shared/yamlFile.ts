import {
  isMap,
  isNode,
  isPair,
  isScalar,
  LineCounter,
  parseDocument,
  visit,
  type Document,
} from 'yaml';
import type { z } from 'zod';
import { BriefError, type ErrorCode } from './errors.js';
import { readUserTextFile } from './files.js';
import { closestMatch } from './suggest.js';

/** A parsed YAML file that can still say where each value came from. */
export interface LocatedYaml {
  file: string;
  data: unknown;
  /** line:column of the value at `path` (or of the closest parent that exists). */
  locate(path: readonly PropertyKey[]): { line: number; column: number };
  /** line:column of the key `key` inside the mapping at `path`. */
  locateKey(path: readonly PropertyKey[], key: string): { line: number; column: number };
}

/**
 * Read and parse a YAML file (UTF-8, at most 1 MB); `file` is how messages name it, `path`
 * where it is (default: file).
 */
export async function readYamlFile(
  file: string,
  code: ErrorCode = 'FILE_NOT_FOUND',
  path = file,
): Promise<LocatedYaml> {
  let text: string;
  try {
    text = await readUserTextFile(path, file);
  } catch (cause) {
    if (cause instanceof BriefError) throw cause;
    throw new BriefError(code, `cannot read ${file}`, {
      file,
      hint: 'check the path; it is resolved from the current folder',
      cause,
    });
  }
  return parseYaml(text, file);
}

export function parseYaml(text: string, file: string): LocatedYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const first = doc.errors[0];
  if (first !== undefined) {
    const at = lineCounter.linePos(first.pos[0]);
    throw new BriefError('YAML_SYNTAX', `YAML syntax error: ${firstLine(first.message)}`, {
      file,
      line: at.line,
      column: at.col,
      hint: yamlHint(first.code),
    });
  }
  const position = (offset: number) => {
    const at = lineCounter.linePos(offset);
    return { line: at.line, column: at.col };
  };
  return {
    file,
    data: toData(doc, file, position),
    locate: (path) => position(offsetOf(doc, path)),
    locateKey: (path, key) => {
      const parent = path.length === 0 ? doc.contents : doc.getIn(path as unknown[], true);
      if (isMap(parent)) {
        for (const pair of parent.items) {
          if (isPair(pair) && isScalar(pair.key) && pair.key.value === key && pair.key.range) {
            return position(pair.key.range[0]);
          }
        }
      }
      return position(offsetOf(doc, path));
    },
  };
}

/** Aliases that expand past this many nodes are a "billion laughs" bomb, not a brief. */
const MAX_ALIAS_COUNT = 100;

function toData(
  doc: Document,
  file: string,
  position: (offset: number) => { line: number; column: number },
): unknown {
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as unknown;
  } catch (cause) {
    if (!(cause instanceof ReferenceError)) throw cause;
    let at = 0;
    visit(doc, {
      Alias(_, node) {
        at = node.range?.[0] ?? 0;
        return visit.BREAK;
      },
    });
    throw new BriefError('YAML_SYNTAX', `YAML aliases expand too far (${cause.message})`, {
      file,
      ...position(at),
      hint: 'write the values out instead of repeating aliases (*name) of aliases',
      cause,
    });
  }
}

function offsetOf(doc: Document, path: readonly PropertyKey[]): number {
  for (let length = path.length; length >= 0; length--) {
    const node = length === 0 ? doc.contents : doc.getIn(path.slice(0, length) as unknown[], true);
    if (isNode(node) && node.range) return node.range[0];
  }
  return 0;
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}

function yamlHint(code: string): string {
  switch (code) {
    case 'DUPLICATE_KEY':
      return 'each key may appear once in a mapping';
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
      return 'check the indentation and that every "key: value" has its colon';
    default:
      return 'quote values that contain ":" or "#", and indent nested keys with spaces';
  }
}

/**
 * Validate parsed YAML against a zod schema; the first problem becomes a located BriefError.
 * `describe` turns a zod issue into the message and hint a user should read.
 */
export function validateYaml<T extends z.ZodType>(
  yaml: LocatedYaml,
  schema: T,
  code: ErrorCode,
): z.infer<T> {
  const result = schema.safeParse(yaml.data);
  if (result.success) return result.data as z.infer<T>;
  if (yaml.data === null || yaml.data === undefined) {
    throw new BriefError(code, 'the file is empty', {
      file: yaml.file,
      line: 1,
      column: 1,
      hint: 'see the README for the keys this file needs',
    });
  }
  const issue = mostSpecific(result.error.issues[0]);
  if (issue === undefined) throw new BriefError(code, 'invalid file', { file: yaml.file });
  const path = issue.path;
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? '';
    const at = yaml.locateKey(path, key);
    const allowed = allowedKeys(schema, path);
    throw new BriefError('BRIEF_UNKNOWN_KEY', `unknown key "${key}"${where(path)}`, {
      file: yaml.file,
      ...at,
      hint: allowed.length > 0 ? suggestKey(key, allowed) : 'remove it',
    });
  }
  const at = yaml.locate(path);
  throw new BriefError(code, `${issue.message}${where(path)}`, {
    file: yaml.file,
    ...at,
    hint: hintFor(issue),
  });
}

function where(path: readonly PropertyKey[]): string {
  return path.length === 0 ? '' : ` at "${path.map(String).join('.')}"`;
}

/**
 * "Invalid input" from a union (a theme is a name or an inline definition) says nothing;
 * the branch that got furthest into the value says what is wrong.
 */
function mostSpecific(issue: z.core.$ZodIssue | undefined): z.core.$ZodIssue | undefined {
  if (issue?.code !== 'invalid_union' || issue.errors.length === 0) return issue;
  const branches = issue.errors
    .map((branch) => branch[0])
    .filter((b): b is z.core.$ZodIssue => b !== undefined);
  const deepest = branches.sort((a, b) => b.path.length - a.path.length)[0];
  if (!deepest || deepest.path.length === 0) return issue;
  return mostSpecific({ ...deepest, path: [...issue.path, ...deepest.path] } as z.core.$ZodIssue);
}

function hintFor(issue: z.core.$ZodIssue): string | undefined {
  if (issue.code === 'invalid_value' && 'values' in issue) {
    return `valid values: ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  }
  if (issue.code === 'invalid_type') return `expected ${issue.expected}`;
  return undefined;
}

function suggestKey(key: string, allowed: string[]): string {
  const close = closestMatch(key, allowed);
  const list = `valid keys: ${allowed.join(', ')}`;
  return close === undefined ? list : `did you mean "${close}"? ${list}`;
}

/** The keys an object schema accepts at `path`, for "did you mean". */
function allowedKeys(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let current: unknown = schema;
  for (const step of path) {
    current = unwrap(current);
    const shape = shapeOf(current);
    if (shape && typeof step === 'string') current = shape[step];
    else if (typeof step === 'number') current = elementOf(unwrap(current));
    else return [];
  }
  const shape = shapeOf(unwrap(current));
  return shape ? Object.keys(shape) : [];
}

interface ZodLike {
  def?: { innerType?: unknown; element?: unknown; options?: unknown[]; in?: unknown };
  shape?: Record<string, unknown>;
}

function unwrap(schema: unknown): unknown {
  let current = schema as ZodLike | undefined;
  for (let i = 0; i < 10 && current?.def; i++) {
    if (current.def.innerType) current = current.def.innerType as ZodLike;
    else if (current.def.in) current = current.def.in as ZodLike;
    else if (current.def.options) {
      const object = current.def.options.find((o) => (o as ZodLike).shape !== undefined);
      if (!object) break;
      current = object as ZodLike;
    } else break;
  }
  return current;
}

function shapeOf(schema: unknown): Record<string, unknown> | undefined {
  return (schema as ZodLike | undefined)?.shape;
}

function elementOf(schema: unknown): unknown {
  return (schema as ZodLike | undefined)?.def?.element;
}
