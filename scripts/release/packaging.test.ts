// The installers' configuration, checked as far as a machine without Electron allows: the config
// against electron-builder's schema and package.json, the icons' pixel sizes, the fuses, the files
// that reach app.asar (with electron-builder's own matcher), the electron-vite output, and a real
// `electron-builder --linux dir` run on a stand-in Electron binary (see electronStandIn.ts).

import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isArticleFileName } from '../../electron/engine/parse/articleFiles';
import { preloadPath, sampleArchiveDir } from '../../electron/main/resourcePaths';
import viteConfig from '../../electron.vite.config';
import {
  type BuilderConfig,
  filesFilter,
  type PackageJson,
  REPO_ROOT,
  readBuilderConfig,
  readPackageJson,
  requireFromBuilder,
  validateWithElectronBuilder,
} from './builderConfig';
import { packageOfSpecifier, readBundleImports } from './bundleImports';
import { ELECTRON_DEFAULT_FUSES, readFuses, writeLinuxElectronStandIn } from './electronStandIn';
import { ICNS_TYPE_SIZES, readIcnsEntries, readIcoEntries, readPngHeader } from './imageHeaders';
import { packLinuxDir } from './packLinuxDir';

const run = promisify(execFile);
const config: BuilderConfig = readBuilderConfig();
const pkg: PackageJson = readPackageJson();
const fromRoot = (path: string) => join(REPO_ROOT, path);

/** Every file under a folder, as paths relative to that folder with `/` separators. */
function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((path) => statSync(join(dir, path)).isFile())
    .map((path) => path.split('\\').join('/'))
    .sort();
}

/** The fuses a shipped app needs (docs/installers.md explains each). */
const REQUIRED_FUSES = {
  runAsNode: false,
  enableCookieEncryption: true,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  grantFileProtocolExtraPrivileges: false,
};

describe('electron-builder.yml', () => {
  it("passes electron-builder's own schema validation, which does reject a broken config", async () => {
    await expect(validateWithElectronBuilder()).resolves.toBeUndefined();

    const broken = await mkdtemp(join(tmpdir(), 'broadsheet-builder-config-'));
    try {
      await writeFile(join(broken, 'package.json'), JSON.stringify(pkg));
      await writeFile(
        join(broken, 'electron-builder.yml'),
        readFileSync(fromRoot('electron-builder.yml'), 'utf8').replace('runAsNode: false', 'runAsNod: false'),
      );
      await expect(validateWithElectronBuilder(broken)).rejects.toThrow(/electronFuses/);
    } finally {
      await rm(broken, { recursive: true, force: true });
    }
  });

  it('names the app as package.json does and writes into release/', () => {
    expect(config.appId).toMatch(/^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*){2,}$/);
    expect(pkg.productName).toBe('Broadsheet');
    expect(config.productName).toBe(pkg.productName);
    expect(pkg.version).toMatch(/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/);
    expect(config.directories?.output).toBe('release');
    // The CLI is `broadsheet` (package.json "bin"); the desktop executable must not take its name.
    expect(Object.keys((pkg as { bin?: Record<string, string> }).bin ?? {})).not.toContain(
      config.linux?.executableName,
    );
  });

  it('builds AppImage and deb on Linux, dmg on macOS and an NSIS installer on Windows', () => {
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect([config.mac?.target].flat()).toEqual(['dmg']);
    expect([config.win?.target].flat()).toEqual(['nsis']);
    expect(config.asar).toBe(true);
  });

  it('has the package.json metadata the deb target refuses to build without', () => {
    // electron-builder's FpmTarget: "Please specify project homepage" / author email for the maintainer.
    expect(pkg.description, 'package.json "description"').toBeTruthy();
    expect(pkg.homepage ?? '(none)', 'package.json "homepage"').toMatch(/^https:\/\//);
    const author = typeof pkg.author === 'string' ? { email: /<([^>]+)>/.exec(pkg.author)?.[1] } : pkg.author;
    expect(author?.email ?? '(none)', 'package.json "author" with an email (the deb maintainer)').toMatch(
      /^[^@\s]+@[^@\s]+$/,
    );
  });

  it('refers only to files and folders that exist', () => {
    const referenced = [
      config.directories?.buildResources,
      config.icon,
      config.linux?.icon,
      config.mac?.icon,
      config.win?.icon,
      config.nsis?.installerIcon,
      config.nsis?.uninstallerIcon,
      ...(config.extraResources ?? []).map((resource) => resource.from),
    ];
    for (const path of referenced) {
      expect(path, 'a path in electron-builder.yml').toBeTypeOf('string');
      expect(existsSync(fromRoot(path as string)), `${path} exists`).toBe(true);
    }
  });

  it('ships the sample archive where the packaged app looks for it', () => {
    const resource = config.extraResources?.find((r) => r.from === 'resources/sample-archive');
    expect(resource, 'resources/sample-archive in extraResources').toBeDefined();
    const packaged = sampleArchiveDir({ isPackaged: true, resourcesPath: '/R', appPath: '/A' });
    expect(join('/R', resource?.to ?? '')).toBe(packaged);
    const articles = listFiles(fromRoot('resources/sample-archive')).filter((f) =>
      isArticleFileName(basename(f)),
    );
    expect(articles.length).toBeGreaterThan(0);
  });

  describe('icons', () => {
    it('gives Linux a folder of square RGBA NxN.png files from 16 to 512 pixels', () => {
      const dir = fromRoot(config.linux?.icon ?? '');
      const sizes: number[] = [];
      for (const name of readdirSync(dir).filter((n) => /^\d+x\d+\.png$/.test(n))) {
        const [width, height] = name.replace('.png', '').split('x').map(Number);
        const header = readPngHeader(readFileSync(join(dir, name)), name);
        expect(header, name).toEqual({ width, height, colorType: 6 });
        sizes.push(header.width);
      }
      expect(sizes).toEqual(expect.arrayContaining([16, 32, 48, 64, 128, 256, 512]));
    });

    it('gives the default icon.png at least 512 pixels (electron-builder converts it where needed)', () => {
      const header = readPngHeader(readFileSync(fromRoot(config.icon ?? '')), config.icon ?? '');
      expect(header.width).toBe(header.height);
      expect(header.width).toBeGreaterThanOrEqual(512);
      expect(header.colorType).toBe(6);
    });

    it('gives Windows an .ico with 16, 32, 48 and 256 pixel images of the sizes they claim', () => {
      for (const path of [config.win?.icon, config.nsis?.installerIcon, config.nsis?.uninstallerIcon]) {
        const entries = readIcoEntries(readFileSync(fromRoot(path ?? '')), path ?? '');
        for (const { claimed, image } of entries) {
          expect(image, `${path} ${claimed}px entry`).toMatchObject({ width: claimed, height: claimed });
        }
        expect(entries.map((e) => e.claimed)).toEqual(expect.arrayContaining([16, 32, 48, 256]));
      }
    });

    it('gives macOS an .icns whose entries hold the sizes their types mean, up to 1024', () => {
      const path = config.mac?.icon ?? '';
      const entries = readIcnsEntries(readFileSync(fromRoot(path)), path);
      for (const { type, image } of entries) {
        expect(ICNS_TYPE_SIZES[type], `${path}: known PNG type ${type}`).toBeDefined();
        expect(image, `${path} ${type}`).toMatchObject({
          width: ICNS_TYPE_SIZES[type],
          height: ICNS_TYPE_SIZES[type],
        });
      }
      const sizes = entries.map((e) => e.image.width);
      expect(sizes).toEqual(expect.arrayContaining([16, 32, 128, 256, 512, 1024]));
    });

    it('rejects icon files that are not what they claim', () => {
      const png = readFileSync(fromRoot('resources/icons/16x16.png'));
      expect(() => readPngHeader(png.subarray(1), 'shifted')).toThrow(/shifted is not a PNG/);
      expect(() => readIcoEntries(png, 'png.ico')).toThrow(/not an \.ico/);
      const icns = Buffer.from(readFileSync(fromRoot(config.mac?.icon ?? '')));
      expect(() => readIcnsEntries(icns.subarray(0, icns.length - 1), 'cut.icns')).toThrow(/cut\.icns/);
    });
  });

  it('sets the fuses a shipped app needs and keeps asar integrity on', () => {
    expect(config.electronFuses).toEqual(REQUIRED_FUSES);
    expect(config.disableAsarIntegrity).not.toBe(true);
  });

  it("unpacks @parcel/watcher's native binary from the asar and does not rebuild it", () => {
    const unpack = filesFilter(config.asarUnpack ?? []);
    const parcel = fromRoot('node_modules/@parcel');
    const natives = readdirSync(parcel)
      .flatMap((dir) => listFiles(join(parcel, dir)).map((file) => `node_modules/@parcel/${dir}/${file}`))
      .filter((file) => file.endsWith('.node'));
    expect(natives.length, 'an installed @parcel/watcher prebuild').toBeGreaterThan(0);
    for (const file of natives) expect(unpack(file), file).toBe(true);
    expect(unpack('out/main/index.js')).toBe(false);
    // Its prebuilds are N-API: they load in Electron as built, no node-gyp needed on the build machine.
    expect(config.npmRebuild).toBe(false);
  });

  it("copies electron-vite's app output and nothing development-only into the app", () => {
    const included = filesFilter(config.files ?? []);
    for (const file of [
      'out/main/index.js',
      'out/main/libraryWorker.js',
      'out/main/scanWorker.js',
      'out/main/parseChunk-0a1B2c3D.js',
      'out/preload/index.cjs',
      'out/renderer/index.html',
      'out/renderer/assets/index-0a1B2c3D.js',
    ]) {
      expect(included(file), `${file} is packaged`).toBe(true);
    }
    for (const file of [
      'out/main/index.js.map',
      'out/preload/index.cjs.map',
      'out/renderer/assets/index-0a1B2c3D.js.map',
      'out/web/index.html',
      'out/node/cli.js',
      'out/e2e-results/report.json',
      'electron/main/index.ts',
      'resources/icons/icon.png',
      'e2e/seeds.spec.ts',
    ]) {
      expect(included(file), `${file} is left out`).toBe(false);
    }
  });

  it('has package.json "main" point at the main bundle electron-vite writes', () => {
    const main = viteConfig.main?.build;
    const input = main?.rolldownOptions?.input as Record<string, string>;
    const output = main?.rolldownOptions?.output as { entryFileNames: string; format: string };
    expect(input.index).toBe(fromRoot('electron/main/index.ts'));
    const expected = join(
      relative(REPO_ROOT, main?.outDir ?? ''),
      output.entryFileNames.replace('[name]', 'index'),
    );
    expect(pkg.main).toBe(expected.split('\\').join('/'));
    // An ES bundle in a .js file loads as ESM only under "type": "module".
    expect(output.format).toBe('es');
    expect(pkg.type).toBe('module');
  });

  it('keeps Electron and the build tools out of the runtime dependencies', () => {
    // electron-builder reads the Electron version to package from devDependencies: it must be exact.
    expect(pkg.devDependencies?.electron).toMatch(/^\d+\.\d+\.\d+$/);
    for (const tool of ['electron', 'electron-builder', 'electron-vite', 'vite']) {
      expect(pkg.dependencies ?? {}, tool).not.toHaveProperty(tool);
    }
  });
});

describe('the electron-vite build', () => {
  let buildError: string | null = null;
  const out = fromRoot('out');

  beforeAll(async () => {
    // The same build `npm run build` and `npm run dist` make, into out/ where electron-builder reads it.
    // electron-vite's "exports" hides its bin; it sits beside dist/ in the package.
    const entry = createRequire(fromRoot('package.json')).resolve('electron-vite');
    const bin = join(dirname(entry), '..', 'bin', 'electron-vite.js');
    try {
      await run(process.execPath, [bin, 'build', '--logLevel', 'warn'], { cwd: REPO_ROOT });
    } catch (error) {
      const { stderr = '', message } = error as { stderr?: string; message: string };
      buildError = `electron-vite build failed, so the built-output checks are skipped: ${stderr || message}`;
    }
  }, 180_000);

  const requireBuild = (skip: (note: string) => void) => {
    if (buildError) skip(buildError);
  };

  it('puts package.json "main" on a real file with its worker bundles beside it', ({ skip }) => {
    requireBuild(skip);
    const main = fromRoot(pkg.main ?? '');
    expect(statSync(main).isFile()).toBe(true);
    // electron/engine/workerScript.ts finds workers as siblings of the bundle that starts them.
    for (const worker of ['libraryWorker.js', 'scanWorker.js']) {
      expect(existsSync(join(main, '..', worker)), worker).toBe(true);
    }
    const included = filesFilter(config.files ?? []);
    expect(included(pkg.main ?? '')).toBe(true);
  });

  it('packages exactly the main, preload and renderer output, without source maps', ({ skip }) => {
    requireBuild(skip);
    const included = filesFilter(config.files ?? []);
    const files = listFiles(out).map((file) => `out/${file}`);
    expect(files).toContain('out/renderer/index.html');
    for (const file of files) {
      const shipped = /^out\/(main|preload|renderer)\//.test(file) && !file.endsWith('.map');
      expect(included(file), file).toBe(shipped);
    }
  });

  it('has a CommonJS preload that needs nothing but electron (a sandboxed preload cannot load packages)', async ({
    skip,
  }) => {
    requireBuild(skip);
    const preload = preloadPath(join(out, 'main'));
    expect(preload.endsWith('.cjs')).toBe(true);
    expect(await readBundleImports(preload)).toEqual({ format: 'cjs', external: ['electron'] });
  });

  it('loads at run time only packages listed in "dependencies", which electron-builder puts in the asar', async ({
    skip,
  }) => {
    requireBuild(skip);
    const used = new Set<string>();
    for (const file of listFiles(join(out, 'main')).filter((f) => f.endsWith('.js'))) {
      const imports = await readBundleImports(join(out, 'main', file));
      expect(imports.format, file).toBe('esm');
      for (const specifier of imports.external) {
        const name = packageOfSpecifier(specifier);
        if (name) used.add(name);
      }
    }
    // The engine's parser and watcher at least; an empty set would mean the check saw nothing.
    expect([...used]).toEqual(expect.arrayContaining(['@parcel/watcher', 'gray-matter']));
    for (const name of used) {
      expect(pkg.dependencies, `${name} is imported by out/main at run time`).toHaveProperty(name);
      expect(pkg.devDependencies ?? {}, name).not.toHaveProperty(name);
    }
  });

  describe.skipIf(process.platform !== 'linux')('packaged with electron-builder --linux dir', () => {
    let work = '';
    let appDir = '';
    let standInBytes = Buffer.alloc(0);
    let asar: AsarModule;
    let archive = '';

    interface AsarModule {
      listPackage(archive: string, options: { isPack: boolean }): string[];
      extractFile(archive: string, file: string): Buffer;
      statFile(archive: string, file: string): { unpacked?: boolean };
    }

    // biome-ignore lint/suspicious/noDuplicateTestHooks: this block's own setup, run after the outer build.
    beforeAll(async () => {
      if (buildError) return;
      work = await mkdtemp(join(tmpdir(), 'broadsheet-pack-'));
      const standIn = await writeLinuxElectronStandIn(join(work, 'electron-dist'));
      standInBytes = await readFile(standIn);
      ({ appDir } = await packLinuxDir(join(work, 'electron-dist'), join(work, 'release')));
      asar = requireFromBuilder<AsarModule>('@electron/asar');
      archive = join(appDir, 'resources', 'app.asar');
    }, 300_000);

    afterAll(async () => {
      if (work) await rm(work, { recursive: true, force: true });
    });

    const entries = () => asar.listPackage(archive, { isPack: false }).map((e) => e.split('\\').join('/'));

    it('puts package.json, its "main" and the built app into app.asar, without maps or dev output', ({
      skip,
    }) => {
      requireBuild(skip);
      const packagedPkg = JSON.parse(
        asar.extractFile(archive, 'package.json').toString('utf8'),
      ) as PackageJson;
      expect(packagedPkg.main).toBe(pkg.main);
      expect(packagedPkg.type).toBe('module');
      const list = entries();
      for (const file of [pkg.main, 'out/preload/index.cjs', 'out/renderer/index.html']) {
        expect(list, file).toContain(`/${file}`);
      }
      expect(list.filter((e) => e.endsWith('.map') || /^\/out\/(web|node|e2e-results)/.test(e))).toEqual([]);
    });

    it('carries every runtime dependency and its own dependencies, and no devDependency', ({ skip }) => {
      requireBuild(skip);
      const list = new Set(entries());
      const has = (name: string) => list.has(`/node_modules/${name}/package.json`);
      for (const name of Object.keys(pkg.dependencies ?? {})) {
        expect(has(name), `${name} in app.asar`).toBe(true);
        const own = JSON.parse(
          asar.extractFile(archive, `node_modules/${name}/package.json`).toString('utf8'),
        ) as {
          dependencies?: Record<string, string>;
        };
        for (const dep of Object.keys(own.dependencies ?? {})) {
          const nested = list.has(`/node_modules/${name}/node_modules/${dep}/package.json`);
          expect(has(dep) || nested, `${dep} (needed by ${name}) in app.asar`).toBe(true);
        }
      }
      for (const name of Object.keys(pkg.devDependencies ?? {})) {
        expect(has(name), `devDependency ${name} in app.asar`).toBe(false);
      }
    });

    it("leaves @parcel/watcher's native binary beside the asar, where Electron loads it from", ({ skip }) => {
      requireBuild(skip);
      const natives = entries().filter((e) => e.endsWith('.node'));
      expect(natives.length).toBeGreaterThan(0);
      for (const entry of natives) {
        expect(asar.statFile(archive, entry.slice(1)).unpacked, entry).toBe(true);
        expect(existsSync(join(appDir, 'resources', 'app.asar.unpacked', entry)), entry).toBe(true);
      }
    });

    it('copies the sample archive next to app.asar unchanged', ({ skip }) => {
      requireBuild(skip);
      const packaged = sampleArchiveDir({
        isPackaged: true,
        resourcesPath: join(appDir, 'resources'),
        appPath: archive,
      });
      expect(listFiles(packaged)).toEqual(listFiles(fromRoot('resources/sample-archive')));
    });

    it('flips the fuses in the packaged binary only, leaving the Electron it copied untouched', async ({
      skip,
    }) => {
      requireBuild(skip);
      const executable = join(appDir, config.linux?.executableName ?? '');
      const flipped = await readFuses(executable);
      const expected: Record<string, boolean> = { ...ELECTRON_DEFAULT_FUSES };
      for (const [option, on] of Object.entries(REQUIRED_FUSES)) {
        expected[option.charAt(0).toUpperCase() + option.slice(1)] = on;
      }
      expect(flipped).toEqual(expected);
      // The source Electron (node_modules/electron in development) keeps its defaults, which is what
      // lets `npm start` and the Playwright e2e run the unpackaged out/ build with --inspect.
      const source = join(work, 'electron-dist', 'electron');
      expect((await readFile(source)).equals(standInBytes)).toBe(true);
      expect(await readFuses(source)).toEqual(ELECTRON_DEFAULT_FUSES);
    });
  });
});
