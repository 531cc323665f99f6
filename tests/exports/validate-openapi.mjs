// Validates the OpenAPI document given on stdin with @seriousme/openapi-schema-validator (an ES
// module, which Jest's CommonJS runtime cannot load): prints {"valid", "errors", "version"}.
import { Validator } from "@seriousme/openapi-schema-validator";

let text = "";
for await (const chunk of process.stdin) text += chunk;
const validator = new Validator();
const result = await validator.validate(JSON.parse(text));
process.stdout.write(JSON.stringify({ valid: result.valid, errors: result.errors ?? null, version: validator.version }));
