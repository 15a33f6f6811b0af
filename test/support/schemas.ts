/**
 * Request schemas compiled straight from openapi.yaml with a fresh ajv: an oracle for fuzzing
 * that does not share the handlers' precompiled validators.
 */
import { Ajv } from 'ajv';
import { DEFINITIONS_ID, loadSpec, rewriteRefs } from '../../src/openapi.js';

const spec = loadSpec();
const ajv = new Ajv({ strict: false });
ajv.addSchema({ $id: DEFINITIONS_ID, definitions: rewriteRefs(spec.components.schemas) });

const compile = (schema: object | undefined) => ajv.compile(rewriteRefs(schema ?? {}));
const parameter = (name: string) => compile(spec.components.parameters[name]?.schema);

/** components/schemas/TaskCreate */
export const isTaskCreate = compile(spec.components.schemas.TaskCreate);
/** components/schemas/TaskUpdate */
export const isTaskUpdate = compile(spec.components.schemas.TaskUpdate);
/** components/schemas/TaskId */
export const isTaskId = compile(spec.components.schemas.TaskId);
/** components/parameters/IdempotencyKeyHeader */
export const isIdempotencyKey = parameter('IdempotencyKeyHeader');
/** components/parameters/IfMatchHeader */
export const isIfMatch = parameter('IfMatchHeader');
/** components/parameters/TaskCursorQuery */
export const isCursorParam = parameter('TaskCursorQuery');
