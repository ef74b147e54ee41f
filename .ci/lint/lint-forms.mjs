#!/usr/bin/env node
// Validates Camunda Form files (*.form) for Camunda 8.8.
//   node lint-forms.mjs FILE...
// For each file:
//   1. it must be JSON;
//   2. it must match a JSON schema (ajv): the official @bpmn-io/form-json-schema if it is installed,
//      else this directory's form-schema.json (a project-written structural subset);
//   3. component keys and ids must be unique within the form, and form ids unique across the files;
//   4. Camunda Modeler's own form linter (@camunda/form-linting) must report no error for the form's
//      execution platform version (e.g. a field type that 8.8 does not support).
// Exit code 1 if any file has an error; warnings are printed but do not fail.
import { register, createRequire } from 'node:module';
import { readFileSync, existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

// @camunda/form-linting ships ES modules with extension-less imports; let Node resolve them.
register('./esm-extensionless-hooks.mjs', pathToFileURL(join(here, '/')));

const Ajv = require('ajv');
const { FormLinter } = await import('@camunda/form-linting');

function loadSchema() {
  try {
    const path = require.resolve('@bpmn-io/form-json-schema/resources/schema.json');
    return { schema: JSON.parse(readFileSync(path, 'utf8')), name: '@bpmn-io/form-json-schema (official)' };
  } catch {
    const path = join(here, 'form-schema.json');
    return { schema: JSON.parse(readFileSync(path, 'utf8')), name: '.ci/lint/form-schema.json (project subset)' };
  }
}

function* walk(components, trail = []) {
  for (const [index, component] of (Array.isArray(components) ? components : []).entries()) {
    if (component && typeof component === 'object') {
      yield { component, where: [...trail, `components[${index}]`].join('.') };
      yield* walk(component.components, [...trail, `components[${index}]`]);
    }
  }
}

const files = process.argv.slice(2);
if (files.length === 0) {
  console.log('lint-forms: no .form files given');
  process.exit(0);
}

const { schema, name: schemaName } = loadSchema();
const ajv = new Ajv({ allErrors: true, strict: false });
const validate = ajv.compile(schema);
const linter = new FormLinter();
const formIds = new Map();
let errors = 0;
let warnings = 0;

console.log(`lint-forms: ${files.length} form(s), schema ${schemaName}, linter @camunda/form-linting`);

for (const file of files) {
  const shown = relative(process.cwd(), file) || file;
  const problems = [];
  const report = (category, where, message) => problems.push({ category, where, message });

  let form;
  try {
    form = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    report('error', '', `not valid JSON: ${e.message}`);
  }

  if (form !== undefined) {
    if (!validate(form)) {
      for (const e of validate.errors) {
        if (e.keyword === 'if') continue; // the failing "then" branch is reported on its own
        const extra = e.params?.allowedValues ? ` (${e.params.allowedValues.join(', ')})` : '';
        report('error', e.instancePath || '/', `${e.message}${extra}`);
      }
    }

    if (form && typeof form === 'object' && typeof form.id === 'string') {
      if (formIds.has(form.id)) {
        report('error', '/id', `form id "${form.id}" is also used by ${formIds.get(form.id)}`);
      } else {
        formIds.set(form.id, shown);
      }
    }

    const keys = new Map();
    const ids = new Map();
    for (const { component, where } of walk(form?.components)) {
      if (typeof component.key === 'string') {
        if (keys.has(component.key)) report('error', where, `duplicate key "${component.key}" (also ${keys.get(component.key)})`);
        else keys.set(component.key, where);
      }
      if (typeof component.id === 'string') {
        if (ids.has(component.id)) report('error', where, `duplicate id "${component.id}" (also ${ids.get(component.id)})`);
        else ids.set(component.id, where);
      }
    }

    try {
      for (const r of await linter.lint(form)) {
        const category = r.category === 'error' ? 'error' : r.category === 'warn' ? 'warning' : r.category;
        if (category === 'info') continue;
        report(category, r.id || r.label || '', r.message);
      }
    } catch (e) {
      report('error', '', `form linter failed: ${e.message}`);
    }
  }

  const fileErrors = problems.filter(p => p.category === 'error').length;
  errors += fileErrors;
  warnings += problems.length - fileErrors;
  if (problems.length) {
    console.log(`\n${shown}`);
    for (const p of problems) console.log(`  ${p.category.padEnd(7)}  ${p.where}  ${p.message}`);
  }
}

console.log(`\nlint-forms: ${files.length} form(s) checked, ${errors} error(s), ${warnings} warning(s)`);
process.exit(errors ? 1 : 0);
