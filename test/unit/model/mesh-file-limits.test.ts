import { describe, expect, it } from 'vitest';
import {
  parseMeshFile,
  parseMeshFileBytes,
  parseMeshFileRepairingSizes,
} from '../../../shared/contracts/contract-text';
import {
  CONTRACT_FILES,
  countUtf8Bytes,
  decodeMeshFileBytes,
  decodeTextFileBytes,
  formatMebibytes,
  formatProblem,
  MAX_MESH_FILE_BYTES,
  MAX_NESTING_DEPTH,
  type Mesh,
  serializeMesh,
  serializeMeshFile,
  utf8ByteLength,
} from '../../../shared/model';
import { aMesh } from '../../builders/mesh-builder';

const encode = (text: string) => new TextEncoder().encode(text);
const problemsOf = (result: { ok: boolean; errors?: { path: string; message: string }[] }) =>
  result.ok ? [] : (result.errors ?? []).map(formatProblem);

/** A valid design whose description holds `count` copies of `character`. */
function aDesignWith(character: string, count: number): Mesh {
  return { ...aMesh().build(), description: character.repeat(count) };
}

/*
 * Contracts are stored as text, so a valid design holds no free-form JSON any more: the depth
 * limit guards hostile files. The deep value sits where a string belongs (the description),
 * one level below the document.
 */
const EXTENSION_LEVEL = 1;
const EXTENSION_PATH = 'description';

/** A design whose description is replaced by arrays nested `depth` deep. */
function nestedArrays(depth: number): string {
  const text = serializeMesh({ ...aMesh().build(), description: 'DEEP' });
  return text.replace('"DEEP"', `${'['.repeat(depth)}${']'.repeat(depth)}`);
}

describe('one byte limit for every reader and writer', () => {
  it('counts UTF-8 bytes, as the file on disk weighs', () => {
    expect(utf8ByteLength('aé€😀')).toBe(1 + 2 + 3 + 4);
    expect(utf8ByteLength('\uD800x')).toBe(3 + 1);
    expect(countUtf8Bytes('aé€😀\uD800')).toBe(utf8ByteLength('aé€😀\uD800'));
    expect(utf8ByteLength(serializeMesh(aDesignWith('é', 1000)))).toBe(
      encode(serializeMesh(aDesignWith('é', 1000))).length,
    );
  });

  it('refuses to save a design that is under the limit in characters but over it in bytes, which would not reopen', () => {
    const design = aDesignWith('é', MAX_MESH_FILE_BYTES / 2 + 1);

    expect(serializeMesh(design).length).toBeLessThan(MAX_MESH_FILE_BYTES);
    expect(problemsOf(serializeMeshFile(design))).toEqual([
      '(document): the design is 64.1 MiB as a file, and mesh files are at most 64 MiB',
    ]);
  });

  it('saves what it can reopen', () => {
    const design = aDesignWith('é', 1000);
    const saved = serializeMeshFile(design);

    expect(saved.ok && parseMeshFileBytes(encode(saved.value))).toMatchObject({ ok: true });
  });

  it('states a size in MiB to the tenth, as file managers do, in the unit of the limit', () => {
    expect(formatMebibytes(73_404_748)).toBe('70 MiB');
    expect(formatMebibytes(1.25 * 1024 * 1024)).toBe('1.3 MiB');
    expect(formatMebibytes(MAX_MESH_FILE_BYTES)).toBe('64 MiB');
  });

  it('never states a size just over the limit as the limit itself', () => {
    expect(formatMebibytes(MAX_MESH_FILE_BYTES + 1)).toBe('64.1 MiB');
  });

  it('refuses bytes over the limit before decoding them', () => {
    expect(problemsOf(decodeMeshFileBytes(new Uint8Array(MAX_MESH_FILE_BYTES + 1)))).toEqual([
      '(file): the file is 64.1 MiB, and mesh files are at most 64 MiB',
    ]);
  });
});

describe('the nesting-depth limit', () => {
  it(`reads a file nested ${MAX_NESTING_DEPTH} levels deep as far as the schema check`, () => {
    expect(problemsOf(parseMeshFile(nestedArrays(MAX_NESTING_DEPTH - EXTENSION_LEVEL)))).toEqual([
      'description: must be a string, not an array',
    ]);
  });

  it('refuses 10,000 nested arrays in an extension before parsing them, with where', () => {
    const arraysAllowed = MAX_NESTING_DEPTH - EXTENSION_LEVEL;
    expect(problemsOf(parseMeshFile(nestedArrays(10_000)))).toEqual([
      `${EXTENSION_PATH}[0]×${arraysAllowed}: nested more than ${MAX_NESTING_DEPTH} levels deep; mesh files nest far less`,
    ]);
  });

  it('refuses to save a document nested deeper than a file may be, instead of overflowing the stack', () => {
    let deep: unknown = [];
    for (let level = 0; level < 10_000; level++) deep = [deep];
    // Only a value of the wrong type can nest so deep in memory: the types allow no free-form JSON.
    const design = { ...aMesh().build(), description: deep as string };

    expect(problemsOf(serializeMeshFile(design))).toEqual([
      `${EXTENSION_PATH}[0]×${MAX_NESTING_DEPTH - EXTENSION_LEVEL}: nested more than ${MAX_NESTING_DEPTH} levels deep`,
    ]);
  });
});

describe('encodings', () => {
  const design = serializeMesh(aDesignWith('é', 3));

  it('opens UTF-8 with a byte order mark', () => {
    expect(parseMeshFileBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...encode(design)])).ok).toBe(true);
    expect(parseMeshFile(`\uFEFF${design}`).ok).toBe(true);
  });

  it('refuses UTF-16, with or without a byte order mark, saying what it is', () => {
    const utf16le = new Uint8Array([0xff, 0xfe, ...[...design].flatMap((char) => [char.charCodeAt(0) & 0xff, 0])]);
    const withoutMark = utf16le.subarray(2);

    expect(problemsOf(parseMeshFileBytes(utf16le))).toEqual([
      '(file): the file is UTF-16 text; mesh files are UTF-8: save it again as UTF-8',
    ]);
    expect(problemsOf(parseMeshFileBytes(withoutMark))[0]).toMatch(/NUL bytes: it is UTF-16 or binary/);
  });

  it('refuses Latin-1 bytes, naming the first one, instead of replacing them', () => {
    const latin1 = encode(design.replace(/é/g, '~'));
    const at = latin1.indexOf('~'.charCodeAt(0));
    latin1[at] = 0xe9;

    expect(problemsOf(parseMeshFileBytes(latin1))).toEqual([
      `(file): byte ${at} (0xe9) is not UTF-8: the file was saved in another encoding (Latin-1, Windows-1252?); save it again as UTF-8`,
    ]);
  });

  it.each([
    ['an overlong encoding', [0xc0, 0xaf]],
    ['a UTF-16 surrogate', [0xed, 0xa0, 0x80]],
    ['a code point past U+10FFFF', [0xf4, 0x90, 0x80, 0x80]],
    ['a cut-off sequence', [0xe2, 0x82]],
  ])('refuses %s', (_case, bytes) => {
    expect(decodeMeshFileBytes(new Uint8Array([0x22, ...bytes, 0x22])).ok).toBe(false);
  });

  it('decodes every valid sequence length', () => {
    expect(decodeMeshFileBytes(encode('"aé€😀"'))).toEqual({ ok: true, value: '"aé€😀"' });
  });
});

describe('duplicate keys', () => {
  it('reports a duplicate key where it is, since JSON keeps only the last one', () => {
    const text = serializeMesh(aMesh().withDomain('sales').build()).replace(
      '"id": "sales",',
      '"id": "sales", "id": "support",',
    );

    const line = text.split('\n').findIndex((candidate) => candidate.includes('"id": "support"')) + 1;
    const column = (text.split('\n')[line - 1] ?? '').lastIndexOf('"id"') + 1;
    expect(problemsOf(parseMeshFile(text))).toEqual([
      `domains[0].id: duplicate key "id": JSON keeps only the last one, so the file says two things (line ${line}, column ${column})`,
    ]);
  });

  it('places a duplicate key by line and column in the Open error too, as it places invalid JSON', () => {
    const text = '{\n  "schemaVersion": 2,\n  "name": "Food",\n  "name": "Dup"\n}';

    expect(problemsOf(parseMeshFileRepairingSizes(text))).toEqual([
      'name: duplicate key "name": JSON keeps only the last one, so the file says two things (line 4, column 3)',
    ]);
  });

  it('tells keys in strings and in separate objects from duplicates', () => {
    const design = aMesh().withDomain('a', { description: '"id": "x", {"id"}' }).withDomain('b').build();

    expect(parseMeshFile(serializeMesh(design)).ok).toBe(true);
  });

  it('compares keys as JSON reads them, escapes included', () => {
    const text = serializeMesh(aMesh().build()).replace('"name":', '"n\\u0061me": "x", "name":');

    expect(problemsOf(parseMeshFile(text))[0]).toMatch(/^name: duplicate key "name"/);
  });
});

describe('contract files opened to be saved back', () => {
  const utf8 = (text: string) => new TextEncoder().encode(text);

  it('keeps a byte order mark in the text, so saving writes the same bytes', () => {
    expect(decodeTextFileBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('id: x\n')]), CONTRACT_FILES)).toEqual({
      ok: true,
      value: '\uFEFFid: x\n',
    });
  });

  it('refuses Latin-1 text naming its first byte that is not UTF-8', () => {
    const read = decodeTextFileBytes(new Uint8Array([...utf8('h'), 0xf4, ...utf8('pital')]), CONTRACT_FILES);
    expect(read.ok || read.errors[0]?.message).toMatch(/^byte 1 \(0xf4\) is not UTF-8/);
  });
});
