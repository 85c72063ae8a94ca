import { spawnSync } from 'node:child_process';
import jsYaml from 'js-yaml';
import { parse, parseAllDocuments } from 'yaml';
import { isDeepEqual } from '../../../shared/model/deep-equal';

/**
 * What each YAML reader a consumer of our files may run makes of a text: the `yaml`
 * package as YAML 1.2 and as YAML 1.1, js-yaml 3 (YAML 1.1 types) and PyYAML (the YAML 1.1
 * reader under datacontract-cli), each as plain JSON so they compare with toEqual.
 * Multi-document texts read as arrays of documents.
 */
export interface YamlReadings {
  yaml12: unknown;
  yaml11: unknown;
  jsYaml3: unknown;
  pyYaml: unknown;
}

const PY_READER = `
import json, sys, yaml
texts = json.load(sys.stdin)
def read(text):
    try:
        documents = list(yaml.safe_load_all(text))
        return {"ok": documents}
    except Exception as error:
        return {"error": str(error)}
# default=repr: a value PyYAML turned into a date or a set shows as its repr, and so differs.
print(json.dumps([read(text) for text in texts], default=repr))
`;

/** PyYAML's readings of many texts at once (one Python process), each an array of documents. */
export function readWithPyYaml(texts: readonly string[]): unknown[][] {
  const run = spawnSync('python3', ['-c', PY_READER], { input: JSON.stringify(texts), encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`python3 with PyYAML failed: ${run.stderr}`);
  return (JSON.parse(run.stdout) as ({ ok: unknown[] } | { error: string })[]).map((reading) => {
    if ('error' in reading) throw new Error(`PyYAML could not read the text: ${reading.error}`);
    return reading.ok;
  });
}

const asJson = (value: unknown) => JSON.parse(JSON.stringify(value) ?? 'null');

export function readEverywhere(texts: readonly string[]): YamlReadings[] {
  const pyYaml = readWithPyYaml(texts);
  return texts.map((text, index) => ({
    yaml12: parseAllDocuments(text).map((document) => document.toJSON()),
    yaml11: parseAllDocuments(text, { version: '1.1' }).map((document) => asJson(document.toJSON())),
    jsYaml3: jsYaml.safeLoadAll(text).map(asJson),
    pyYaml: pyYaml[index],
  }));
}

/** The one reading of a single-document text every reader agrees on; throws naming the ones that differ. */
export function readAlike(text: string): unknown {
  return readAllAlike([text])[0];
}

/** `readAlike` for many texts, with one PyYAML process for them all. */
export function readAllAlike(texts: readonly string[]): unknown[] {
  return readEverywhere(texts).map((readings, index) => {
    const text = texts[index] as string;
    const expected = parse(text);
    const differing = Object.entries(readings).filter(([, documents]) => !isDeepEqual(documents, [expected]));
    if (differing.length > 0) {
      throw new Error(`readers differ on this YAML: ${differing.map(([reader]) => reader).join(', ')}\n${text}`);
    }
    return expected;
  });
}
