#!/usr/bin/env node
// Checks Kubernetes manifests against the Kubernetes API's own schemas, without a cluster:
// every object through the validator that kubernetes-models (npm) compiles from the API's
// OpenAPI document (types, enums, required fields, formats: what `kubectl apply --validate`
// checks against a server), and every field name against the API's type declarations shipped
// in the same package (an unknown or misspelt field is an error, as with --validate=strict).
//
//   node check_manifests.js FILE.yaml...      exit 0 when every object is valid
//   node check_manifests.js --self-test FILE  also shows that broken copies of FILE fail
//
// Then the sample's own contract (docs/scale-out.md): an Indexed Job whose completions,
// parallelism and DOSSIER_SHARDS agree and whose pods run `dossier build --shard auto`.
"use strict";
const fs = require("fs");
const path = require("path");
const yaml = require("js-yaml");

const models = path.dirname(require.resolve("kubernetes-models/package.json"));
const MODELS = {
  "batch/v1 Job": "batch/v1/Job",
  "v1 PersistentVolumeClaim": "v1/PersistentVolumeClaim",
  "v1 ConfigMap": "v1/ConfigMap",
};

// A file of another package, nested under kubernetes-models or beside it (npm hoists).
function packageFile(spec) {
  for (const dir of [path.join(models, "node_modules"), path.dirname(models)]) {
    const file = path.join(dir, spec);
    if (fs.existsSync(file)) return file;
  }
  throw new Error(`${spec} not found beside kubernetes-models`);
}

// The fields of an API type from its declaration: {name: declaration file of its type or
// null}. Types are named like IIoK8sApiBatchV1JobSpec and imported from their own file.
const fieldsCache = new Map();
function fieldsOf(dts) {
  if (fieldsCache.has(dts)) return fieldsCache.get(dts);
  const text = fs.readFileSync(dts, "utf8");
  const imports = new Map();
  for (const m of text.matchAll(/import \{ (\w+) \} from "([^"]+)";/g)) imports.set(m[1], m[2]);
  const body = text.match(/export interface \w+(?: extends [\w, ]+)? \{\n([\s\S]*?)\n\}/);
  let fields = null;
  if (body) {
    fields = new Map();
    // One field per line at the first indentation; a map's value type is on the next lines.
    for (const m of body[1].matchAll(/^ {4}"([^"]+)"\??: ([^\n]*)((?:\n {8}[^\n]*)*)/gm)) {
      const type = (m[2] + m[3]).replace(/\s+/g, " ");
      const named = type.match(/(IIo\w+)/);
      let file = null;
      if (named && imports.has(named[1])) {
        const spec = imports.get(named[1]);
        file = spec.startsWith(".") ? path.join(path.dirname(dts), spec) + ".d.ts" : packageFile(spec + ".d.ts");
      }
      fields.set(m[1], { file, array: /^Array</.test(type), map: /^\{ \[key: string\]/.test(type) });
    }
  }
  fieldsCache.set(dts, fields);
  return fields;
}

// Field names of `value` not in the type declared in `dts`, as paths.
function unknownFields(value, dts, where, out) {
  const fields = dts && fieldsOf(dts);
  if (!fields || value === null || typeof value !== "object") return out;
  for (const [key, child] of Object.entries(value)) {
    const field = fields.get(key);
    if (!field) {
      out.push(`${where}/${key}: no such field (the fields here: ${[...fields.keys()].join(", ")})`);
      continue;
    }
    if (field.array && Array.isArray(child)) child.forEach((c, i) => unknownFields(c, field.file, `${where}/${key}/${i}`, out));
    else if (field.map && child && typeof child === "object")
      for (const [k, v] of Object.entries(child)) unknownFields(v, field.file, `${where}/${key}/${k}`, out);
    else unknownFields(child, field.file, `${where}/${key}`, out);
  }
  return out;
}

function check(object) {
  const key = `${object.apiVersion} ${object.kind}`;
  const model = MODELS[key];
  if (!model) return [`${key}: not a kind this check knows (${Object.keys(MODELS).join(", ")})`];
  const errors = [];
  const Model = require(`kubernetes-models/${model}`)[object.kind];
  try {
    new Model(object).validate();
  } catch (e) {
    errors.push(...String(e.message).split(", ").map((s) => s.replace(/^data/, "")));
  }
  return errors.concat(unknownFields(object, path.join(models, model + ".d.ts"), "", []));
}

// What docs/scale-out.md promises of the Indexed Job.
function contract(object) {
  if (object.kind !== "Job" || object.spec.completionMode !== "Indexed") return [];
  const errors = [];
  const container = object.spec.template.spec.containers[0];
  const shards = (container.env || []).find((e) => e.name === "DOSSIER_SHARDS");
  if (!shards) errors.push("the Indexed Job's container sets no DOSSIER_SHARDS");
  else if (+shards.value !== object.spec.completions || object.spec.parallelism !== object.spec.completions)
    errors.push(`completions ${object.spec.completions}, parallelism ${object.spec.parallelism} and DOSSIER_SHARDS ${shards.value} differ`);
  const command = container.command.join(" ");
  if (!/\bdossier build \S+ --out \S+ --shard auto\b/.test(command)) errors.push(`the pods do not run dossier build --shard auto: ${command}`);
  if (object.spec.template.spec.restartPolicy !== "Never") errors.push("podFailurePolicy needs restartPolicy: Never");
  return errors;
}

function checkFile(file) {
  const objects = yaml.loadAll(fs.readFileSync(file, "utf8")).filter(Boolean);
  const errors = [];
  for (const o of objects) {
    const name = `${path.basename(file)}: ${o.kind} ${o.metadata && o.metadata.name}`;
    for (const e of check(o).concat(contract(o))) errors.push(`${name}: ${e}`);
  }
  return { objects, errors };
}

function main(args) {
  const selfTest = args[0] === "--self-test";
  const files = selfTest ? args.slice(1) : args;
  let failed = false;
  for (const file of files) {
    const { objects, errors } = checkFile(file);
    for (const e of errors) console.log(`ERROR ${e}`);
    failed = failed || errors.length > 0 || objects.length === 0;
    console.log(`${path.basename(file)}: ${objects.length} objects (${objects.map((o) => o.kind).join(", ")}), ${errors.length} errors`);
  }
  if (selfTest) {
    // Each broken copy of the Indexed Job must be caught: the check is no rubber stamp.
    const job = checkFile(files[0]).objects.find((o) => o.kind === "Job");
    const broken = {
      "a misspelt field": (j) => { j.spec.backofLimit = j.spec.backoffLimit; delete j.spec.backoffLimit; },
      "an unknown completion mode": (j) => { j.spec.completionMode = "Indexd"; },
      "a string for a number": (j) => { j.spec.parallelism = "four"; },
      "a container without its name": (j) => { delete j.spec.template.spec.containers[0].name; },
      "a misspelt field deep in the pod": (j) => { j.spec.template.spec.containers[0].volumeMounts[0].mountpath = "/x"; },
      "a misspelt label field": (j) => { j.metadata.lables = { a: "b" }; },
      "shards that disagree": (j) => { j.spec.parallelism = 3; },
    };
    for (const [what, breakIt] of Object.entries(broken)) {
      const copy = JSON.parse(JSON.stringify(job));
      breakIt(copy);
      const errors = check(copy).concat(contract(copy));
      console.log(`self-test, ${what}: ${errors.length ? "caught: " + errors[0] : "NOT CAUGHT"}`);
      failed = failed || errors.length === 0;
    }
  }
  process.exit(failed ? 1 : 0);
}

main(process.argv.slice(2));
