// What a built bundle still loads at run time: the imports electron-vite left external, read with
// esbuild's parser (its metafile), plus the module format esbuild detected.

import { builtinModules } from 'node:module';
import { build } from 'esbuild';

export interface BundleImports {
  /** 'esm' or 'cjs' as esbuild detected it from the syntax; undefined when neither shows. */
  format: 'esm' | 'cjs' | undefined;
  /** Bare specifiers loaded at run time, deduplicated and sorted (node builtins included). */
  external: string[];
}

export async function readBundleImports(file: string): Promise<BundleImports> {
  const result = await build({
    entryPoints: [file],
    bundle: true,
    write: false,
    metafile: true,
    platform: 'node',
    logLevel: 'silent',
    // Every bare specifier stays external, exactly as it will be resolved inside the app.
    packages: 'external',
    external: ['electron'],
  });
  const outputs = Object.values(result.metafile.outputs);
  const external = new Set<string>();
  for (const output of outputs) {
    for (const entry of output.imports) if (entry.external) external.add(entry.path);
  }
  const inputs = Object.values(result.metafile.inputs);
  return { format: inputs[0]?.format, external: [...external].sort() };
}

const BUILTINS = new Set(builtinModules);

/** The npm package a bare specifier belongs to, or null for node builtins and Electron itself. */
export function packageOfSpecifier(specifier: string): string | null {
  if (
    specifier.startsWith('node:') ||
    BUILTINS.has(specifier) ||
    BUILTINS.has(specifier.split('/')[0] ?? '')
  ) {
    return null;
  }
  if (specifier === 'electron' || specifier.startsWith('electron/')) return null;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}
