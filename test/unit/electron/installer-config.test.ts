import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const ROOT = join(import.meta.dirname, '../../..');
const require = createRequire(import.meta.url);

interface InstallerConfig {
  appId: string;
  productName: string;
  artifactName: string;
  asar: boolean;
  files: string[];
  electronFuses: Record<string, boolean>;
  fileAssociations?: FileAssociation[];
  directories: { buildResources: string };
  mac: { icon: string; target: string[]; fileAssociations?: FileAssociation[]; extendInfo?: MacInfo };
  win: { icon: string; target: string[]; fileAssociations?: FileAssociation[] };
  linux: {
    icon: string;
    target: string[];
    maintainer?: string;
    syncDesktopName?: boolean;
    fileAssociations?: FileAssociation[];
    mimeTypes?: string[];
  };
  extraResources: { from: string }[];
}

interface FileAssociation {
  ext: string | string[];
  icon?: string;
  mimeType?: string;
}

/** The keys of Info.plist that declare the design's file type to macOS. */
interface MacInfo {
  UTExportedTypeDeclarations?: {
    UTTypeIdentifier: string;
    UTTypeConformsTo: string[];
    UTTypeTagSpecification: Record<string, string[]>;
    UTTypeIconFile?: string;
  }[];
  CFBundleDocumentTypes?: {
    LSItemContentTypes?: string[];
    CFBundleTypeExtensions?: string[];
    CFBundleTypeRole?: string;
    CFBundleTypeIconFile?: string;
  }[];
}

interface PackageManifest {
  name: string;
  version: string;
  description?: string;
  main: string;
  homepage?: string;
  author?: { name?: string; email?: string } | string;
  desktopName?: string;
}

const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as PackageManifest;
const config = parse(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as InstallerConfig;

describe('the installer configuration (electron-builder.yml)', () => {
  it('is valid by the JSON schema electron-builder ships', () => {
    const schema = require('app-builder-lib/scheme.json') as object;
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

    const isValid = validate(config);

    expect(validate.errors ?? []).toEqual([]);
    expect(isValid).toBe(true);
  });

  it('names the app and its installers, with the version in every artifact name', () => {
    expect(config.appId).toBe('io.datamesh.designer');
    expect(config.productName).toBe('Data Mesh Designer');
    expect(config.artifactName).toMatch(/\$\{version\}/);
    expect(config.artifactName).not.toMatch(/\s/);
  });

  it('builds an AppImage and a deb, a dmg and an NSIS installer', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.win.target).toEqual(['nsis']);
  });

  it('packs only the build output into an asar, without sources, maps or node_modules', () => {
    expect(config.asar).toBe(true);
    expect(config.files).toEqual([
      'package.json',
      'dist/electron/**',
      'dist/renderer/**',
      '!**/*.map',
      '!**/node_modules/**',
    ]);
  });

  it('flips the fuses that close Node and debugger entry points and guard the asar', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('associates .mesh.json designs on Linux, whose MIME globs match the whole compound extension', () => {
    const [association, ...others] = config.linux.fileAssociations ?? [];

    expect(others).toEqual([]);
    expect(association).toMatchObject({ ext: 'mesh.json', mimeType: 'application/vnd.data-mesh-designer+json' });
    expect(config.linux.mimeTypes).toContain(association?.mimeType);
  });

  it('registers no extension on Windows or macOS, whose shells would read mesh.json as .json (or as nothing)', () => {
    // electron-builder writes the ext as given: NSIS as HKCR\.mesh.json, which Explorer never looks up (it takes the
    // last extension), and macOS as CFBundleTypeExtensions, which LaunchServices matches against the last one too.
    const associationsFor = (associations: FileAssociation[] | undefined) => associations ?? [];
    expect([
      ...associationsFor(config.fileAssociations),
      ...associationsFor(config.win.fileAssociations),
      ...associationsFor(config.mac.fileAssociations),
    ]).toEqual([]);
    for (const documentType of config.mac.extendInfo?.CFBundleDocumentTypes ?? []) {
      expect(documentType.CFBundleTypeExtensions).toBeUndefined();
    }
  });

  it('declares the design to macOS as its own type, a kind of JSON named by the whole mesh.json extension', () => {
    const declarations = config.mac.extendInfo?.UTExportedTypeDeclarations ?? [];
    const designType = declarations.find((declaration) => declaration.UTTypeIdentifier === `${config.appId}.mesh`);

    expect(designType?.UTTypeConformsTo).toContain('public.json');
    expect(designType?.UTTypeTagSpecification['public.filename-extension']).toEqual(['mesh.json']);
    expect(designType?.UTTypeTagSpecification['public.mime-type']).toEqual(['application/vnd.data-mesh-designer+json']);
    expect(config.mac.extendInfo?.CFBundleDocumentTypes).toEqual([
      expect.objectContaining({ LSItemContentTypes: [`${config.appId}.mesh`], CFBundleTypeRole: 'Editor' }),
    ]);
    // The app's icon, which electron-builder copies into the bundle as icon.icns whatever mac.icon's name.
    expect(config.mac.icon).toMatch(/\.icns$/);
    expect(designType?.UTTypeIconFile).toBe('icon.icns');
    expect(config.mac.extendInfo?.CFBundleDocumentTypes?.[0]?.CFBundleTypeIconFile).toBe('icon.icns');
  });

  it('refers only to files that exist', () => {
    const paths = [
      config.mac.icon,
      config.win.icon,
      config.linux.icon,
      ...config.extraResources.map((resource) => resource.from),
      ...[config.fileAssociations, config.mac.fileAssociations, config.win.fileAssociations]
        .flatMap((associations) => associations ?? [])
        .flatMap((association) =>
          association.icon
            ? [
                `${config.directories.buildResources}/${association.icon}.icns`,
                `${config.directories.buildResources}/${association.icon}.ico`,
              ]
            : [],
        ),
    ];

    expect(paths.filter((path) => !existsSync(join(ROOT, path)))).toEqual([]);
  });

  it('has the icon in every size Linux asks for, made from the SVG source', () => {
    for (const size of [16, 32, 48, 64, 128, 256, 512]) {
      const png = readFileSync(join(ROOT, config.linux.icon, `${size}x${size}.png`));
      // A PNG's width and height sit at bytes 16 and 20 of its header.
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
    }
    expect(existsSync(join(ROOT, 'assets/icons/icon.svg'))).toBe(true);
  });

  it('starts the app the build produces', () => {
    expect(manifest.main).toBe('dist/electron/main.cjs');
    expect(config.files).toContain('dist/electron/**');
  });

  it('gives the deb and rpm packages the homepage, maintainer and description they refuse to build without', () => {
    expect(() => new URL(manifest.homepage ?? '')).not.toThrow();
    expect(manifest.homepage).toMatch(/^https:\/\//);
    const author = typeof manifest.author === 'string' ? { name: manifest.author } : manifest.author;
    expect(author?.name).toBeTruthy();
    // fpm's maintainer: linux.maintainer, or else the author with an email.
    expect(config.linux.maintainer ?? author?.email).toBeTruthy();
    expect(manifest.description).toBeTruthy();
  });

  it('names the desktop entry the window says it belongs to, so Linux docks group the window with its launcher', () => {
    expect(manifest.desktopName).toBe(`${manifest.name}.desktop`);
    expect(config.linux.syncDesktopName).toBe(true);
  });
});
