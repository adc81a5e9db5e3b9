// validate.mjs — checks every response the integration tests recorded
// (BROADSHEET_RECORD_RESPONSES, tests/support/response_recorder.h) against the OpenAPI document,
// with ajv (JSON Schema 2020-12) and ajv-formats: the operation is found by path template, the
// response by status (or default), the schema by content type (HEAD: the GET's, without a body).
// Fails on a response that matches no operation or breaks its schema, on a 2xx answer to
// parameters the document says are invalid, and on an operation no response exercised.
// Usage: node validate.mjs <openapi.json> <responses.jsonl>
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isDeepStrictEqual } from 'node:util';

// ajv lives with the other npm test tools in tests/browser/node_modules (npm ci there).
const require = createRequire(new URL('../browser/package.json', import.meta.url));
let Ajv2020, addFormats;
try {
  Ajv2020 = require('ajv/dist/2020').default;
  addFormats = require('ajv-formats').default;
} catch (error) {
  console.error(`${error.message}\nInstall the npm test tools: scripts/install-deps.sh --test`);
  process.exit(2);
}

const [documentFile, responsesFile] = process.argv.slice(2);
if (!documentFile || !responsesFile) {
  console.error('usage: node validate.mjs <openapi.json> <responses.jsonl>');
  process.exit(2);
}
const document = JSON.parse(readFileSync(documentFile, 'utf8'));
const records = readFileSync(responsesFile, 'utf8')
  .split('\n')
  .filter((line) => line !== '')
  .map((line) => JSON.parse(line));

// Schemas refer to each other as #/components/schemas/X; ajv gets them all under one $id.
const BASE = 'https://broadsheet.invalid/openapi.json';
function absoluteRefs(value) {
  if (Array.isArray(value)) return value.map(absoluteRefs);
  if (value === null || typeof value !== 'object') return value;
  const out = {};
  for (const [key, inner] of Object.entries(value)) {
    out[key] =
      key === '$ref' && typeof inner === 'string' && inner.startsWith('#/components/schemas/')
        ? BASE + inner.replace('#/components/schemas/', '#/$defs/')
        : absoluteRefs(inner);
  }
  return out;
}
const ajv = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true });
addFormats(ajv);
ajv.addSchema({ $id: BASE, $defs: absoluteRefs(document.components?.schemas ?? {}) });

const compiled = new Map();
function validatorFor(schema) {
  if (!compiled.has(schema)) compiled.set(schema, ajv.compile(absoluteRefs(schema)));
  return compiled.get(schema);
}

// An OpenAPI object that may be a $ref into components (responses, parameters).
function resolve(object) {
  if (!object?.$ref) return object;
  const path = object.$ref.replace(/^#\//, '').split('/');
  return path.reduce((node, key) => node?.[key.replace(/~1/g, '/').replace(/~0/g, '~')], document);
}

// Path templates as anchored regular expressions; a template parameter is one segment.
const operations = [];
for (const [template, item] of Object.entries(document.paths)) {
  const pattern = template
    .split(/(\{[^}]+\})/)
    .map((part) =>
      part.startsWith('{') ? '([^/]+)' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
    )
    .join('');
  for (const [method, operation] of Object.entries(item)) {
    operations.push({
      name: `${method.toUpperCase()} ${template}`,
      template,
      method: method.toUpperCase(),
      regex: new RegExp(`^${pattern}$`),
      operation,
    });
  }
}

// A path segment percent-decoded as the server decodes it; left as it is when malformed.
function decoded(segment) {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

// The operation and its path parameters (decoded) for a request; HEAD is answered as GET.
function findOperation(method, path) {
  // The server answers /api/ as /api.
  const effective = path === '/api/' ? '/api' : path;
  const wanted = method === 'HEAD' ? 'GET' : method;
  for (const candidate of operations) {
    if (candidate.method !== wanted) continue;
    const match = candidate.regex.exec(effective);
    if (match) return { ...candidate, pathValues: match.slice(1).map(decoded) };
  }
  return undefined;
}

function isJsonMediaType(type) {
  const essence = type.split(';')[0].trim();
  return essence === 'application/json' || essence.endsWith('+json');
}

function explain(validate, dataVar = 'body') {
  return ajv.errorsText(validate.errors, { dataVar });
}

// The problems of `body` as the media type object `media` describes it.
function checkBody(media, contentType, body) {
  const problems = [];
  let data = body;
  if (isJsonMediaType(contentType)) {
    try {
      data = JSON.parse(body);
    } catch (error) {
      return [`body is not JSON: ${error.message}`];
    }
  }
  if (media.schema) {
    const validate = validatorFor(media.schema);
    if (!validate(data)) problems.push(explain(validate));
  }
  if (media['x-line-schema']) {
    const validate = validatorFor(media['x-line-schema']);
    body.split('\n').forEach((line, index) => {
      if (line === '') return;
      let row;
      try {
        row = JSON.parse(line);
      } catch (error) {
        problems.push(`line ${index + 1} is not JSON: ${error.message}`);
        return;
      }
      if (!validate(row)) problems.push(`line ${index + 1}: ${explain(validate)}`);
    });
  }
  return problems;
}

// A query value as the parameter's schema types it ("20" is an integer, repeats an array).
function typed(schema, values) {
  const scalar = (text) => {
    if ((schema.type === 'integer' || schema.type === 'number') && /^[0-9]+(\.[0-9]+)?$/.test(text))
      return Number(text);
    return text;
  };
  if (schema.type === 'array') return values;
  return values.length === 1 ? scalar(values[0]) : values;
}

// Documented parameters whose values the document calls invalid (for a 2xx answer: drift).
// An exact repeat of a value counts once, as the server's HTTP layer drops it.
function checkParameters(found, query) {
  const problems = [];
  const pathNames = [...found.template.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]);
  for (const parameter of (found.operation.parameters ?? []).map(resolve)) {
    const values =
      parameter.in === 'path'
        ? [found.pathValues[pathNames.indexOf(parameter.name)]]
        : [...new Set(query.getAll(parameter.name))].filter((value) => value !== '');
    if (values.length === 0) continue;
    const validate = validatorFor(parameter.schema);
    if (!validate(typed(parameter.schema, values)))
      problems.push(`2xx despite ${explain(validate, parameter.name)} (${values.join(',')})`);
  }
  return problems;
}

const failures = [];

// Rules of OpenAPI 3.1 on the document itself that compiling its schemas does not check: every
// $ref resolves, path templates and path parameters agree, parameters are unique per operation,
// operationIds are unique.
function checkDocument() {
  const walk = (value, where) => {
    if (value === null || typeof value !== 'object') return;
    if (typeof value.$ref === 'string') {
      const target = value.$ref.startsWith('#/') ? resolve(value) : undefined;
      if (target === undefined)
        failures.push(`document: ${where}: $ref ${value.$ref} resolves to nothing`);
    }
    for (const [key, inner] of Object.entries(value)) walk(inner, `${where}/${key}`);
  };
  walk(document, '#');
  if (failures.length > 0) return;
  const operationIds = new Set();
  for (const { name, template, operation } of operations) {
    if (operationIds.has(operation.operationId))
      failures.push(`document: ${name}: operationId ${operation.operationId} repeats`);
    operationIds.add(operation.operationId);
    const parameters = (operation.parameters ?? []).map(resolve);
    const keys = parameters.map((parameter) => `${parameter.in} ${parameter.name}`);
    if (new Set(keys).size !== keys.length) failures.push(`document: ${name}: a parameter repeats`);
    const inTemplate = [...template.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]).sort();
    const declared = parameters.filter((parameter) => parameter.in === 'path');
    const declaredNames = declared.map((parameter) => parameter.name).sort();
    if (JSON.stringify(declaredNames) !== JSON.stringify(inTemplate))
      failures.push(`document: ${name}: path parameters do not match the template`);
    if (declared.some((parameter) => parameter.required !== true))
      failures.push(`document: ${name}: a path parameter is not required: true`);
  }
}
checkDocument();
if (failures.length > 0) {
  // A broken document makes every response check meaningless.
  for (const failure of failures) console.error(`FAIL ${failure}`);
  process.exit(1);
}

const counts = new Map();
// "GET /api/suggest 200 application/json": which documented answers some response exercised.
const exercised = new Set();
function count(name, status) {
  if (!counts.has(name)) counts.set(name, new Map());
  const byStatus = counts.get(name);
  byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
}

const errorSchema = { $ref: '#/components/schemas/Error' };
const notFound = resolve({ $ref: '#/components/responses/NotFound' });
const methodNotAllowed = {
  allOf: [
    errorSchema,
    {
      type: 'object',
      properties: {
        error: {
          type: 'object',
          properties: { code: { type: 'string', const: 'method_not_allowed' } },
        },
      },
    },
  ],
};

for (const record of records) {
  const [path, queryText = ''] = record.path.split(/\?(.*)/s);
  const where = `${record.method} ${record.path.slice(0, 200)} → ${record.status}`;
  const fail = (problems) => problems.forEach((problem) => failures.push(`${where}: ${problem}`));
  if (!(path === '/api' || path.startsWith('/api/'))) {
    // Static files are outside the API; their errors are still the API's error shape.
    count('(static files, outside the document)', record.status);
    if (record.status >= 400)
      fail(checkBody({ schema: errorSchema }, record.content_type, record.body));
    continue;
  }
  if (record.method !== 'GET' && record.method !== 'HEAD') {
    // Every endpoint is GET and HEAD only: anything else is 405 method_not_allowed.
    count(`(${record.method}, not allowed)`, record.status);
    if (record.status !== 405) fail(['a method other than GET or HEAD is not answered 405']);
    else fail(checkBody({ schema: methodNotAllowed }, record.content_type, record.body));
    continue;
  }
  const found = findOperation(record.method, path);
  if (!found) {
    // Under /api/ but no endpoint: must be the documented 404.
    count('(no such endpoint)', record.status);
    if (record.status !== 404) fail(['no operation matches and the status is not 404']);
    else fail(checkBody(notFound.content['application/json'], record.content_type, record.body));
    continue;
  }
  count(record.method === 'HEAD' ? `HEAD ${found.template}` : found.name, record.status);
  const responses = found.operation.responses;
  const response = resolve(responses[String(record.status)] ?? responses.default);
  if (!response) {
    fail([`${found.name} documents no ${record.status} response`]);
    continue;
  }
  const media = response.content?.[record.content_type];
  exercised.add(`${found.name} ${record.status} ${record.content_type}`);
  if (!media) {
    fail([`${found.name} ${record.status} documents no content type "${record.content_type}"`]);
    continue;
  }
  // A HEAD answer is the GET's status and headers without the body.
  if (record.method === 'HEAD') {
    if (record.body !== '') fail(['HEAD answered with a body']);
  } else {
    fail(checkBody(media, record.content_type, record.body));
  }
  if (record.status >= 200 && record.status < 300)
    fail(checkParameters(found, new URLSearchParams(queryText)));
  if (found.name === 'GET /api/openapi.json' && record.status === 200 &&
      !isDeepStrictEqual(JSON.parse(record.body), document))
    fail(['the served document differs from docs/openapi.yaml']);
}

// Every success of every operation, in each of its content types, was seen at least once, and
// so were the common errors.
for (const { name, operation } of operations) {
  for (const [status, response] of Object.entries(operation.responses)) {
    if (!/^2[0-9][0-9]$/.test(status)) continue;
    for (const contentType of Object.keys(resolve(response).content ?? {})) {
      if (!exercised.has(`${name} ${status} ${contentType}`))
        failures.push(`${name}: no ${status} ${contentType} recorded (add a request to an ` +
          'integration test)');
    }
  }
}
const allStatuses = [...counts.values()].flatMap((byStatus) => [...byStatus.keys()]);
for (const status of [400, 404, 405, 414])
  if (!allStatuses.includes(status)) failures.push(`no ${status} response was recorded`);

for (const [name, byStatus] of [...counts.entries()].sort()) {
  const detail = [...byStatus.entries()]
    .sort(([a], [b]) => a - b)
    .map(([status, n]) => `${status}×${n}`)
    .join(' ');
  console.log(`${name}: ${detail}`);
}
console.log(`${records.length} responses, ${failures.length} failures`);
for (const failure of failures) console.error(`FAIL ${failure}`);
process.exit(failures.length === 0 && records.length > 0 ? 0 : 1);
